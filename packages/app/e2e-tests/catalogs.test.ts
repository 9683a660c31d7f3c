import { E2E_CLUSTERS } from './support/environment';
import { expect, test } from './support/personas';
import { saveScreenshot } from './support/screenshots';

/*
 * What the seeding (globalSetup.ts, the same as `npm start`'s) puts into the portal, as the
 * people who look after it see it: the simulated clusters, reached over HTTPS and healthy,
 * the catalogs of examples/shepherd/, and the demo catalog's Systems and Services.
 */

/** The admin sections and the entries of examples/shepherd/ each one lists. */
const ADMIN_SECTIONS = [
  {
    tab: 'Namespaces',
    screenshot: 'admin-namespaces',
    entries: ['dev', 'qa', 'prd'],
  },
  {
    tab: 'Templates',
    screenshot: 'admin-templates',
    entries: ['fedora-40', 'ubuntu-2404', 'rhel-9-golden'],
  },
  {
    tab: 'Instance sizes',
    screenshot: 'admin-instance-sizes',
    entries: ['small', 'medium', 'large', 'dedicated'],
  },
];

test('a platform admin finds the simulated clusters and the demo catalogs', async ({
  openAs,
}) => {
  const admin = await openAs('platform-admin', '/shepherd');
  await admin.getByRole('tab', { name: 'Admin' }).click();

  const sections = admin.getByRole('tablist', { name: 'Admin sections' });
  await expect(sections.getByRole('tab', { name: 'Clusters' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  for (const cluster of E2E_CLUSTERS) {
    const row = admin.getByRole('row').filter({
      hasText: `${cluster.name} · https://127.0.0.1:${cluster.port}`,
    });
    // Registered with the simulator's kubeconfig and checked over HTTPS.
    await expect(row).toContainText('HEALTHY');
  }
  await saveScreenshot(admin, 'admin-clusters');

  for (const section of ADMIN_SECTIONS) {
    await sections.getByRole('tab', { name: section.tab }).click();
    for (const entry of section.entries) {
      await expect(
        admin.getByRole('cell', { name: new RegExp(`\\b${entry}\\b`) }).first(),
      ).toBeVisible();
    }
    await saveScreenshot(admin, section.screenshot);
  }
});

test('an engineer finds the Systems and Services of the demo catalog', async ({
  openAs,
}) => {
  const engineer = await openAs('engineer-test', '/shepherd');
  await engineer.getByRole('tab', { name: 'Systems & Services' }).click();

  const payments = engineer.getByRole('link', {
    name: 'payments',
    exact: true,
  });
  await expect(
    engineer.getByRole('row').filter({ has: payments }),
  ).toContainText('system:default/payments');
  await saveScreenshot(engineer, 'systems');

  await payments.click();
  await expect(
    engineer.getByRole('heading', { name: 'payments', exact: true }),
  ).toBeVisible();
  for (const service of ['payment-api', 'ledger']) {
    await expect(
      engineer
        .getByRole('row')
        .filter({ hasText: `component:default/${service}` }),
    ).toContainText(service);
  }
  await saveScreenshot(engineer, 'system-detail', { fullPage: true });
});
