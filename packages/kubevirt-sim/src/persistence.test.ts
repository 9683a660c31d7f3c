import * as k8s from '@kubernetes/client-node';
import {
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubevirtSimulator, SimulatorOptions, start } from './simulator';
import {
  FIELD_MANAGER,
  KUBEVIRT,
  clientsFor,
  serverSideApply,
  vmManifest,
} from './__testUtils__/clients';
import { eventually } from './__testUtils__/eventually';

const NAMESPACE = 'kept';
const vms = { ...KUBEVIRT, namespace: NAMESPACE, plural: 'virtualmachines' };
const RESOURCES = [
  'namespaces',
  'storageclasses',
  'kubevirts',
  'virtualmachines',
  'virtualmachineinstances',
  'datavolumes',
  'virtualmachineclusterinstancetypes',
  'virtualmachineclusterpreferences',
];

/** Every object the simulator holds, by resource. */
function everything(sim: KubevirtSimulator) {
  return Object.fromEntries(RESOURCES.map(r => [r, sim.objects.list(r)]));
}

describe('persistence in a state directory', () => {
  let dir: string;
  const running: KubevirtSimulator[] = [];
  const startIn = async (
    options: Pick<SimulatorOptions, 'port' | 'clock' | 'timing'> = {},
  ) => {
    const sim = await start({
      vnc: false,
      namespaces: [NAMESPACE],
      stateDir: dir,
      ...options,
    });
    running.push(sim);
    return sim;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubevirt-sim-state-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map(s => s.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps objects, uids, resourceVersions, managedFields, status and credentials across a restart on the same port', async () => {
    const first = await startIn();
    const { custom } = clientsFor(first);
    for (const [name, runStrategy] of [
      ['running', 'Always'],
      ['halted', 'Halted'],
    ]) {
      await custom.patchNamespacedCustomObject(
        {
          ...vms,
          name,
          body: vmManifest(name, NAMESPACE, {
            runStrategy,
            dataVolume: name === 'running',
          }),
          fieldManager: FIELD_MANAGER,
          force: true,
        },
        serverSideApply,
      );
    }
    expect(
      first.objects.get('virtualmachines', NAMESPACE, 'running')?.status
        ?.printableStatus,
    ).toBe('Running');
    const before = everything(first);
    const revision = first.resourceVersion;
    const kubeconfig = first.kubeconfig;
    const port = first.port;
    await first.close();

    const files = await readdir(dir);
    expect(files.sort()).toEqual(['credentials.json', 'objects.json']);
    expect((await stat(join(dir, 'objects.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'credentials.json'))).mode & 0o777).toBe(
      0o600,
    );

    const second = await startIn({ port });
    expect(second.port).toBe(port);
    expect(everything(second)).toEqual(before);
    expect(second.resourceVersion).toBe(revision);
    expect(
      second.objects.get('virtualmachineinstances', NAMESPACE, 'running')
        ?.status?.phase,
    ).toBe('Running');

    // Clients configured before the restart keep working.
    expect(second.kubeconfig).toBe(kubeconfig);
    const old = new k8s.KubeConfig();
    old.loadFromString(kubeconfig);
    const oldCustom = old.makeApiClient(k8s.CustomObjectsApi);
    const list = (await oldCustom.listNamespacedCustomObject(vms)) as any;
    expect(list.metadata.resourceVersion).toBe(revision);
    expect(list.items.map((i: any) => i.metadata.name)).toEqual([
      'halted',
      'running',
    ]);

    // The revision counter continues; a new write gets a larger resourceVersion.
    const started = await oldCustom.patchNamespacedCustomObject(
      {
        ...vms,
        name: 'halted',
        body: vmManifest('halted', NAMESPACE, { runStrategy: 'Always' }),
        fieldManager: FIELD_MANAGER,
        force: true,
      },
      serverSideApply,
    );
    expect(Number((started as any).metadata.resourceVersion)).toBeGreaterThan(
      Number(revision),
    );
    expect(
      second.objects.get('virtualmachines', NAMESPACE, 'halted')?.status
        ?.printableStatus,
    ).toBe('Running');
    // A new VMI does not take the address a restored one holds.
    const addresses = second.objects
      .list('virtualmachineinstances', NAMESPACE)
      .map(vmi => vmi.status.interfaces[0].ipAddress);
    expect(new Set(addresses).size).toBe(2);
  });

  it('resumes watches from the restored resourceVersion and answers 410 for older ones', async () => {
    const first = await startIn();
    const old = first.resourceVersion;
    await clientsFor(first).core.createNamespace({
      body: { metadata: { name: 'later' } },
    });
    const revision = first.resourceVersion;
    const port = first.port;
    await first.close();
    const second = await startIn({ port });

    const events: Array<{ type: string; object: any }> = [];
    const watch = (resourceVersion: string) =>
      new k8s.Watch(clientsFor(second).kc).watch(
        '/api/v1/namespaces',
        { resourceVersion },
        (type, object) => events.push({ type, object }),
        () => {},
      );
    const expired = await watch(old);
    await eventually(() =>
      expect(events).toEqual([
        {
          type: 'ERROR',
          object: expect.objectContaining({ code: 410, reason: 'Expired' }),
        },
      ]),
    );
    expired.abort();
    events.length = 0;

    const resumed = await watch(revision);
    await eventually(() => expect(second.watches.open()).toBe(1));
    await clientsFor(second).core.createNamespace({
      body: { metadata: { name: 'after-restart' } },
    });
    await eventually(() =>
      expect(events.map(e => [e.type, e.object.metadata.name])).toEqual([
        ['ADDED', 'after-restart'],
      ]),
    );
    resumed.abort();
  });

  it('lets the controllers finish what was in progress when the cluster stopped', async () => {
    const slow = { clock: 'manual' as const, timing: 'realistic' as const };
    const first = await startIn(slow);
    await clientsFor(first).custom.createNamespacedCustomObject({
      ...vms,
      body: vmManifest('booting', NAMESPACE, { dataVolume: true }),
    });
    first.clock.advance(1000);
    expect(
      first.objects.get('datavolumes', NAMESPACE, 'booting-rootfs')?.status
        ?.phase,
    ).toBe('Pending');
    await first.close();

    const second = await startIn({ ...slow, port: first.port });
    expect(
      second.objects.get('virtualmachines', NAMESPACE, 'booting')?.status
        ?.printableStatus,
    ).toBe('Provisioning');
    second.clock.runUntilIdle();
    expect(
      second.objects.get('virtualmachines', NAMESPACE, 'booting')?.status
        ?.printableStatus,
    ).toBe('Running');
    expect(
      second.objects.get('datavolumes', NAMESPACE, 'booting-rootfs')?.status
        ?.phase,
    ).toBe('Succeeded');
  });

  it('does not seed twice, and adds what new options ask for', async () => {
    const first = await startIn();
    const namespaces = first.objects.list('namespaces').length;
    const kubevirt = first.objects.get('kubevirts', 'kubevirt', 'kubevirt');
    const port = first.port;
    await first.close();

    const second = await start({
      vnc: false,
      namespaces: [NAMESPACE, 'added-later'],
      stateDir: dir,
      port,
    });
    running.push(second);
    expect(second.objects.list('namespaces')).toHaveLength(namespaces + 1);
    expect(second.objects.get('kubevirts', 'kubevirt', 'kubevirt')).toEqual(
      kubevirt,
    );
    expect(second.objects.list('storageclasses')).toHaveLength(2);
  });

  it('writes changes on its own shortly after they happen, atomically', async () => {
    const sim = await startIn();
    await sim.saveState();
    await clientsFor(sim).core.createNamespace({
      body: { metadata: { name: 'written-soon' } },
    });
    await eventually(async () => {
      const saved = JSON.parse(
        await readFile(join(dir, 'objects.json'), 'utf8'),
      );
      expect(
        saved.resources['/namespaces'].map((n: any) => n.metadata.name),
      ).toContain('written-soon');
      expect(saved.revision).toBe(Number(sim.resourceVersion));
    });
    expect((await readdir(dir)).filter(f => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a state file it cannot read rather than starting empty', async () => {
    await writeFile(join(dir, 'objects.json'), '{"formatVersion":1,"rev');
    await expect(startIn()).rejects.toThrow(/objects\.json is not valid JSON/);
  });
});
