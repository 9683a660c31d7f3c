import { Page } from '@playwright/test';
import { visibleIds } from './support/layout';
import { expect, test } from './support/personas';
import {
  RunningVm,
  VmRequest,
  cancelRequest,
  deleteVm,
  powerVm,
  provisionRunningVm,
  submitVmRequest,
} from './support/shepherdApi';

/*
 * People read words: refusals say what is wrong before their code, histories and the audit
 * log name what happened instead of event and action codes, records are named instead of
 * shown by id, and notifications name people as the catalog does.
 */

const TEST_CLUSTER = 'sim-test';
const LEDGER: VmRequest = {
  service: 'ledger',
  namespace: 'dev',
  template: 'fedora-40',
  instanceSize: 'small',
  reason: 'A VM whose pages are read',
};

/** The status row of the VM detail page's "Status and placement" card. */
function vmStatus(page: Page) {
  return page.getByRole('row', { name: 'Status', exact: true });
}

let vm: RunningVm | undefined;
let pendingTicket: string | undefined;

test.afterEach(async () => {
  if (pendingTicket) await cancelRequest('engineer-test', pendingTicket);
  if (vm) await deleteVm('engineer-test', vm);
  pendingTicket = undefined;
  vm = undefined;
});

test('requests and approvals say what happened in words, and show no ids', async ({
  openAs,
}) => {
  pendingTicket = await submitVmRequest('engineer-test', {
    ...LEDGER,
    instanceSize: 'medium',
  });

  const approver = await openAs(
    'approver',
    `/shepherd/approvals/${pendingTicket}`,
  );
  // The refused cluster says why first; its code is secondary.
  await expect(
    approver.getByText('sim-prod is a prod cluster; the namespace is test'),
  ).toBeVisible();
  expect(await visibleIds(approver.locator('body'))).toEqual([]);

  const engineer = await openAs(
    'engineer-test',
    `/shepherd/requests/${pendingTicket}`,
  );
  const timeline = engineer.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('VM requested');
  await expect(timeline).not.toContainText('vm.request');
  await expect(timeline).not.toContainText('VM_CREATION_REQUESTED');
  await expect(
    engineer.getByRole('row', { name: /^Template Fedora 40/ }),
  ).toBeVisible();
  expect(await visibleIds(engineer.locator('body'))).toEqual([]);
});

test("a VM's page names its request and tells every reader of its stops and starts", async ({
  openAs,
}) => {
  test.slow();
  vm = await provisionRunningVm('engineer-test', LEDGER, TEST_CLUSTER);
  await powerVm('engineer-test', vm, 'stop');

  // The viewer reads the VM but not the audit log.
  const viewer = await openAs('viewer', `/shepherd/vms/${vm.id}`);
  await expect(vmStatus(viewer)).toContainText('STOPPED');
  await expect(
    viewer.getByRole('row', {
      name: /^Created By Request New VM for payments\/ledger in dev/,
    }),
  ).toBeVisible();
  const history = viewer.getByRole('list', { name: 'Status history' });
  await expect(history).toContainText('Stop requested');
  expect(await visibleIds(viewer.locator('body'))).toEqual([]);

  // A start made elsewhere joins the open page's history.
  await expect(async () => {
    await powerVm('engineer-test', vm!, 'start');
  }).toPass();
  await expect(vmStatus(viewer)).toContainText('RUNNING');
  await expect(history).toContainText('Start requested');
});

test('the audit log names actions and resources, and notifications name people', async ({
  openAs,
}) => {
  pendingTicket = await submitVmRequest('engineer-test', {
    ...LEDGER,
    instanceSize: 'large',
  });
  const viewer = await openAs('viewer', '/shepherd/audit?action=vm.request');
  const table = viewer.getByRole('table');
  await expect(
    table.getByRole('link', { name: 'VM requested' }).first(),
  ).toBeVisible();
  expect(await visibleIds(table)).toEqual([]);

  const engineer = await openAs('engineer-test', '/notifications');
  await expect(engineer.getByText(/a new VM/).first()).toBeVisible();
  await expect(engineer.getByText(/user:default\//)).toHaveCount(0);
});
