import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  SHEPHERD_NOT_OWNED_ERROR_CODE,
  ShepherdClusterConnection,
  ShepherdNotOwnedError,
  ShepherdVmDefinition,
  isShepherdNotOwnedError,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { definition, ownerOf, template } from '../__testUtils__/definitions';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { FIELD_MANAGER, KUBEVIRT_API, LABELS } from '../constants';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';

/*
 * Ownership against the simulator: the provider changes and deletes only objects whose
 * labels name its installation and the expected VM record, and leaves every other object of
 * the name exactly as it found it.
 */

let sim: KubevirtSimulator;
let provider: KubeVirtVmProvider;
let cluster: ShepherdClusterConnection;
let kubectl: CustomObjectsApi;

beforeAll(async () => {
  sim = await startSimulator();
  const config = new KubeConfig();
  config.loadFromString(sim.kubeconfig);
  kubectl = config.makeApiClient(CustomObjectsApi);
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  provider = createProvider();
  cluster = connectionTo(sim);
});

let counter = 0;

/** A definition in a namespace of its own, ready to be applied. */
async function prepared(
  overrides: Partial<ShepherdVmDefinition> = {},
): Promise<ShepherdVmDefinition> {
  counter += 1;
  const namespace = `own-${counter}`;
  const vm = definition({
    namespace,
    name: `${namespace}-shop-redis-01`,
    template: template({ sourceType: 'containerdisk' }),
    ...overrides,
  });
  await provider.ensureNamespace(cluster, namespace, 'test', {
    installationId: vm.installationId,
  });
  return vm;
}

/** A VM someone created with kubectl under the name: other labels, another image. */
async function foreignVm(vm: ShepherdVmDefinition) {
  await kubectl.createNamespacedCustomObject({
    group: KUBEVIRT_API.group,
    version: KUBEVIRT_API.version,
    namespace: vm.namespace,
    plural: KUBEVIRT_API.virtualMachines,
    body: {
      apiVersion: KUBEVIRT_API.apiVersion,
      kind: 'VirtualMachine',
      metadata: {
        name: vm.name,
        namespace: vm.namespace,
        labels: { team: 'payments', app: 'ledger' },
      },
      spec: {
        runStrategy: 'Always',
        template: {
          spec: {
            domain: {
              devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] },
              resources: { requests: { memory: '1Gi' } },
            },
            volumes: [
              {
                name: 'root',
                containerDisk: { image: 'quay.io/containerdisks/debian:12' },
              },
            ],
          },
        },
      },
    },
  });
  return snapshot(vm);
}

/** The object of the VM's name as the cluster holds it now. */
function snapshot(vm: ShepherdVmDefinition) {
  const object = sim.objects.get('vm', vm.namespace, vm.name);
  if (!object) throw new Error(`${vm.namespace}/${vm.name} does not exist`);
  return JSON.parse(JSON.stringify(object));
}

async function refusal(work: Promise<unknown>): Promise<ShepherdNotOwnedError> {
  try {
    await work;
  } catch (error) {
    if (isShepherdNotOwnedError(error)) return error;
    throw error;
  }
  throw new Error('Expected a ShepherdNotOwnedError');
}

