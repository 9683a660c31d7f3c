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
 * Approvers of production: destructive requests and console access to production carry a
 * reason, approving a production deletion takes the VM's name typed, and approvers see what
 * waits for them (a count on the Approvals tab and the overview, the reason in the queue)
 * without losing what they are doing when it changes.
 */

const PROD_CLUSTER = 'sim-prod';
const PROD_VM: VmRequest = {
  service: 'ledger',
  namespace: 'prd',
  template: 'fedora-40',
  instanceSize: 'medium',
  reason: 'A production VM whose deletion is approved',
};
const DELETE_REASON = 'Replaced by the ledger cluster (ticket #7)';
const CONSOLE_REASON = 'Inspect the ledger service after the incident';

let vm: RunningVm | undefined;

test.afterEach(async () => {
  // A VM the test did not get to delete.
  if (vm) await deleteVm('engineer-prod', vm).catch(() => undefined);
  vm = undefined;
});

test('a production deletion needs a reason to be asked for and the VM’s name typed to be approved', async ({
  openAs,
}) => {
  test.slow();
  vm = await provisionRunningVm('engineer-prod', PROD_VM, PROD_CLUSTER);
  const running = vm;
  const engineer = await openAs('engineer-prod', `/shepherd/vms/${running.id}`);

  await test.step('console access to production asks for a reason', async () => {
    await engineer
      .getByRole('button', { name: 'Request console access' })
      .click();
    const dialog = engineer.getByRole('dialog', {
      name: `Console access to ${running.name}`,
    });
    const submit = dialog.getByRole('button', {
      name: 'Submit for approval',
    });
    await expect(submit).toBeDisabled();
    await dialog
      .getByRole('textbox', { name: 'Reason', exact: true })
      .fill(CONSOLE_REASON);
    await expect(submit).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the deletion asks for the name and a reason', async () => {
    await engineer.getByRole('button', { name: 'Request deletion' }).click();
    const dialog = engineer.getByRole('dialog', {
      name: `Delete ${running.name}?`,
    });
    const confirm = dialog.getByRole('button', { name: 'Request deletion' });
    await dialog.getByLabel('Type the name to confirm').fill(running.name);
    // Named, but without a reason: production deletions say why.
    await expect(confirm).toBeDisabled();
    await dialog
      .getByRole('textbox', { name: 'Reason', exact: true })
      .fill(DELETE_REASON);
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(engineer.getByText(/Submitted for approval/)).toBeVisible();
  });

  const approver = await openAs('approver', '/shepherd/approvals');
  await test.step('the queue shows the reason', async () => {
    const row = approver
      .getByRole('row')
      .filter({ hasText: `Delete ${running.name}` });
    await expect(row).toContainText(DELETE_REASON);
    await row.getByRole('link', { name: `Delete ${running.name}` }).click();
  });

  await test.step('approving asks for the name typed', async () => {
    await approver
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    const dialog = approver.getByRole('dialog', {
      name: `Approve the deletion of ${running.name}?`,
    });
    const confirm = dialog.getByRole('button', { name: /approve/i });
    await expect(confirm).toBeDisabled();
    await dialog
      .getByLabel('Type the name to confirm')
      .fill(`${running.name}-typo`);
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Type the name to confirm').fill(running.name);
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(approver.getByText(/Shepherd carries it out/)).toBeVisible();
  });

  await test.step('and the VM is deleted', async () => {
    await expect(
      engineer.getByRole('alert').filter({ hasText: 'This VM was deleted' }),
    ).toBeVisible({ timeout: 60_000 });
    vm = undefined;
  });
});

test('an approver sees how many requests wait, as they come, without losing the decision at hand', async ({
  openAs,
}) => {
  const first = await submitVmRequest('engineer-test', {
    ...PROD_VM,
    namespace: 'dev',
    reason: 'The first request of the count',
  });
  let second: string | undefined;
  try {
    const approver = await openAs('approver', '/shepherd');
    const tab = approver.getByRole('tab', { name: /^Approvals/ });
    await expect(tab).toHaveText(/^Approvals \(\d+\)$/);
    // Other tests' requests may wait too: the count is taken as it stands.
    const waiting = Number((await tab.textContent())!.match(/\d+/)![0]);
    await expect(
      approver
        .getByRole('link', { name: /^\d+ requests?$/ })
        .filter({ hasText: String(waiting) }),
    ).toHaveAttribute('href', '/shepherd/approvals');

    await approver.goto(`/shepherd/approvals/${first}`);
    const comment = approver.getByLabel(/Comment/);
    await comment.fill('Half-written when another request arrives');

    second = await submitVmRequest('engineer-test', {
      ...PROD_VM,
      service: 'payment-api',
      namespace: 'dev',
      reason: 'The second request of the count',
    });
    await expect(tab).toHaveText(`Approvals (${waiting + 1})`);
    await expect(comment).toHaveValue(
      'Half-written when another request arrives',
    );
  } finally {
    await cancelRequest('engineer-test', first);
    if (second) await cancelRequest('engineer-test', second);
  }
});
