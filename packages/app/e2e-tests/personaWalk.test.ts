import { Page } from '@playwright/test';
import { Persona, expect, test } from './support/personas';
import {
  RunningVm,
  VmRequest,
  cancelRequest,
  deleteVm,
  provisionRunningVm,
  submitVmRequest,
} from './support/shepherdApi';
import {
  chooseNamespace,
  chooseService,
  chooseSize,
  chooseTemplate,
  giveReason,
  namespaceChoices,
  sizeChoices,
} from './support/wizard';

/*
 * Each persona of the demo portal signs in and does what it may, and is not offered what it
 * may not: tabs, pages, wizard choices and VM actions follow the person's permissions before
 * they act, and explain what is closed.
 */

const TEST_CLUSTER = 'sim-test';
const LEDGER_IN_DEV: VmRequest = {
  service: 'ledger',
  namespace: 'dev',
  template: 'fedora-40',
  instanceSize: 'medium',
  reason: 'A VM every persona looks at',
};

/** The tabs every signed-in user has. */
const EVERYONE = [
  'Overview',
  'VMs',
  'Request a VM',
  'My requests',
  'Systems & Services',
];
/** The tabs of people with a role beyond Systems: approvers, auditors, administrators. */
const ROLE_TABS = ['Approvals', 'Audit log', 'Admin'];

const TABS: Record<Persona, string[]> = {
  'platform-admin': [...EVERYONE, 'Approvals', 'Audit log', 'Admin'],
  approver: [...EVERYONE, 'Approvals', 'Admin'],
  'engineer-test': EVERYONE,
  'engineer-prod': EVERYONE,
  viewer: [...EVERYONE, 'Audit log'],
  outsider: EVERYONE,
};

/** The page's tab names, without the count the Approvals tab may carry. */
async function tabNames(page: Page): Promise<string[]> {
  const tabs = page.getByRole('tablist').first().getByRole('tab');
  return (await tabs.allTextContents()).map(name =>
    name.replace(/ \(\d+\)$/, ''),
  );
}

/** Opens the Shepherd page as the persona and checks its tabs, in order, and no others. */
async function openShepherd(
  openAs: (persona: Persona, path?: string) => Promise<Page>,
  persona: Persona,
): Promise<Page> {
  const page = await openAs(persona, '/shepherd');
  // Tabs of roles appear once the permission framework has answered.
  await expect.poll(() => tabNames(page)).toEqual(TABS[persona]);
  for (const closed of ROLE_TABS.filter(tab => !TABS[persona].includes(tab))) {
    await expect(
      page.getByRole('link', { name: closed, exact: true }),
    ).toHaveCount(0);
  }
  return page;
}

