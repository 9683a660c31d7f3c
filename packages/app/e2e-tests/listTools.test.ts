import { readFile } from 'node:fs/promises';
import { Page } from '@playwright/test';
import { expect, test } from './support/personas';
import {
  RunningVm,
  VmRequest,
  cancelRequest,
  deleteVm,
  provisionRunningVm,
  submitVmRequest,
} from './support/shepherdApi';

/*
 * Lists sort and search on the server, with their query in the URL: the VM list by its
 * headers, My requests, the approval queue and a System's Virtual machines tab by a search
 * box; the audit log exports what its filters select as CSV.
 */

const TEST_CLUSTER = 'sim-test';
const LEDGER: VmRequest = {
  service: 'ledger',
  namespace: 'dev',
  template: 'fedora-40',
  instanceSize: 'small',
  reason: 'A VM of the lists, for the ledger',
};
const PAYMENT_API: VmRequest = {
  ...LEDGER,
  service: 'payment-api',
  reason: 'A VM of the lists, for the payment API',
};

const vms: RunningVm[] = [];
const pending: string[] = [];

test.beforeAll(async () => {
  vms.push(await provisionRunningVm('engineer-test', LEDGER, TEST_CLUSTER));
  vms.push(
    await provisionRunningVm('engineer-test', PAYMENT_API, TEST_CLUSTER),
  );
});

test.afterAll(async () => {
  for (const ticketId of pending.splice(0)) {
    await cancelRequest('engineer-test', ticketId);
  }
  for (const vm of vms.splice(0)) await deleteVm('engineer-test', vm);
});

/** The names of the VMs in the table, top to bottom, of those the test made. */
async function listedOrder(page: Page): Promise<string[]> {
  const names = await page.getByRole('row').getByRole('link').allTextContents();
  return names.filter(name => vms.some(vm => vm.name === name));
}

/** A sortable column's header. */
function sortBy(page: Page, column: string) {
  return page
    .getByRole('table')
    .getByRole('button', { name: column, exact: true });
}

test('the VM list sorts by its headers on the server', async ({ openAs }) => {
  const [ledger, paymentApi] = vms;
  const page = await openAs('engineer-test', '/shepherd/vms');
  await expect(page.getByRole('link', { name: ledger.name })).toBeVisible();

  await sortBy(page, 'Name').click();
  await expect(page).toHaveURL(/orderBy=name/);
  await expect
    .poll(() => listedOrder(page))
    .toEqual([ledger.name, paymentApi.name]);
  await sortBy(page, 'Name').click();
  await expect(page).toHaveURL(/order=desc/);
  await expect
    .poll(() => listedOrder(page))
    .toEqual([paymentApi.name, ledger.name]);

  // Newest first by creation: the payment API's VM was made second.
  await sortBy(page, 'Created').click();
  await expect(page).toHaveURL(/orderBy=createdAt/);
  const byCreation = await listedOrder(page);
  await sortBy(page, 'Created').click();
  await expect.poll(() => listedOrder(page)).toEqual([...byCreation].reverse());

  // The order is in the URL: a reload keeps it.
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect.poll(() => listedOrder(page)).toEqual([...byCreation].reverse());
});

test('My requests, the approval queue and a System’s VM tab search on the server', async ({
  openAs,
}) => {
  const [ledger, paymentApi] = vms;
  pending.push(
    await submitVmRequest('engineer-test', {
      ...LEDGER,
      instanceSize: 'large',
      reason: 'Waits in the searched queue, for the ledger',
    }),
    await submitVmRequest('engineer-test', {
      ...PAYMENT_API,
      instanceSize: 'large',
      reason: 'Waits in the searched queue, for the payment API',
    }),
  );

  const engineer = await openAs('engineer-test', '/shepherd/requests');
  await engineer
    .getByRole('searchbox', { name: 'Search requests' })
    .fill('ledger');
  await expect(engineer).toHaveURL(/search=ledger/);
  await expect(
    engineer
      .getByRole('link', { name: /^New VM for payments\/ledger/ })
      .first(),
  ).toBeVisible();
  await expect(
    engineer.getByRole('link', { name: /^New VM for payments\/payment-api/ }),
  ).toHaveCount(0);

  const approver = await openAs('approver', '/shepherd/approvals');
  await expect(
    approver.getByRole('link', { name: /^New VM for payments\/payment-api/ }),
  ).toBeVisible();
  await approver
    .getByRole('searchbox', { name: 'Search requests' })
    .fill('ledger');
  await expect(
    approver.getByRole('link', { name: /^New VM for payments\/ledger/ }),
  ).toBeVisible();
  await expect(
    approver.getByRole('link', { name: /^New VM for payments\/payment-api/ }),
  ).toHaveCount(0);

  await engineer.goto('/catalog/default/system/payments');
  await engineer
    .getByRole('link', { name: 'Virtual machines', exact: true })
    .click();
  await expect(
    engineer.getByRole('link', { name: paymentApi.name }),
  ).toBeVisible();
  await engineer.getByRole('searchbox', { name: 'Search VMs' }).fill('ledger');
  await expect(engineer.getByRole('link', { name: ledger.name })).toBeVisible();
  await expect(
    engineer.getByRole('link', { name: paymentApi.name }),
  ).toHaveCount(0);
});

test('the audit log exports the entries its filters select as CSV', async ({
  openAs,
}) => {
  const viewer = await openAs('viewer', '/shepherd/audit?action=vm.request');
  const download = viewer.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('shepherd-audit-log.csv');
  const lines = (await readFile((await file.path())!, 'utf8'))
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toMatch(/action/i);
  // Only the entries the filter selects: this test's requests at least, and nothing else.
  expect(lines.length).toBeGreaterThan(2);
  for (const line of lines.slice(1)) expect(line).toContain('vm.request');
});