describe('the provider and objects that are not its own', () => {
  it('labels what it creates with the installation and the VM record', async () => {
    const vm = await prepared();
    await provider.applyVirtualMachine(cluster, vm);
    const created = snapshot(vm);
    const ownership = {
      [LABELS.installation]: vm.installationId,
      [LABELS.vmId]: vm.vmId,
      [LABELS.ticketId]: vm.ticketId,
    };
    expect(created.metadata.labels).toMatchObject(ownership);
    expect(created.spec.template.metadata.labels).toMatchObject(ownership);
    expect(
      sim.objects.get('namespace', undefined, vm.namespace)?.metadata.labels,
    ).toMatchObject({ [LABELS.installation]: vm.installationId });
  });

  it('labels the DataVolumes it has CDI create', async () => {
    const vm = await prepared({
      template: template({
        sourceType: 'cdi_image_import',
        imageUrl: 'https://images.example.com/f.qcow2',
      }),
    });
    await provider.applyVirtualMachine(cluster, vm);
    expect(
      snapshot(vm).spec.dataVolumeTemplates[0].metadata.labels,
    ).toMatchObject({
      [LABELS.installation]: vm.installationId,
      [LABELS.vmId]: vm.vmId,
    });
  });

  it('refuses to apply over a VM created with kubectl, and leaves it untouched', async () => {
    const vm = await prepared();
    const before = await foreignVm(vm);

    const refused = await refusal(provider.applyVirtualMachine(cluster, vm));
    expect(refused).toMatchObject({
      kind: 'permanent',
      code: SHEPHERD_NOT_OWNED_ERROR_CODE,
      vm: { namespace: vm.namespace, name: vm.name },
    });
    expect(refused.found).toBeUndefined();
    expect(refused.message).toContain(`${vm.namespace}/${vm.name}`);
    expect(snapshot(vm)).toEqual(before);
  });

  it('refuses the dry run of an approval over a foreign VM as well', async () => {
    const vm = await prepared();
    const before = await foreignVm(vm);
    await refusal(provider.applyVirtualMachine(cluster, vm, { dryRun: true }));
    expect(snapshot(vm)).toEqual(before);
  });

  it("refuses another installation's VM and another record's VM of this installation", async () => {
    const vm = await prepared();
    await provider.applyVirtualMachine(cluster, {
      ...vm,
      installationId: 'another-shepherd',
    });
    const before = snapshot(vm);
    const refused = await refusal(provider.applyVirtualMachine(cluster, vm));
    expect(refused.found).toEqual({
      installationId: 'another-shepherd',
      vmId: vm.vmId,
      ticketId: vm.ticketId,
    });
    expect(snapshot(vm)).toEqual(before);

    await refusal(
      provider.applyVirtualMachine(cluster, {
        ...vm,
        installationId: 'another-shepherd',
        vmId: 'another-record',
      }),
    );
    expect(snapshot(vm)).toEqual(before);
  });

  it('applies its own VM again, changing only what changed', async () => {
    const vm = await prepared();
    await provider.applyVirtualMachine(cluster, vm);
    const first = snapshot(vm);
    await provider.applyVirtualMachine(cluster, { ...vm, running: false });
    const second = snapshot(vm);
    expect(second.metadata.uid).toBe(first.metadata.uid);
    expect(second.spec.runStrategy).toBe('Halted');
  });

  /** Holds the next request of `method` on its way to the cluster until the test releases it. */
  function holdNext(method: 'PATCH' | 'DELETE') {
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const requestArrived = new Promise<void>(resolve => {
      arrived = resolve;
    });
    const fault = sim.faults.inject({
      kind: 'latency',
      method,
      until: new Promise<void>(resolve => {
        release = resolve;
      }),
      onHit: () => arrived(),
      times: 1,
    });
    return { requestArrived, release: () => release(), fault };
  }

  it('applies again when its VM changed between the read and the apply, as KubeVirt changes a new VM', async () => {
    const vm = await prepared({ running: false });
    const held = holdNext('PATCH');
    const patient = createProvider({ requestTimeoutMs: 60_000 });
    const applying = patient.applyVirtualMachine(cluster, vm);
    // The create went through; the apply that follows it waits while a controller writes.
    await held.requestArrived;
    await kubectl.patchNamespacedCustomObject({
      group: KUBEVIRT_API.group,
      version: KUBEVIRT_API.version,
      namespace: vm.namespace,
      plural: KUBEVIRT_API.virtualMachines,
      name: vm.name,
      body: [
        {
          op: 'add',
          path: '/metadata/annotations',
          value: { 'example.com/controller': 'was-here' },
        },
      ],
    });
    held.release();

    await applying;
    const applied = snapshot(vm);
    expect(applied.metadata.annotations).toMatchObject({
      'example.com/controller': 'was-here',
    });
    expect(applied.metadata.managedFields).toContainEqual(
      expect.objectContaining({ manager: FIELD_MANAGER, operation: 'Apply' }),
    );
  });

  it('refuses to apply over a VM replaced by a foreign one between the read and the apply', async () => {
    const vm = await prepared({ running: false });
    await provider.applyVirtualMachine(cluster, vm);
    const held = holdNext('PATCH');
    const patient = createProvider({ requestTimeoutMs: 60_000 });
    const applying = patient
      .applyVirtualMachine(cluster, { ...vm, running: true })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    await held.requestArrived;
    await kubectl.deleteNamespacedCustomObject({
      group: KUBEVIRT_API.group,
      version: KUBEVIRT_API.version,
      namespace: vm.namespace,
      plural: KUBEVIRT_API.virtualMachines,
      name: vm.name,
    });
    const replacement = await foreignVm(vm);
    held.release();

    expect(isShepherdNotOwnedError(await applying)).toBe(true);
    expect(snapshot(vm)).toEqual(replacement);
  });

  it('refuses to delete a foreign VM, and deletes its own', async () => {
    const vm = await prepared();
    const before = await foreignVm(vm);
    const ref = { namespace: vm.namespace, name: vm.name };

    await refusal(provider.deleteVirtualMachine(cluster, ref, ownerOf(vm)));
    expect(snapshot(vm)).toEqual(before);

    const own = await prepared();
    await provider.applyVirtualMachine(cluster, own);
    const ownRef = { namespace: own.namespace, name: own.name };
    // The VM another record of this installation expects is not this one either.
    await refusal(
      provider.deleteVirtualMachine(cluster, ownRef, {
        ...ownerOf(own),
        vmId: 'another-record',
      }),
    );
    // Nor is an object of the right labels whose uid is not the one Shepherd saw.
    await refusal(
      provider.deleteVirtualMachine(cluster, ownRef, {
        ...ownerOf(own),
        uid: 'a-uid-of-an-earlier-object',
      }),
    );
    expect(sim.objects.get('vm', own.namespace, own.name)).toBeDefined();

    expect(
      await provider.deleteVirtualMachine(cluster, ownRef, {
        ...ownerOf(own),
        uid: snapshot(own).metadata.uid,
      }),
    ).toEqual({ existed: true });
    expect((await provider.getVirtualMachine(cluster, ownRef)).status).toMatch(
      /^(DELETING|NOT_FOUND)$/,
    );
  });

  it('deletes with a uid precondition, so a VM recreated under the name meanwhile survives', async () => {
    const vm = await prepared({ running: false });
    await provider.applyVirtualMachine(cluster, vm);
    const ref = { namespace: vm.namespace, name: vm.name };
    // The provider's delete is held on its way to the cluster; meanwhile someone replaces
    // the VM by one of their own under the same name.
    const held = holdNext('DELETE');
    const patient = createProvider({ requestTimeoutMs: 60_000 });
    const deleting = patient
      .deleteVirtualMachine(cluster, ref, ownerOf(vm))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    await held.requestArrived;
    held.fault.remove();
    await kubectl.deleteNamespacedCustomObject({
      group: KUBEVIRT_API.group,
      version: KUBEVIRT_API.version,
      namespace: vm.namespace,
      plural: KUBEVIRT_API.virtualMachines,
      name: vm.name,
    });
    expect(sim.objects.get('vm', vm.namespace, vm.name)).toBeUndefined();
    const replacement = await foreignVm(vm);
    held.release();

    const outcome = await deleting;
    expect(isShepherdNotOwnedError(outcome)).toBe(true);
    expect(snapshot(vm)).toEqual(replacement);
  });

  it('reports a conflict on its own, unchanged VM as a conflict to retry', async () => {
    const vm = await prepared({ running: false });
    await provider.applyVirtualMachine(cluster, vm);
    const ref = { namespace: vm.namespace, name: vm.name };
    sim.faults.inject({ kind: 'conflict', method: 'DELETE', times: 1 });
    await expect(
      provider.deleteVirtualMachine(cluster, ref, ownerOf(vm)),
    ).rejects.toMatchObject({ kind: 'conflict', statusCode: 409 });
    expect(sim.objects.get('vm', vm.namespace, vm.name)).toBeDefined();
    expect(
      await provider.deleteVirtualMachine(cluster, ref, ownerOf(vm)),
    ).toEqual({ existed: true });
  });
});
