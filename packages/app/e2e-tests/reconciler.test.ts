import { E2E_CLUSTERS } from './support/environment';
import { expect, test } from './support/personas';
import { saveScreenshot } from './support/screenshots';

/*
 * The reconciler as a platform admin uses it: the Reconciler tab of the admin page, a run
 * on demand in dry-run over the simulated clusters, and each cluster's latest report.
 */

test('a platform admin reconciles the clusters in dry-run and sees each cluster’s report', async ({
  openAs,
}) => {
  const admin = await openAs('platform-admin', '/shepherd/admin/reconciler');
  const sections = admin.getByRole('tablist', { name: 'Admin sections' });
  await expect(
    sections.getByRole('tab', { name: 'Reconciler' }),
  ).toHaveAttribute('aria-selected', 'true');

  await admin.getByRole('button', { name: 'Run now (dry-run)' }).click();
  await expect(admin.getByText(/^Reconciled \d+ clusters?:/)).toBeVisible();
  for (const cluster of E2E_CLUSTERS) {
    const row = admin.getByRole('row').filter({ hasText: cluster.name });
    await expect(row).toContainText('COMPLETED');
    await expect(row).toContainText('dry-run · on demand');
  }
  await saveScreenshot(admin, 'admin-reconciler');
});

test('the reconciler is not offered to an approver', async ({ openAs }) => {
  const approver = await openAs('approver', '/shepherd/admin/reconciler');
  await expect(
    approver.getByText('Only platform administrators can see this'),
  ).toBeVisible();
  await expect(
    approver.getByRole('button', { name: 'Run now (dry-run)' }),
  ).toHaveCount(0);
});
