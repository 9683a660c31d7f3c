import { Page } from '@playwright/test';
import { Persona, expect, test } from './support/personas';
import {
  RunningVm,
  VmRequest,
  approveRequest,
  cancelRequest,
  deleteVm,
  provisionRunningVm,
  rejectRequest,
  submitVmRequest,
} from './support/shepherdApi';
import { PageSignals } from './support/signals';

/*
 * A page shows one state at a time: what a VM's page and a request's page say while requests
 * run on the VM, and once it is gone, never contradict each other.
 */

const TEST_CLUSTER = 'sim-test';
const TEST_VM: VmRequest = {
  service: 'ledger',
  namespace: 'dev',
  template: 'fedora-40',
  instanceSize: 'small',
  reason: 'Checks that a VM page shows one state at a time',
};
/** How far the page's clock is moved on to show it no longer polls: many poll periods. */
const LONG_AFTER = '10:00';

/** The status row of the VM detail page's "Status and placement" card. */
function vmStatus(page: Page) {
  return page.getByRole('row', { name: 'Status', exact: true });
}

/** The VM page's action buttons, as a person finds them. */
function actionButton(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** The VMs a test provisioned and did not delete itself; deleted after each test. */
const provisioned: Array<{ requester: Persona; vm: RunningVm }> = [];

test.afterEach(async () => {
  for (const { requester, vm } of provisioned.splice(0)) {
    await deleteVm(requester, vm);
  }
});

test('a VM page follows a stop and a deletion without contradicting itself, and stops asking for a deleted VM', async ({
  openAs,
}) => {
  test.slow();
  const vm = await provisionRunningVm('engineer-test', TEST_VM, TEST_CLUSTER);
  const page = await openAs('engineer-test', '/shepherd');
  // The page's timers run as usual until the test moves its clock on.
  await page.clock.install();
  const signals = PageSignals.listen(page);
  await page.goto(`/shepherd/vms/${vm.id}`);
  await expect(vmStatus(page)).toContainText('RUNNING');

  await test.step('an accepted stop is announced until the VM shows it', async () => {
    await actionButton(page, 'Stop').click();
    const dialog = page.getByRole('dialog', { name: `Stop ${vm.name}?` });
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(vmStatus(page)).toContainText('STOPPED');
    await expect(page.getByText(/Stop accepted/)).toHaveCount(0);
    await expect(actionButton(page, 'Start')).toBeEnabled();
    await expect(actionButton(page, 'Stop')).toBeDisabled();
  });

  let deletionTicketId = '';
  await test.step('a pending deletion disables a second one, naming it', async () => {
    await actionButton(page, 'Request deletion').click();
    const dialog = page.getByRole('dialog', { name: `Delete ${vm.name}?` });
    await dialog
      .getByRole('checkbox', {
        name: `I understand that ${vm.name} and its disks will be deleted`,
      })
      .check();
    // The VM shows STOPPED a moment before the stop's job has ended; a VM runs one operation
    // at a time, so a deletion asked for in between is refused as busy and asked for again.
    await expect(async () => {
      if (await dialog.isVisible()) {
        await dialog.getByRole('button', { name: 'Request deletion' }).click();
      }
      await expect(dialog).toBeHidden({ timeout: 2_000 });
    }).toPass();
    const banner = page.getByText(/Submitted for approval/);
    await expect(banner).toBeVisible();
    const deleteButton = actionButton(page, 'Request deletion');
    await expect(deleteButton).toBeDisabled();
    // The disabled button's tooltip names the request it waits for.
    await deleteButton.locator('..').hover();
    await expect(page.getByRole('tooltip')).toContainText(`Delete ${vm.name}`);
    deletionTicketId = (await page
      .getByRole('alert')
      .filter({ hasText: 'Submitted for approval' })
      .getByRole('link')
      .first()
      .getAttribute('href'))!
      .split('/')
      .pop()!;
    expect(deletionTicketId).toMatch(/^[0-9a-f-]{36}$/);
  });

  await test.step('once the deletion is carried out, the page says so and nothing else', async () => {
    await approveRequest(deletionTicketId);
    await expect(
      page.getByRole('alert').filter({ hasText: 'This VM was deleted' }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Submitted for approval/)).toHaveCount(0);
    await expect(page.getByText(/Could not refresh/)).toHaveCount(0);
    await expect(page.getByText('NOT_FOUND')).toHaveCount(0);
    for (const name of ['Start', 'Stop', 'Restart', 'Resize']) {
      await expect(actionButton(page, name)).toHaveCount(0);
    }
    await expect(page.getByText('RUNNING', { exact: true })).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: `Delete ${vm.name}` }).first(),
    ).toHaveAttribute('href', new RegExp(`${deletionTicketId}$`));
  });

  await test.step('and no longer asks for the VM', async () => {
    const mark = signals.mark();
    const vmPath = `/api/shepherd/v1/vms/${vm.id}`;
    // Every timer the page has set, its polls included, comes due.
    await page.clock.fastForward(LONG_AFTER);
    await page.clock.fastForward(LONG_AFTER);
    // A read made after them: the page's requests are seen in the order they were made.
    await page.evaluate(() => fetch('/api/shepherd/v1/health'));
    await expect
      .poll(() =>
        signals.events
          .slice(mark)
          .some(
            event =>
              event.kind === 'read' && event.path === '/api/shepherd/v1/health',
          ),
      )
      .toBe(true);
    expect(
      signals.events
        .slice(mark)
        .filter(event => event.kind === 'read' && event.path === vmPath),
    ).toEqual([]);
  });
});

test('request pages tell how a request ended: approved steps are over, a withdrawal is no decision, a rejection no cancellation', async ({
  openAs,
}) => {
  const vm = await provisionRunningVm('engineer-test', TEST_VM, TEST_CLUSTER);
  provisioned.push({ requester: 'engineer-test', vm });
  const withdrawn = await submitVmRequest('engineer-test', {
    ...TEST_VM,
    reason: 'A request its requester withdraws',
  });
  await cancelRequest('engineer-test', withdrawn);
  const rejected = await submitVmRequest('engineer-test', {
    ...TEST_VM,
    reason: 'A request an approver rejects',
  });
  await rejectRequest(rejected, 'Use the shared ledger VM');

  const page = await openAs('engineer-test', `/shepherd/vms/${vm.id}`);
  const history = page.getByRole('list', { name: 'Status history' });
  await expect(history.getByText(/^Approved: New VM/)).toBeVisible();
  // Steps of a request that has ended show no work in progress.
  await expect(history.getByRole('progressbar')).toHaveCount(0);

  await page.goto(`/shepherd/requests/${withdrawn}`);
  const summary = page.getByRole('table').first();
  await expect(summary.getByRole('row', { name: /^Withdrawn/ })).toBeVisible();
  await expect(summary.getByRole('row', { name: /^Decided/ })).toHaveCount(0);
  await expect(page.getByText(/withdrawn/i).first()).toBeVisible();

  await page.goto(`/shepherd/requests/${rejected}`);
  await expect(
    page.getByText('Use the shared ledger VM').first(),
  ).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText(/rejected/i);
  await expect(timeline).not.toContainText(/cancel/i);
});
