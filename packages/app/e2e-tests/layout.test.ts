import { brokenWords } from './support/layout';
import { expect, test } from './support/personas';
import {
  RunningVm,
  VmRequest,
  deleteVm,
  provisionRunningVm,
} from './support/shepherdApi';
import {
  chooseNamespace,
  chooseService,
  chooseSize,
  chooseTemplate,
  giveReason,
} from './support/wizard';

/*
 * Layout at the portal's usual width (1400 px): no word cut by a line break in tables,
 * buttons and sentences; status badges inside sentences; wizard step labels by their
 * numbers; one card per subject.
 */

const TEST_CLUSTER = 'sim-test';
const LEDGER: VmRequest = {
  service: 'ledger',
  namespace: 'dev',
  template: 'fedora-40',
  instanceSize: 'small',
  reason: 'A VM whose pages are measured',
};

let vm: RunningVm;

test.beforeAll(async () => {
  vm = await provisionRunningVm('engineer-test', LEDGER, TEST_CLUSTER);
});

test.afterAll(async () => {
  await deleteVm('engineer-test', vm);
});

test('admin tables keep their words whole', async ({ openAs }) => {
  const page = await openAs('platform-admin', '/shepherd/admin');
  for (const section of [
    'Clusters',
    'Namespaces',
    'Templates',
    'Instance sizes',
  ]) {
    await page.getByRole('tab', { name: section, exact: true }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    expect(await brokenWords(table), section).toEqual([]);
  }
});

test('VM names stay whole in lists, and the audit log keeps its words whole', async ({
  openAs,
}) => {
  const page = await openAs('engineer-test', '/shepherd/vms');
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: vm.name })).toBeVisible();
  expect(await brokenWords(table)).toEqual([]);

  await page.goto('/shepherd/requests?group=all');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  expect(await brokenWords(page.getByRole('table'))).toEqual([]);

  const viewer = await openAs('viewer', '/shepherd/audit');
  await expect(viewer.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  expect(await brokenWords(viewer.getByRole('table'))).toEqual([]);
});

test('the wizard labels its steps by their numbers, and the submitted request keeps its sentence whole', async ({
  openAs,
}) => {
  const page = await openAs('engineer-test', '/shepherd/request-vm');
  // Each step's label starts right after its number, not centred away from it.
  for (const step of ['System and Service', 'Review and submit']) {
    const button = page.getByRole('button', { name: step });
    const icon = await button.locator('svg').first().boundingBox();
    const label = await button.getByText(step, { exact: true }).boundingBox();
    expect(label!.x - (icon!.x + icon!.width)).toBeLessThan(24);
  }

  await chooseService(page, 'payments', 'payment-api');
  await chooseNamespace(page, 'dev', 'test');
  await chooseTemplate(page, 'fedora-40');
  await chooseSize(page, 'large');
  await giveReason(page, 'Measured, then withdrawn');
  await page.getByRole('button', { name: 'Submit request' }).click();
  const sentence = page.getByText(/Your request was received and is now/);
  await expect(sentence).toBeVisible();
  // The status badge sits inside the sentence's line instead of breaking it.
  const badge = sentence.getByText('PENDING');
  const [sentenceBox, badgeBox] = [
    await sentence.boundingBox(),
    await badge.boundingBox(),
  ];
  expect(badgeBox!.y + badgeBox!.height / 2).toBeLessThan(sentenceBox!.y + 24);
  await page.getByRole('button', { name: 'Follow the request' }).click();
  await page.getByRole('button', { name: 'Withdraw request' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /withdraw/i })
    .click();
  await expect(
    page.getByRole('row', { name: 'Status', exact: true }),
  ).toContainText('CANCELLED');
});
