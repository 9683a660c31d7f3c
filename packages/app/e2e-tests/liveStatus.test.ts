import { Page } from '@playwright/test';
import { SHEPHERD_SIGNAL_CHANNELS } from '@kubevirt-shepherd/plugin-shepherd-common';
import { haltOnCluster } from './support/cluster';
import { Persona, expect, test } from './support/personas';
import {
  RunningVm,
  VmRequest,
  cancelRequest,
  deleteVm,
  powerVm,
  provisionRunningVm,
  submitVmRequest,
} from './support/shepherdApi';
import { PageSignals } from './support/signals';

/*
 * Open pages follow changes through Backstage signals: the backend signals every committed
 * change of a VM or a request, and the page re-reads it. A VM that runs is settled, so its
 * page does not poll at all: only a signal can tell it that the VM stopped. Each test also
 * checks that the page was signalled and re-read the VM because of it, never reloading.
 */

const TEST_CLUSTER = 'sim-test';
/** The namespace of the cluster the VMs run in (Shepherd's `dev` namespace). */
const NAMESPACE = 'dev';
const TEST_VM: VmRequest = {
  service: 'ledger',
  namespace: NAMESPACE,
  template: 'fedora-40',
  instanceSize: 'small',
  reason: 'Checks that open pages follow the VM',
};

/** The VMs a test provisioned, with who requested them; deleted after each test. */
const provisioned: Array<{ requester: Persona; vm: RunningVm }> = [];

test.afterEach(async () => {
  for (const { requester, vm } of provisioned.splice(0)) {
    await deleteVm(requester, vm);
  }
});

async function provision(requester: Persona): Promise<RunningVm> {
  const vm = await provisionRunningVm(requester, TEST_VM, TEST_CLUSTER);
  provisioned.push({ requester, vm });
  return vm;
}

/** The status row of the VM detail page's "Status and placement" card. */
function vmStatus(page: Page) {
  return page.getByRole('row', { name: 'Status', exact: true });
}

/**
 * Opens the VM's page as `persona`, listening to its signals, and waits until it shows the
 * VM running and follows the VM channel. Answers where the story begins.
 */
async function openRunningVm(
  openAs: (persona: Persona, path?: string) => Promise<Page>,
  persona: Persona,
  vm: RunningVm,
) {
  const page = await openAs(persona, '/shepherd');
  const signals = PageSignals.listen(page);
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(`/shepherd/vms/${vm.id}`);
  await expect(page.getByRole('heading', { name: vm.name })).toBeVisible();
  await expect(vmStatus(page)).toContainText('RUNNING');
  await signals.subscribedTo(SHEPHERD_SIGNAL_CHANNELS.vms);
  const loadsBefore = loads;
  return {
    page,
    signals,
    start: signals.mark(),
    reloads: () => loads - loadsBefore,
  };
}

/** The VM page re-read the VM because it was signalled, and was never reloaded. */
function expectFollowedBySignals(
  opened: Awaited<ReturnType<typeof openRunningVm>>,
  vm: RunningVm,
) {
  const { signals, start } = opened;
  expect(
    signals.signalsNaming(start, SHEPHERD_SIGNAL_CHANNELS.vms, vm.id),
  ).not.toHaveLength(0);
  expect(
    signals.unsignalledReads(start, `/api/shepherd/v1/vms/${vm.id}`),
  ).toEqual([]);
  expect(opened.reloads()).toBe(0);
}

test('an open VM page shows a stop made elsewhere through Shepherd, without a reload', async ({
  openAs,
}) => {
  const vm = await provision('engineer-test');
  const opened = await openRunningVm(openAs, 'viewer', vm);

  // The engineer stops it from elsewhere (the API); the viewer's page did nothing.
  await powerVm('engineer-test', vm, 'stop');

  await expect(vmStatus(opened.page)).toContainText('STOPPED');
  expectFollowedBySignals(opened, vm);
});

test("a VM stopped behind Shepherd's back shows as stopped on its open page, without a reload", async ({
  openAs,
}) => {
  const vm = await provision('engineer-test');
  const opened = await openRunningVm(openAs, 'engineer-test', vm);

  // A platform engineer halts it with kubectl, straight on the cluster.
  await haltOnCluster(TEST_CLUSTER, { name: vm.name, namespace: NAMESPACE });

  await expect(vmStatus(opened.page)).toContainText('STOPPED');
  expectFollowedBySignals(opened, vm);
});

test('the open approval queue shows a new request and its withdrawal without a reload', async ({
  openAs,
}) => {
  const approver = await openAs('approver', '/shepherd');
  const signals = PageSignals.listen(approver);
  await approver.goto('/shepherd/approvals');
  await expect(
    approver.getByRole('tab', { name: 'Approvals', selected: true }),
  ).toBeVisible();
  await signals.subscribedTo(SHEPHERD_SIGNAL_CHANNELS.tickets);
  // The tab's count follows tickets before the queue has loaded: the story starts once the
  // queue has read its first page.
  await expect(
    approver.getByRole('searchbox', { name: 'Search requests' }),
  ).toBeVisible();
  await expect
    .poll(() =>
      signals.events.some(
        event =>
          event.kind === 'read' &&
          event.path === '/api/shepherd/v1/approval-tasks' &&
          !event.search.includes('limit=1&') &&
          !event.search.endsWith('limit=1'),
      ),
    )
    .toBe(true);
  const start = signals.mark();
  const task = approver.getByRole('link', {
    name: `New VM for payments/${TEST_VM.service} in ${NAMESPACE}`,
  });

  const ticketId = await submitVmRequest('engineer-test', TEST_VM);
  let withdrawn = false;
  try {
    await expect(task).toBeVisible();
    await cancelRequest('engineer-test', ticketId);
    withdrawn = true;
    await expect(task).toBeHidden();
  } finally {
    if (!withdrawn) await cancelRequest('engineer-test', ticketId);
  }

  expect(
    signals.signalsNaming(start, SHEPHERD_SIGNAL_CHANNELS.tickets, ticketId),
  ).toHaveLength(2);
  expect(
    signals.unsignalledReads(
      start,
      '/api/shepherd/v1/approval-tasks',
      // The queue's page, not the Approvals tab's count of it (which follows the same signals).
      search => search.get('limit') !== '1',
    ),
  ).toEqual([]);
});

test('the open VM list shows a production VM once it is approved and runs, without a reload', async ({
  openAs,
}) => {
  const page = await openAs('engineer-prod', '/shepherd');
  const signals = PageSignals.listen(page);
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto('/shepherd/vms');
  await expect(
    page.getByRole('tab', { name: 'VMs', selected: true }),
  ).toBeVisible();
  await signals.subscribedTo(SHEPHERD_SIGNAL_CHANNELS.vms);
  const start = signals.mark();
  const loadsBefore = loads;

  const vm = await provisionRunningVm(
    'engineer-prod',
    { ...TEST_VM, namespace: 'prd' },
    'sim-prod',
  );
  provisioned.push({ requester: 'engineer-prod', vm });

  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: vm.name, exact: true }) });
  await expect(row).toContainText('RUNNING');
  expect(
    signals.signalsNaming(start, SHEPHERD_SIGNAL_CHANNELS.vms, vm.id),
  ).not.toHaveLength(0);
  expect(signals.unsignalledReads(start, '/api/shepherd/v1/vms')).toEqual([]);
  expect(loads - loadsBefore).toBe(0);
});
