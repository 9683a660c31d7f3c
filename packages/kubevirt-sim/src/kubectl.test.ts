import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { KubevirtSimulator, start } from './simulator';
import {
  KUBEVIRT,
  clientsFor,
  mergePatch,
  vmManifest,
} from './__testUtils__/clients';
import { eventually } from './__testUtils__/eventually';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const haveKubectl = existsSync(KUBECTL);
if (!haveKubectl) {
  // eslint-disable-next-line no-console
  console.warn(
    `\n⚠⚠⚠ SKIPPED: the kubectl tests need ${KUBECTL} (set KUBECTL to another path) ⚠⚠⚠\n`,
  );
}

(haveKubectl ? describe : describe.skip)(
  'stock kubectl against the simulator',
  () => {
    let sim: KubevirtSimulator;
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

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'kubevirt-sim-kubectl-'));
      sim = await start({ vnc: false, name: 'kubectl-test' });
      await sim.writeKubeconfig(join(dir, 'kubeconfig'));
      const manifest = vmManifest('kubectl-vm', 'default', {
        dataVolume: true,
      });
      delete manifest.metadata.namespace;
      await writeFile(join(dir, 'vm.yaml'), stringify(manifest));
    });
    afterAll(async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('gets namespaces, storage classes and the KubeVirt CR', async () => {
      const ns = await kubectl('get', 'ns');
      expect(ns.stderr).toBe('');
      expect(ns.stdout).toMatch(/^NAME\s+STATUS\s+AGE/);
      expect(ns.stdout).toMatch(/^default\s+Active\s+\d+s/m);
      expect(ns.stdout).toMatch(/^kubevirt\s+Active/m);

      const sc = await kubectl('get', 'sc');
      expect(sc.stdout).toMatch(
        /^standard \(default\)\s+kubevirt.io.hostpath-provisioner/m,
      );

      const kv = await kubectl('get', 'kubevirt', '-A');
      expect(kv.stdout).toMatch(/^kubevirt\s+kubevirt\s+\d+s\s+Deployed/m);
    });

    it('applies a VM manifest and shows the VM, its VMI and DataVolume', async () => {
      const applied = await kubectl('apply', '-f', join(dir, 'vm.yaml'));
      expect(applied.stderr).toBe('');
      expect(applied.stdout.trim()).toBe(
        'virtualmachine.kubevirt.io/kubectl-vm created',
      );

      const vms = await kubectl('get', 'vm', '-A');
      expect(vms.stdout).toMatch(/^NAMESPACE\s+NAME\s+AGE\s+STATUS\s+READY/);
      expect(vms.stdout).toMatch(
        /^default\s+kubectl-vm\s+\d+s\s+Running\s+True/m,
      );

      const vmiYaml = await kubectl('get', 'vmi', '-A', '-o', 'yaml');
      const vmis = parse(vmiYaml.stdout);
      expect(vmis.kind).toBe('List');
      expect(vmis.items).toHaveLength(1);
      expect(vmis.items[0]).toMatchObject({
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachineInstance',
        metadata: { name: 'kubectl-vm', namespace: 'default' },
        status: {
          phase: 'Running',
          interfaces: [
            expect.objectContaining({
              ipAddress: expect.stringMatching(/^10\.244\./),
            }),
          ],
        },
      });

      const dvs = await kubectl('get', 'dv', '-A');
      expect(dvs.stdout).toMatch(
        /^default\s+kubectl-vm-rootfs\s+Succeeded\s+100\.0%\s+0/m,
      );

      const again = await kubectl('apply', '-f', join(dir, 'vm.yaml'));
      expect(again.stdout.trim()).toBe(
        'virtualmachine.kubevirt.io/kubectl-vm unchanged',
      );

      const serverSide = await kubectl(
        'apply',
        '--server-side',
        '--field-manager',
        'kubectl-test',
        '-f',
        join(dir, 'vm.yaml'),
      );
      expect(serverSide.stdout.trim()).toBe(
        'virtualmachine.kubevirt.io/kubectl-vm serverside-applied',
      );
    });

    it('deletes the VM, creates and labels namespaces, and reports NotFound', async () => {
      const deleted = await kubectl('delete', 'vm', 'kubectl-vm');
      expect(deleted.stdout.trim()).toBe(
        'virtualmachine.kubevirt.io "kubectl-vm" deleted',
      );
      expect((await kubectl('get', 'vm,vmi,dv', '-A')).stderr).toContain(
        'No resources found',
      );

      // Typed commands post protobuf; the simulator decodes namespaces.
      expect(
        (await kubectl('create', 'namespace', 'from-kubectl')).stdout.trim(),
      ).toBe('namespace/from-kubectl created');
      expect(
        (await kubectl('label', 'namespace', 'from-kubectl', 'team=a')).code,
      ).toBe(0);
      expect(
        (
          await kubectl('get', 'ns', '-l', 'team=a', '-o', 'name')
        ).stdout.trim(),
      ).toBe('namespace/from-kubectl');

      const missing = await kubectl('get', 'vm', 'nope', '-n', 'default');
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain(
        'Error from server (NotFound): virtualmachines.kubevirt.io "nope" not found',
      );
    });

    it('streams changes to `kubectl get vm -w`', async () => {
      const watcher = spawn(
        KUBECTL,
        [
          '--kubeconfig',
          join(dir, 'kubeconfig'),
          '--cache-dir',
          join(dir, 'cache'),
          'get',
          'vm',
          '-n',
          'default',
          '-w',
        ],
        { env: { PATH: process.env.PATH, HOME: dir } },
      );
      let output = '';
      watcher.stdout.on('data', chunk => {
        output += chunk;
      });
      watcher.stderr.on('data', chunk => {
        output += chunk;
      });
      try {
        await eventually(() => expect(sim.watches.open()).toBe(1));
        const { custom } = clientsFor(sim);
        const vms = {
          ...KUBEVIRT,
          namespace: 'default',
          plural: 'virtualmachines',
        };
        await custom.createNamespacedCustomObject({
          ...vms,
          body: vmManifest('watched-vm', 'default', { runStrategy: 'Halted' }),
        });
        await eventually(() =>
          expect(output).toMatch(/^watched-vm\s+\d+s\s+Stopped\s+False/m),
        );
        await custom.patchNamespacedCustomObject(
          {
            ...vms,
            name: 'watched-vm',
            body: { spec: { runStrategy: 'Always' } },
          },
          mergePatch,
        );
        await eventually(() =>
          expect(output).toMatch(/^watched-vm\s+\d+s\s+Running\s+True/m),
        );
        expect(output).not.toMatch(/error/i);
      } finally {
        watcher.kill();
      }
    });
  },
);