/** The VM page's action buttons, as a person finds them. */
function actionButton(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

let vm: RunningVm;
const pendingTickets: string[] = [];

test.beforeAll(async () => {
  vm = await provisionRunningVm('engineer-test', LEDGER_IN_DEV, TEST_CLUSTER);
});

test.afterAll(async () => {
  for (const ticketId of pendingTickets.splice(0)) {
    await cancelRequest('engineer-test', ticketId);
  }
  await deleteVm('engineer-test', vm);
});

test('platform-admin administers the platform and sees its health', async ({
  openAs,
}) => {
  const page = await openShepherd(openAs, 'platform-admin');
  await expect(page.getByText('Backend health')).toBeVisible();
  await page.getByRole('tab', { name: 'Admin' }).click();
  for (const cluster of ['sim-test', 'sim-prod']) {
    await expect(page.getByText(cluster).first()).toBeVisible();
  }
});

test('approver decides requests, and is told upfront that it requests no VMs', async ({
  openAs,
}) => {
  const ticketId = await submitVmRequest('engineer-test', {
    ...LEDGER_IN_DEV,
    reason: 'Waits for the approver of the persona walk',
  });
  pendingTickets.push(ticketId);
  const page = await openShepherd(openAs, 'approver');
  await expect(page.getByText('Waiting for your decision')).toBeVisible();
  await expect(
    page.getByRole('tab', { name: /^Approvals \(\d+\)$/ }),
  ).toBeVisible();

  await page.goto(`/shepherd/approvals/${ticketId}`);
  await expect(
    page.getByRole('button', { name: 'Approve', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Reject', exact: true }),
  ).toBeEnabled();

  // The approver holds no member role in a System: the wizard says so before any step.
  await page.getByRole('tab', { name: 'Request a VM' }).click();
  await expect(page.getByText('You cannot request VMs yet')).toBeVisible();
  await expect(page.getByLabel('System')).toHaveCount(0);

  // Not an auditor: a link to the audit log explains instead of showing it.
  await page.goto('/shepherd/audit');
  await expect(page.getByText(/shepherd\.audit\.read/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);
});

test('engineer-test requests test VMs only, for its own Systems, and hears of a refusal beside Submit', async ({
  openAs,
}) => {
  const page = await openShepherd(openAs, 'engineer-test');
  await expect(page.getByText('Backend health')).toHaveCount(0);
  await expect(page.getByText('Waiting for your decision')).toHaveCount(0);

  // A request of the same VM waits already: the backend refuses the second one.
  const waiting = await submitVmRequest('engineer-test', {
    ...LEDGER_IN_DEV,
    reason: 'Already asked for through the API',
  });
  pendingTickets.push(waiting);

  await page.getByRole('tab', { name: 'Request a VM' }).click();
  await page.getByLabel('System').click();
  // Systems where engineer-test is only a viewer, or not a member, are not offered.
  await expect(page.getByRole('option', { name: /^payments / })).toBeVisible();
  await expect(page.getByRole('option', { name: /^logistics / })).toHaveCount(
    0,
  );
  await page.keyboard.press('Escape');
  await chooseService(page, 'payments', LEDGER_IN_DEV.service);
  // Production namespaces are not offered to an engineer of test environments.
  await expect(
    namespaceChoices(page).getByRole('radio', { name: /^dev test / }),
  ).toBeVisible();
  await expect(
    namespaceChoices(page).getByRole('radio', { name: /^prd / }),
  ).toHaveCount(0);
  await chooseNamespace(page, 'dev', 'test');
  await chooseTemplate(page, LEDGER_IN_DEV.template);
  await chooseSize(page, LEDGER_IN_DEV.instanceSize);
  await giveReason(page, 'The same VM once more');

  const submit = page.getByRole('button', { name: 'Submit request' });
  await submit.click();
  const refusal = page
    .getByRole('alert')
    .filter({ hasText: /already|pending/i });
  await expect(refusal).toBeVisible();
  // The refusal is shown where the person looks: right by the button they pressed.
  const [alertBox, buttonBox] = [
    await refusal.boundingBox(),
    await submit.boundingBox(),
  ];
  expect(Math.abs(alertBox!.y - buttonBox!.y)).toBeLessThan(250);

  // Its own test VM: the actions are offered.
  await page.goto(`/shepherd/vms/${vm.id}`);
  await expect(actionButton(page, 'Stop')).toBeEnabled();
  await expect(actionButton(page, 'Request deletion')).toBeEnabled();
  await page.goto('/shepherd/admin');
  await expect(page.getByText(/platform administrators/).first()).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Register cluster' }),
  ).toHaveCount(0);
});

test('engineer-prod requests production VMs, and is told what an overcommitted size means there', async ({
  openAs,
}) => {
  const page = await openShepherd(openAs, 'engineer-prod');
  await page.getByRole('tab', { name: 'Request a VM' }).click();
  await chooseService(page, 'payments', LEDGER_IN_DEV.service);
  await expect(
    namespaceChoices(page).getByRole('radio', { name: /^prd prod / }),
  ).toBeVisible();
  await chooseNamespace(page, 'prd', 'prod');
  await chooseTemplate(page, LEDGER_IN_DEV.template);
  // Small's CPU request is below its limit: overcommitted, which production warns about in
  // words; the code stays beside them for support.
  const small = sizeChoices(page).getByRole('radio', { name: /\(small\)/ });
  await expect(small).toBeEnabled();
  await expect(
    sizeChoices(page).getByText(/Overcommitted in production/),
  ).toBeVisible();
  await expect(
    sizeChoices(page).getByText('OVERCOMMIT_IN_PROD', { exact: true }),
  ).toHaveCount(0);
});

test('viewer reads VMs and the audit log, and is offered no request and no action', async ({
  openAs,
}) => {
  const page = await openShepherd(openAs, 'viewer');
  await page.getByRole('tab', { name: 'Request a VM' }).click();
  await expect(page.getByText('You cannot request VMs yet')).toBeVisible();
  await expect(page.getByText(/team-payments/)).toBeVisible();
  await expect(page.getByLabel('System')).toHaveCount(0);

  await page.goto(`/shepherd/vms/${vm.id}`);
  await expect(page.getByRole('heading', { name: vm.name })).toBeVisible();
  for (const name of [
    'Start',
    'Stop',
    'Restart',
    'Resize',
    'Request deletion',
  ]) {
    const button = actionButton(page, name);
    if ((await button.count()) > 0) await expect(button).toBeDisabled();
  }
  await expect(
    page.getByRole('button', { name: /console access/i }),
  ).toHaveCount(0);

  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
});

test('outsider is told how to get a role, and never pointed at what it cannot use', async ({
  openAs,
}) => {
  const page = await openShepherd(openAs, 'outsider');
  const gettingStarted = page
    .locator('.MuiCard-root')
    .filter({ hasText: 'Getting started' });
  await expect(gettingStarted).toContainText(/you cannot request one yet/);
  await expect(gettingStarted).toContainText(/platform team/);
  // No step that needs a role it lacks.
  await expect(
    gettingStarted.getByRole('link', { name: 'Request a VM' }),
  ).toHaveCount(0);
  await expect(page.getByText('Backend health')).toHaveCount(0);

  await page.getByRole('tab', { name: 'VMs' }).click();
  await expect(page.getByRole('link', { name: vm.name })).toHaveCount(0);
  await page.goto(`/shepherd/vms/${vm.id}`);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
});
