import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { E2E_CLUSTERS_DIR } from './support/environment';
import { expect, test } from './support/personas';
import { saveScreenshot } from './support/screenshots';
import { deleteVm, recordedVm } from './support/shepherdApi';

/*
 * Adoption as a platform team meets it: a VM made with the stock kubectl on the test cluster,
 * behind Shepherd's back, is found by a scan on the Admin page and adopted into a Service;
 * Shepherd then governs it (here: deletes it through a request, as any other VM).
 */

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const VM_NAME = 'legacy-db-9';

/** kubectl against the simulated test cluster, with the kubeconfig the simulator wrote. */
function kubectl(args: string[], input?: string): string {
  return execFileSync(
    KUBECTL,
    ['--kubeconfig', join(E2E_CLUSTERS_DIR, 'sim-test.kubeconfig'), ...args],
    { input, encoding: 'utf8' },
  );
}

/** A VM as a team wrote it by hand: its own labels, a container disk. */
const FOREIGN_VM = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: VM_NAME,
    namespace: 'dev',
    labels: { app: 'legacy-db', team: 'ops' },
  },
  spec: {
    runStrategy: 'Always',
    template: {
      spec: {
        domain: {
          cpu: { cores: 2 },
          memory: { guest: '4Gi' },
          devices: {
            disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
          },
        },
        volumes: [
          {
            name: 'rootdisk',
            containerDisk: { image: 'quay.io/containerdisks/debian:12' },
          },
        ],
      },
    },
  },
};

test('a platform admin adopts a VM made with kubectl into a Service', async ({
  openAs,
}) => {
  // The namespace may exist already (Shepherd creates it with a test's first VM).
  kubectl(
    ['apply', '-f', '-'],
    kubectl(['create', 'namespace', 'dev', '--dry-run=client', '-o', 'json']),
  );
  kubectl(['apply', '-f', '-'], JSON.stringify(FOREIGN_VM));

  const admin = await openAs('platform-admin', '/shepherd/admin/adoption');
  await admin
    .getByRole('button', { name: 'Scan clusters now' })
    .first()
    .click();
  await expect(admin.getByText(/newly proposed/)).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: VM_NAME });
  await expect(row).toContainText('sim-test');
  await expect(row).toContainText('PENDING');
  await expect(row).toContainText('quay.io/containerdisks/debian:12');
  await saveScreenshot(admin, 'admin-adoption');

  await row.getByRole('button', { name: `Adopt ${VM_NAME}` }).click();
  const dialog = admin.getByRole('dialog');
  await dialog
    .getByLabel(/^Service/)
    .selectOption({ label: 'payments / ledger' });
  await dialog.getByRole('button', { name: 'Adopt' }).click();
  await expect(
    admin.getByText(`Adopted ${VM_NAME} into payments / ledger`, {
      exact: false,
    }),
  ).toBeVisible();

  // The same object on the cluster, now with Shepherd's labels.
  const labels = JSON.parse(
    kubectl([
      'get',
      'vm',
      VM_NAME,
      '-n',
      'dev',
      '-o',
      'jsonpath={.metadata.labels}',
    ]),
  );
  expect(labels).toMatchObject({
    app: 'legacy-db',
    team: 'ops',
    'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
    'kubevirt-shepherd.io/service': 'ledger',
  });

  // Governed like any other VM: it leaves through a deletion request.
  await deleteVm('engineer-test', await recordedVm(VM_NAME));
});
