import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import { ShepherdClusterConnection } from '@kubevirt-shepherd/plugin-shepherd-node';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { definition, ownerOf, template } from '../__testUtils__/definitions';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';

/*
 * What the provider creates is what an operator sees: stock kubectl, pointed at the
 * simulator with the simulator's own kubeconfig, lists the namespace, the VMs, their
 * instances and DataVolumes that the provider (not kubectl) created, and follows the
 * provider's stop and delete.
 */

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const haveKubectl = existsSync(KUBECTL);
if (!haveKubectl) {
  // eslint-disable-next-line no-console
  console.warn(
    `\n⚠⚠⚠ SKIPPED: the provider's kubectl tests need ${KUBECTL} (set KUBECTL to another path) ⚠⚠⚠\n`,
  );
}

const NAMESPACE = 'kubectl-shop';

const dataVolumeVm = definition({
  namespace: NAMESPACE,
  name: 'kubectl-shop-db-01',
  serviceName: 'db',
  ticketId: 'tkt-0042',
  template: template({
    sourceType: 'cdi_image_import',
    imageUrl: 'https://images.example.com/fedora-40.qcow2',
  }),
});

const containerDiskVm = definition({
  namespace: NAMESPACE,
  name: 'kubectl-shop-web-01',
  serviceName: 'web',
  ticketId: 'tkt-0043',
});

