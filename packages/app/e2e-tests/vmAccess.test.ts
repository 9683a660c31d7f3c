import { kubectl } from './support/cluster';
import { expect, test } from './support/personas';
import { RunningVm, approveOnCluster, deleteVm } from './support/shepherdApi';
import {
  chooseNamespace,
  chooseService,
  chooseSize,
  chooseTemplate,
  giveReason,
} from './support/wizard';

/*
 * Reaching a VM: the requester gives an SSH public key in the wizard, the VM's cloud-init
 * receives it (read back from the cluster with kubectl), and the VM's page tells how to log
 * in: addresses, node, the template's login user and a copyable ssh command.
 */

const TEST_CLUSTER = 'sim-test';
const NAMESPACE = 'dev';
/** A well-formed OpenSSH public key (its private half is nowhere). */
const SSH_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBQT6xxEi0Sa9fgQTbWso2HvfA+IkBP/dJTsDxgQCAl2 dev@example.com';
/** The login user the demo's Fedora template names in its cloud-init. */
const LOGIN_USER = 'fedora';

let vm: RunningVm | undefined;

test.afterEach(async () => {
  if (vm) await deleteVm('engineer-test', vm);
  vm = undefined;
});

test("a requester's SSH key reaches the VM's cloud-init, and the VM page tells how to log in", async ({
  openAs,
}) => {
  test.slow();
  const page = await openAs('engineer-test', '/shepherd/request-vm');
  await chooseService(page, 'payments', 'ledger');
  await chooseNamespace(page, NAMESPACE, 'test');
  await chooseTemplate(page, 'fedora-40');
  await chooseSize(page, 'small');
  await page
    .getByRole('textbox', { name: 'SSH public key (optional)' })
    .fill(SSH_KEY);
  await giveReason(page, 'Log in over SSH');

  // The review names the key without showing all of it.
  await expect(
    page.getByRole('row', {
      name: 'SSH public key ssh-ed25519 key "dev@example.com", ending …DxgQCAl2',
    }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Submit request' }).click();
  await page.getByRole('button', { name: 'Follow the request' }).click();
  await expect(page).toHaveURL(/\/shepherd\/requests\/[0-9a-f-]{36}$/);
  const ticketId = page.url().split('/').pop()!;

  vm = await approveOnCluster(ticketId, TEST_CLUSTER);

  await test.step("the VM's cloud-init holds the key, for the template's user", async () => {
    const object = JSON.parse(
      await kubectl(
        TEST_CLUSTER,
        '--namespace',
        NAMESPACE,
        'get',
        'virtualmachine',
        vm!.name,
        '--output',
        'json',
      ),
    );
    const disk = object.spec.template.spec.volumes.find(
      (volume: { cloudInitNoCloud?: unknown }) => volume.cloudInitNoCloud,
    );
    const userData: string = disk.cloudInitNoCloud.userData;
    expect(userData.split('\n')[0]).toBe('#cloud-config');
    expect(userData).toContain(`user: ${LOGIN_USER}`);
    expect(userData).toContain(SSH_KEY);
    expect(userData).toContain('ssh_pwauth: false');
  });

  await test.step('the VM page shows how to reach it', async () => {
    await page.goto(`/shepherd/vms/${vm!.id}`);
    const addresses = page.getByRole('row', { name: /^IP Addresses/ });
    await expect(addresses).toContainText(/\d+\.\d+\.\d+\.\d+/);
    const address = (await addresses.textContent())!.match(
      /\d+\.\d+\.\d+\.\d+/,
    )![0];
    await expect(page.getByRole('row', { name: /^Node / })).toContainText(
      /node\d+/,
    );
    await expect(page.getByRole('row', { name: /^SSH User/ })).toContainText(
      LOGIN_USER,
    );
    const command = `ssh ${LOGIN_USER}@${address}`;
    await expect(page.getByText(command, { exact: true })).toBeVisible();
    await expect(
      page.getByRole('button', { name: `Copy ${command}` }),
    ).toBeVisible();
    await expect(
      page.getByText(
        `virtctl ssh ${LOGIN_USER}@vm/${vm!.name} --namespace ${NAMESPACE}`,
        { exact: true },
      ),
    ).toBeVisible();
  });
});
