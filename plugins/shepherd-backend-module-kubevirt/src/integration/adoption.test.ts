import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdClusterConnection,
  ShepherdProviderError,
  ShepherdVmDefinition,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { definition, template } from '../__testUtils__/definitions';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';

/*
 * What adoption asks of the provider, against the KubeVirt API simulator over HTTPS: every
 * VM of some namespaces with what it declares, and labels written under preconditions.
 */

let sim: KubevirtSimulator;
let provider: KubeVirtVmProvider;
let cluster: ShepherdClusterConnection;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  provider = createProvider();
  cluster = connectionTo(sim);
});

let counter = 0;

async function applied(
  overrides: Partial<ShepherdVmDefinition> = {},
): Promise<ShepherdVmDefinition> {
  counter += 1;
  const namespace = `adopt-${counter}`;
  const vm = definition({
    namespace,
    name: `${namespace}-shop-redis-01`,
    ...overrides,
  });
  await provider.ensureNamespace(cluster, namespace, 'test');
  await provider.applyVirtualMachine(cluster, vm);
  return vm;
}

const stored = (vm: ShepherdVmDefinition) =>
  sim.objects.get('vm', vm.namespace, vm.name)!;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(ShepherdProviderError);
  return error as ShepherdProviderError;
}

describe('KubeVirtVmProvider for adoption', () => {
  it('lists the VMs of the given namespaces with uid, state and what they declare', async () => {
    const containerDisk = await applied();
    const imported = await applied({
      template: template({
        sourceType: 'cdi_image_import',
        imageUrl: 'https://images.example.com/f.qcow2',
      }),
    });

    const found = await provider.listVirtualMachines(cluster, [
      containerDisk.namespace,
      imported.namespace,
      'no-such-namespace',
    ]);

    expect(found).toHaveLength(2);
    expect(found).toContainEqual(
      expect.objectContaining({
        namespace: containerDisk.namespace,
        name: containerDisk.name,
        uid: stored(containerDisk).metadata.uid,
        resourceVersion: expect.any(String),
        labels: stored(containerDisk).metadata.labels,
        cpuCores: 2,
        memoryGi: 4,
        image: 'quay.io/containerdisks/fedora:40',
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        name: imported.name,
        uid: stored(imported).metadata.uid,
        diskGb: 20,
        image: 'https://images.example.com/f.qcow2',
      }),
    );
  });

  it('writes labels only, with its field manager, on the version it read', async () => {
    const vm = await applied();
    const before = stored(vm);
    const precondition = {
      uid: before.metadata.uid,
      resourceVersion: before.metadata.resourceVersion,
    };

    const written = await provider.labelVirtualMachine(
      cluster,
      vm,
      { 'example.com/adopted': 'yes' },
      precondition,
    );

    const after = stored(vm);
    expect(written.resourceVersion).toBe(after.metadata.resourceVersion);
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.metadata.labels).toEqual({
      ...before.metadata.labels,
      'example.com/adopted': 'yes',
    });
    expect(after.spec).toEqual(before.spec);
    expect(
      after.metadata.managedFields?.some(
        entry =>
          entry.manager === 'kubevirt-shepherd' &&
          JSON.stringify(entry.fieldsV1).includes('example.com/adopted'),
      ),
    ).toBe(true);

    // The version it read is gone now: a second write on it is a conflict, and changes nothing.
    const stale = await failure(
      provider.labelVirtualMachine(
        cluster,
        vm,
        { 'example.com/adopted': null },
        precondition,
      ),
    );
    expect(stale.kind).toBe('conflict');
    expect(stored(vm).metadata.labels).toMatchObject({
      'example.com/adopted': 'yes',
    });

    // null takes a label off.
    await provider.labelVirtualMachine(
      cluster,
      vm,
      { 'example.com/adopted': null },
      { uid: precondition.uid, resourceVersion: written.resourceVersion! },
    );
    expect(stored(vm).metadata.labels).toEqual(before.metadata.labels);
  });

  it('fails as permanent 404 for a VM that does not exist', async () => {
    const vm = await applied();
    const missing = await failure(
      provider.labelVirtualMachine(
        cluster,
        { namespace: vm.namespace, name: 'not-there' },
        { 'example.com/adopted': 'yes' },
        { uid: 'u', resourceVersion: '1' },
      ),
    );
    expect(missing.kind).toBe('permanent');
    expect(missing.statusCode).toBe(404);
  });
});