(haveKubectl ? describe : describe.skip)(
  'stock kubectl lists what the provider created',
  () => {
    let sim: KubevirtSimulator;
    let provider: KubeVirtVmProvider;
    let cluster: ShepherdClusterConnection;
    let dir: string;

    /** Runs kubectl asynchronously: the simulator answers from this same process. */
    const kubectl = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>(resolve => {
        execFile(
          KUBECTL,
          [
            '--kubeconfig',
            join(dir, 'kubeconfig'),
            '--cache-dir',
            join(dir, 'cache'),
            ...args,
          ],
          { env: { PATH: process.env.PATH, HOME: dir }, timeout: 20_000 },
          (error, stdout, stderr) =>
            resolve({
              code: error ? Number((error as { code?: number }).code ?? 1) : 0,
              stdout,
              stderr,
            }),
        );
      });

    /** kubectl's output, failing the test with kubectl's own words when it failed. */
    const kubectlOk = async (...args: string[]) => {
      const result = await kubectl(...args);
      if (result.code !== 0) {
        throw new Error(
          `kubectl ${args.join(' ')} exited with ${result.code}: ${
            result.stderr
          }`,
        );
      }
      return result.stdout;
    };
    /** The DataVolume VM as `kubectl get -o yaml` shows it, parsed. */
    const dataVolumeVmYaml = async (...flags: string[]) =>
      parse(
        await kubectlOk(
          'get',
          'vm',
          dataVolumeVm.name,
          '-n',
          NAMESPACE,
          '-o',
          'yaml',
          ...flags,
        ),
      );

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'shepherd-kubevirt-kubectl-'));
      sim = await startSimulator({ vnc: false, name: 'kubectl-provider' });
      await writeFile(join(dir, 'kubeconfig'), sim.kubeconfig, {
        mode: 0o600,
      });
      provider = createProvider();
      cluster = connectionTo(sim);

      await provider.ensureNamespace(cluster, NAMESPACE, 'prod');
      await provider.applyVirtualMachine(cluster, dataVolumeVm);
      await provider.applyVirtualMachine(cluster, containerDiskVm);
    });

    afterAll(async () => {
      await sim?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('shows the just-in-time namespace with its environment and managed-by labels', async () => {
      const out = await kubectlOk('get', 'ns', NAMESPACE, '--show-labels');
      expect(out).toMatch(/^NAME\s+STATUS\s+AGE\s+LABELS/);
      const row = out
        .split('\n')
        .find(line => line.startsWith(`${NAMESPACE} `));
      expect(row).toMatch(new RegExp(`^${NAMESPACE}\\s+Active\\s+\\d+s\\s+`));
      const labels = row!.trim().split(/\s+/).pop()!.split(',');
      expect(labels).toEqual(
        expect.arrayContaining([
          'kubevirt-shepherd.io/environment=prod',
          'kubevirt-shepherd.io/managed-by=kubevirt-shepherd',
        ]),
      );
    });

    it('lists both VMs as Running', async () => {
      const out = await kubectlOk('get', 'vm', '-n', NAMESPACE);
      expect(out).toMatch(/^NAME\s+AGE\s+STATUS\s+READY/);
      expect(out).toMatch(/^kubectl-shop-db-01\s+\d+s\s+Running\s+True$/m);
      expect(out).toMatch(/^kubectl-shop-web-01\s+\d+s\s+Running\s+True$/m);
    });

    it('shows the field manager, the run strategy and the platform labels in the YAML', async () => {
      const vm = await dataVolumeVmYaml('--show-managed-fields');
      expect(vm.apiVersion).toBe('kubevirt.io/v1');
      expect(vm.kind).toBe('VirtualMachine');
      expect(vm.metadata.managedFields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            manager: 'kubevirt-shepherd',
            operation: 'Apply',
            apiVersion: 'kubevirt.io/v1',
          }),
        ]),
      );
      expect(vm.spec.runStrategy).toBe('Always');
      expect(vm.spec).not.toHaveProperty('running');
      const platformLabels = {
        'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
        'kubevirt-shepherd.io/system': 'shop',
        'kubevirt-shepherd.io/service': 'db',
        'kubevirt-shepherd.io/instance': '01',
        'kubevirt-shepherd.io/ticket-id': 'tkt-0042',
      };
      expect(vm.metadata.labels).toMatchObject(platformLabels);
      expect(vm.spec.template.metadata.labels).toMatchObject(platformLabels);
      expect(vm.spec.dataVolumeTemplates).toEqual([
        expect.objectContaining({
          metadata: expect.objectContaining({
            name: 'kubectl-shop-db-01-rootfs',
          }),
        }),
      ]);

      // Without --show-managed-fields kubectl leaves them out, as against a real cluster.
      const plain = await dataVolumeVmYaml();
      expect(plain.metadata.managedFields).toBeUndefined();
      expect(plain.spec.runStrategy).toBe('Always');
    });

    it('lists the instances across namespaces, and the DataVolume of the CDI VM', async () => {
      const vmis = await kubectlOk('get', 'vmi', '-A');
      expect(vmis).toMatch(/^NAMESPACE\s+NAME\s+AGE\s+PHASE\s+IP\s+NODENAME/);
      expect(vmis).toMatch(
        /^kubectl-shop\s+kubectl-shop-db-01\s+\d+s\s+Running\s+\d+\.\d+\.\d+\.\d+\s+\S+\s+True$/m,
      );
      expect(vmis).toMatch(/^kubectl-shop\s+kubectl-shop-web-01\s+.*Running/m);

      const dvs = await kubectlOk('get', 'dv', '-n', NAMESPACE);
      expect(dvs).toMatch(/^NAME\s+PHASE\s+PROGRESS\s+RESTARTS\s+AGE/);
      expect(dvs).toMatch(/^kubectl-shop-db-01-rootfs\s+Succeeded\s+100\.0%/m);
      // A containerDisk VM has no DataVolume.
      expect(dvs).not.toContain('kubectl-shop-web-01');
    });

    it('lists the managed VMs by label, as the provider finds them', async () => {
      const byLabel = await kubectlOk(
        'get',
        'vm',
        '-A',
        '-l',
        'kubevirt-shepherd.io/managed-by=kubevirt-shepherd',
        '-o',
        'name',
      );
      expect(byLabel.trim().split('\n').sort()).toEqual([
        'virtualmachine.kubevirt.io/kubectl-shop-db-01',
        'virtualmachine.kubevirt.io/kubectl-shop-web-01',
      ]);
      const listed = await provider.listManagedVirtualMachines(cluster);
      expect(listed.map(vm => vm.name).sort()).toEqual([
        'kubectl-shop-db-01',
        'kubectl-shop-web-01',
      ]);
    });

    it('lists the migration the provider started', async () => {
      const migration = await provider.migrateVirtualMachine(cluster, {
        namespace: NAMESPACE,
        name: dataVolumeVm.name,
      });
      const out = await kubectlOk('get', 'vmim', '-n', NAMESPACE);
      expect(out).toMatch(/^NAME\s+PHASE\s+VMI\s+AGE/);
      expect(out).toMatch(
        new RegExp(
          `^${migration.name}\\s+Succeeded\\s+kubectl-shop-db-01\\s+\\d+s$`,
          'm',
        ),
      );
    });

    it('shows a VM the provider stopped as Stopped, with a Halted run strategy', async () => {
      await provider.stopVirtualMachine(cluster, {
        namespace: NAMESPACE,
        name: containerDiskVm.name,
      });
      const out = await kubectlOk('get', 'vm', '-n', NAMESPACE);
      expect(out).toMatch(/^kubectl-shop-web-01\s+\d+s\s+Stopped\s+False$/m);
      expect(out).toMatch(/^kubectl-shop-db-01\s+\d+s\s+Running\s+True$/m);
      expect(
        (
          await kubectlOk(
            'get',
            'vm',
            containerDiskVm.name,
            '-n',
            NAMESPACE,
            '-o',
            'jsonpath={.spec.runStrategy}',
          )
        ).trim(),
      ).toBe('Halted');
      const vmis = await kubectlOk('get', 'vmi', '-A', '-o', 'name');
      expect(vmis).not.toContain('kubectl-shop-web-01');
    });

    it('no longer lists a VM the provider deleted, nor its instance or DataVolume', async () => {
      expect(
        await provider.deleteVirtualMachine(
          cluster,
          { namespace: NAMESPACE, name: dataVolumeVm.name },
          ownerOf(dataVolumeVm),
        ),
      ).toEqual({ existed: true });

      const vms = await kubectlOk('get', 'vm', '-n', NAMESPACE, '-o', 'name');
      expect(vms.trim()).toBe('virtualmachine.kubevirt.io/kubectl-shop-web-01');
      expect(await kubectlOk('get', 'vmi', '-A', '-o', 'name')).not.toContain(
        dataVolumeVm.name,
      );
      const dvs = await kubectl('get', 'dv', '-n', NAMESPACE);
      expect(dvs.stdout).toBe('');
      expect(dvs.stderr).toContain(
        `No resources found in ${NAMESPACE} namespace.`,
      );

      const missing = await kubectl(
        'get',
        'vm',
        dataVolumeVm.name,
        '-n',
        NAMESPACE,
      );
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain(
        `Error from server (NotFound): virtualmachines.kubevirt.io "${dataVolumeVm.name}" not found`,
      );

      await provider.deleteVirtualMachine(
        cluster,
        { namespace: NAMESPACE, name: containerDiskVm.name },
        ownerOf(containerDiskVm),
      );
      const none = await kubectl('get', 'vm', '-n', NAMESPACE);
      expect(none.stdout).toBe('');
      expect(none.stderr).toContain(
        `No resources found in ${NAMESPACE} namespace.`,
      );
    });
  },
);
