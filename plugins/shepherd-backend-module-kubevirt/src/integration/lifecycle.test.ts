import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import { VmStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdClusterConnection } from '@kubevirt-shepherd/plugin-shepherd-node';
import { definition, ownerOf, template } from '../__testUtils__/definitions';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';

/*
 * A VM's life as Shepherd sees it, through getVirtualMachine, on a simulator whose
 * controllers move with realistic phase durations on a manual clock: each phase can be
 * observed, and no test waits for it.
 */

let sim: KubevirtSimulator;
let provider: KubeVirtVmProvider;
let cluster: ShepherdClusterConnection;

const vm = definition({
  namespace: 'life',
  name: 'life-shop-db-01',
  template: template({
    sourceType: 'cdi_image_import',
    imageUrl: 'https://images.example.com/fedora-40.qcow2',
  }),
});
const ref = { namespace: vm.namespace, name: vm.name };

beforeAll(async () => {
  sim = await startSimulator({ timing: 'realistic', clock: 'manual' });
  provider = createProvider();
  cluster = connectionTo(sim);
  await provider.ensureNamespace(cluster, vm.namespace, 'test');
});

afterAll(async () => {
  await sim?.close();
});

/** The statuses seen while the simulated controllers run to rest, in half-second steps. */
async function statusesUntilIdle(): Promise<VmStatus[]> {
  const seen: VmStatus[] = [];
  for (let step = 0; step < 200; step++) {
    const { status } = await provider.getVirtualMachine(cluster, ref);
    if (seen[seen.length - 1] !== status) seen.push(status);
    if (sim.clock.pending() === 0) return seen;
    sim.clock.advance(500);
  }
  throw new Error(
    `The simulated VM never came to rest; saw ${seen.join(' → ')}`,
  );
}

describe('a VM through its lifecycle', () => {
  it('is NOT_FOUND before it is applied', async () => {
    expect(await provider.getVirtualMachine(cluster, ref)).toEqual({
      ...ref,
      status: 'NOT_FOUND',
    });
  });

  it('is provisioned: CREATING (DataVolume import) → STARTING → RUNNING', async () => {
    await provider.applyVirtualMachine(cluster, vm);
    expect(await statusesUntilIdle()).toEqual([
      'CREATING',
      'STARTING',
      'RUNNING',
    ]);
    expect(await provider.getVirtualMachine(cluster, ref)).toMatchObject({
      status: 'RUNNING',
      ipAddress: expect.any(String),
      nodeName: expect.any(String),
    });
  });

  it('stops: STOPPING → STOPPED', async () => {
    await provider.stopVirtualMachine(cluster, ref);
    expect(await statusesUntilIdle()).toEqual(['STOPPING', 'STOPPED']);
  });

  it('starts again: STARTING → RUNNING', async () => {
    await provider.startVirtualMachine(cluster, ref);
    expect(await statusesUntilIdle()).toEqual(['STARTING', 'RUNNING']);
  });

  it('restarts into a new instance and runs again', async () => {
    const before = sim.objects.get('vmi', vm.namespace, vm.name)!.metadata.uid;
    await provider.restartVirtualMachine(cluster, ref);
    const seen = await statusesUntilIdle();
    expect(seen[seen.length - 1]).toBe('RUNNING');
    expect(seen).toContain('STARTING');
    expect(
      sim.objects.get('vmi', vm.namespace, vm.name)!.metadata.uid,
    ).not.toBe(before);
  });

  it('migrates: MIGRATING → RUNNING, with the migration Running → Succeeded', async () => {
    const before = await provider.getVirtualMachine(cluster, ref);
    const migration = await provider.migrateVirtualMachine(cluster, ref);
    expect(migration).toEqual({
      name: expect.stringMatching(/^kubevirt-migrate-vm-/),
      phase: 'Running',
    });
    expect(await statusesUntilIdle()).toEqual(['MIGRATING', 'RUNNING']);
    expect(await provider.getMigration(cluster, ref, migration.name)).toEqual({
      name: migration.name,
      phase: 'Succeeded',
    });
    const after = await provider.getVirtualMachine(cluster, ref);
    expect(after.nodeName).not.toBe(before.nodeName);
  });

  it('is deleted: DELETING → NOT_FOUND, and a second delete succeeds', async () => {
    expect(
      await provider.deleteVirtualMachine(cluster, ref, ownerOf(vm)),
    ).toEqual({
      existed: true,
    });
    expect(await statusesUntilIdle()).toEqual(['DELETING', 'NOT_FOUND']);
    expect(
      await provider.deleteVirtualMachine(cluster, ref, ownerOf(vm)),
    ).toEqual({
      existed: false,
    });
  });
});
