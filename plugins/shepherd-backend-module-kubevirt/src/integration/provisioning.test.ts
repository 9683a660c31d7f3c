import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdClusterConnection,
  ShepherdProviderError,
  ShepherdVmDefinition,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import {
  definition,
  instanceSize,
  ownerOf,
  template,
} from '../__testUtils__/definitions';
import {
  connectionTo,
  createProvider,
  startSimulator,
} from '../__testUtils__/simulator';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';

/*
 * The provider against the KubeVirt API simulator over HTTPS, with the simulator's own
 * kubeconfig (CA data and a bearer token) and instant controller transitions.
 */

let sim: KubevirtSimulator;
let provider: KubeVirtVmProvider;
let cluster: ShepherdClusterConnection;

beforeAll(async () => {
  sim = await startSimulator({
    kubevirtVersion: 'v1.6.1',
    featureGates: ['Snapshot', 'ExpandDisks', 'LiveMigration'],
    storageClasses: [
      { name: 'local-path', default: true },
      { name: 'ceph-block', allowVolumeExpansion: true },
    ],
  });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  provider = createProvider();
  cluster = connectionTo(sim);
});

let vmCounter = 0;

/** A definition in its own namespace (created just in time), so tests do not meet. */
async function provisioned(
  overrides: Partial<ShepherdVmDefinition> = {},
): Promise<ShepherdVmDefinition> {
  vmCounter += 1;
  const namespace = `it-${vmCounter}`;
  const vm = definition({
    namespace,
    name: `${namespace}-shop-redis-01`,
    ...overrides,
  });
  await provider.ensureNamespace(cluster, namespace, 'test');
  return vm;
}

/** A VM the provider applied, in a namespace of its own. */
async function applied(
  overrides: Partial<ShepherdVmDefinition> = {},
): Promise<ShepherdVmDefinition> {
  const vm = await provisioned(overrides);
  await provider.applyVirtualMachine(cluster, vm);
  return vm;
}

/** A template whose root disk CDI imports from an image URL. */
const imageImportTemplate = () =>
  template({
    sourceType: 'cdi_image_import',
    imageUrl: 'https://images.example.com/f.qcow2',
  });

const ref = (vm: ShepherdVmDefinition) => ({
  namespace: vm.namespace,
  name: vm.name,
});

/** The status Shepherd reads for the VM now. */
const statusOf = async (vm: ShepherdVmDefinition) =>
  (await provider.getVirtualMachine(cluster, ref(vm))).status;

async function expectProviderError(
  promise: Promise<unknown>,
  kind: string,
  message?: RegExp,
): Promise<ShepherdProviderError> {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(ShepherdProviderError);
  expect(error.kind).toBe(kind);
  if (message) expect(error.message).toMatch(message);
  return error;
}

describe('KubeVirtVmProvider against the simulator', () => {
  describe('ensureNamespace', () => {
    it('creates a missing namespace with its environment and managed-by labels', async () => {
      await provider.ensureNamespace(cluster, 'jit-prod', 'prod');
      expect(
        sim.objects.get('namespaces', undefined, 'jit-prod')?.metadata.labels,
      ).toMatchObject({
        'kubevirt-shepherd.io/environment': 'prod',
        'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
      });
      await provider.ensureNamespace(cluster, 'jit-prod', 'prod');
    });

    it('leaves an existing namespace alone', async () => {
      await provider.ensureNamespace(cluster, 'default', 'test');
      expect(
        sim.objects.get('namespaces', undefined, 'default')?.metadata.labels?.[
          'kubevirt-shepherd.io/managed-by'
        ],
      ).toBeUndefined();
    });

    it('treats a namespace created concurrently (409 AlreadyExists) as created', async () => {
      const fault = sim.faults.inject({
        kind: 'conflict',
        method: 'POST',
        path: '^/api/v1/namespaces$',
        times: 1,
      });
      await provider.ensureNamespace(cluster, 'jit-race', 'test');
      expect(fault.hits).toBe(1);
    });
  });

  describe('applyVirtualMachine', () => {
    it('applies the rendered VM server-side, and applying it again changes nothing', async () => {
      const vm = await provisioned();
      const first = await provider.applyVirtualMachine(cluster, vm);
      const stored = sim.objects.get('vm', vm.namespace, vm.name)!;
      expect(stored.metadata.labels).toMatchObject({
        'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
        'kubevirt-shepherd.io/ticket-id': 'tkt-0001',
      });
      expect(stored.metadata.managedFields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            manager: 'kubevirt-shepherd',
            operation: 'Apply',
          }),
        ]),
      );
      const specAfterFirst = stored.spec;

      const second = await provider.applyVirtualMachine(cluster, vm);
      expect(sim.objects.get('vm', vm.namespace, vm.name)!.spec).toEqual(
        specAfterFirst,
      );
      expect(second.resourceVersion).toBe(
        sim.objects.get('vm', vm.namespace, vm.name)!.metadata.resourceVersion,
      );
      expect(first.resourceVersion).toBeDefined();
    });

    it('takes back fields someone changed by hand (force)', async () => {
      const vm = await applied();
      await provider.stopVirtualMachine(cluster, ref(vm));
      expect(
        sim.objects.get('vm', vm.namespace, vm.name)!.spec.runStrategy,
      ).toBe('Halted');

      await provider.applyVirtualMachine(cluster, vm);
      expect(
        sim.objects.get('vm', vm.namespace, vm.name)!.spec.runStrategy,
      ).toBe('Always');
    });

    it('validates with dryRun and stores nothing', async () => {
      const vm = await provisioned();
      const result = await provider.applyVirtualMachine(cluster, vm, {
        dryRun: true,
      });
      expect(result).toBeDefined();
      expect(sim.objects.get('vm', vm.namespace, vm.name)).toBeUndefined();
      expect(await provider.getVirtualMachine(cluster, ref(vm))).toMatchObject({
        status: 'NOT_FOUND',
      });
    });

    it('reports what admission rejects as a permanent error with its message', async () => {
      const vm = await provisioned({
        instanceSize: instanceSize({
          specOverrides: { 'spec.runStrategy': 'Sometimes' },
        }),
      });
      const error = await expectProviderError(
        provider.applyVirtualMachine(cluster, vm, { dryRun: true }),
        'permanent',
        /Dry-run create VirtualMachine .* failed: HTTP 422 Invalid: .*Invalid RunStrategy \(Sometimes\)/,
      );
      expect(error.statusCode).toBe(422);
    });

    it('refuses a VM that would set spec.running before asking the cluster', async () => {
      const vm = await provisioned({
        instanceSize: instanceSize({ specOverrides: { 'spec.running': true } }),
      });
      // Any PATCH that reached the cluster would fail as a 503 and count here.
      const apply = sim.faults.inject({ kind: 'error', method: 'PATCH' });
      try {
        const error = await expectProviderError(
          provider.applyVirtualMachine(cluster, vm, { dryRun: true }),
          'permanent',
          /Cannot render VirtualMachine .*: spec\.running must not be set/,
        );
        expect(error.statusCode).toBeUndefined();
        expect(apply.hits).toBe(0);
      } finally {
        apply.remove();
      }
    });

    it('reads again and applies again after a conflict, and reports a conflict that persists', async () => {
      const vm = await applied();
      const once = sim.faults.inject({
        kind: 'conflict',
        method: 'PATCH',
        times: 1,
      });
      await provider.applyVirtualMachine(cluster, vm);
      expect(once.hits).toBe(1);

      const always = sim.faults.inject({ kind: 'conflict', method: 'PATCH' });
      try {
        await expectProviderError(
          provider.applyVirtualMachine(cluster, vm),
          'conflict',
          /HTTP 409/,
        );
      } finally {
        always.remove();
      }
      // Tried a bounded number of times, each after a fresh read.
      expect(always.hits).toBe(5);
    });

    it('reports a conflict of the create as a conflict, not as a taken name', async () => {
      const vm = await provisioned();
      sim.faults.inject({ kind: 'conflict', method: 'POST', times: 1 });
      await expectProviderError(
        provider.applyVirtualMachine(cluster, vm),
        'conflict',
        /HTTP 409/,
      );
    });

    it('fails as permanent when the namespace does not exist', async () => {
      const vm = definition({
        namespace: 'never-created',
        name: 'never-created-vm-01',
      });
      await expectProviderError(
        provider.applyVirtualMachine(cluster, vm),
        'permanent',
        /HTTP 404/,
      );
    });
  });

  describe('status', () => {
    it('reports a running VM with its IP, node and resourceVersion', async () => {
      const vm = await applied();
      const state = await provider.getVirtualMachine(cluster, ref(vm));
      const stored = sim.objects.get('vm', vm.namespace, vm.name)!;
      const vmi = sim.objects.get('vmi', vm.namespace, vm.name)!;
      expect(state).toEqual({
        namespace: vm.namespace,
        name: vm.name,
        status: 'RUNNING',
        resourceVersion: stored.metadata.resourceVersion,
        ipAddress: vmi.status.interfaces[0].ipAddress,
        ipAddresses: [vmi.status.interfaces[0].ipAddress],
        nodeName: vmi.status.nodeName,
        labels: stored.metadata.labels,
        uid: stored.metadata.uid,
        instanceUid: vmi.metadata.uid,
      });
      expect(state.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    });

    it('maps a failing VM to FAILED with its printable status', async () => {
      const vm = await provisioned();
      sim.controllers.failVirtualMachine(vm.namespace, vm.name, 'ErrImagePull');
      await provider.applyVirtualMachine(cluster, vm);
      expect(await provider.getVirtualMachine(cluster, ref(vm))).toMatchObject({
        status: 'FAILED',
        message: 'ErrImagePull',
      });
    });

    it('maps a VM applied halted to STOPPED', async () => {
      const vm = await applied({ running: false });
      expect(await statusOf(vm)).toBe('STOPPED');
    });

    it('lists the managed VMs across namespaces, and only those', async () => {
      const a = await provisioned();
      const b = await provisioned({ running: false });
      await provider.applyVirtualMachine(cluster, a);
      await provider.applyVirtualMachine(cluster, b);
      // A VM someone else created in the same namespace: not Shepherd's.
      const foreign = definition({
        namespace: a.namespace,
        name: 'foreign-vm',
      });
      const unmanaged = provider.renderVirtualMachine(foreign) as any;
      delete unmanaged.metadata.labels['kubevirt-shepherd.io/managed-by'];
      delete unmanaged.spec.template.metadata.labels[
        'kubevirt-shepherd.io/managed-by'
      ];
      await rawApply(unmanaged);

      const listed = await provider.listManagedVirtualMachines(cluster);
      const names = listed.map(vm => `${vm.namespace}/${vm.name}`);
      expect(names).toEqual(
        expect.arrayContaining([
          `${a.namespace}/${a.name}`,
          `${b.namespace}/${b.name}`,
        ]),
      );
      expect(names).not.toContain(`${a.namespace}/foreign-vm`);
      expect(listed.find(vm => vm.name === a.name)).toMatchObject({
        status: 'RUNNING',
        ipAddress: expect.any(String),
        nodeName: expect.any(String),
      });
      expect(listed.find(vm => vm.name === b.name)).toMatchObject({
        status: 'STOPPED',
      });
    });
  });

  describe('power', () => {
    it('stops and starts, and repeating either is a no-op (KubeVirt answers 409)', async () => {
      const vm = await applied();
      await provider.startVirtualMachine(cluster, ref(vm));
      expect(await statusOf(vm)).toBe('RUNNING');

      await provider.stopVirtualMachine(cluster, ref(vm));
      expect(await statusOf(vm)).toBe('STOPPED');
      await provider.stopVirtualMachine(cluster, ref(vm));
      expect(await statusOf(vm)).toBe('STOPPED');

      await provider.startVirtualMachine(cluster, ref(vm));
      expect(await statusOf(vm)).toBe('RUNNING');
    });

    it('does not take a write conflict inside virt-api for "already done"', async () => {
      const vm = await applied({ running: false });
      sim.faults.inject({
        kind: 'conflict',
        method: 'PUT',
        path: '/start$',
        times: 1,
      });
      await expectProviderError(
        provider.startVirtualMachine(cluster, ref(vm)),
        'conflict',
      );
      expect(await statusOf(vm)).toBe('STOPPED');
    });

    it('restarts a running VM with a new instance', async () => {
      const vm = await applied();
      const before = sim.objects.get('vmi', vm.namespace, vm.name)!.metadata
        .uid;
      await provider.restartVirtualMachine(cluster, ref(vm));
      const after = sim.objects.get('vmi', vm.namespace, vm.name)!;
      expect(after.metadata.uid).not.toBe(before);
      expect(await statusOf(vm)).toBe('RUNNING');
    });

    it("refuses to restart a stopped VM as a conflict with KubeVirt's message", async () => {
      const vm = await applied({ running: false });
      await expectProviderError(
        provider.restartVirtualMachine(cluster, ref(vm)),
        'conflict',
        /Restart VirtualMachine .* HTTP 409/,
      );
    });

    it('fails as permanent for a VM that does not exist', async () => {
      await expectProviderError(
        provider.startVirtualMachine(cluster, {
          namespace: 'default',
          name: 'ghost',
        }),
        'permanent',
        /HTTP 404/,
      );
    });
  });

  describe('deleteVirtualMachine', () => {
    it('deletes the VM and then reports NOT_FOUND; deleting it again succeeds', async () => {
      const vm = await applied({
        template: imageImportTemplate(),
      });
      expect(
        sim.objects.get('dv', vm.namespace, `${vm.name}-rootfs`),
      ).toBeDefined();

      expect(
        await provider.deleteVirtualMachine(cluster, ref(vm), ownerOf(vm)),
      ).toEqual({
        existed: true,
      });
      expect(await provider.getVirtualMachine(cluster, ref(vm))).toEqual({
        ...ref(vm),
        status: 'NOT_FOUND',
      });
      expect(sim.objects.get('vmi', vm.namespace, vm.name)).toBeUndefined();
      expect(
        sim.objects.get('dv', vm.namespace, `${vm.name}-rootfs`),
      ).toBeUndefined();
      expect(
        await provider.deleteVirtualMachine(cluster, ref(vm), ownerOf(vm)),
      ).toEqual({
        existed: false,
      });
    });
  });

  describe('resizeVirtualMachine', () => {
    it('patches CPU and memory of a running VM and asks for a restart', async () => {
      const vm = await applied();
      const result = await provider.resizeVirtualMachine(cluster, ref(vm), {
        cpuCores: 3.5,
        cpuRequest: 1.5,
        memoryGi: 6.5,
        memoryRequestGi: 4,
      });
      expect(result).toEqual({ restartRequired: true });
      const domain = sim.objects.get('vm', vm.namespace, vm.name)!.spec.template
        .spec.domain;
      expect(domain.cpu).toEqual({ cores: 4 });
      expect(domain.resources).toEqual({
        requests: { cpu: '1500m', memory: '4Gi' },
        limits: { cpu: '3500m', memory: '6656Mi' },
      });
      // Fields the resize does not name stay as they are.
      expect(domain.devices.interfaces).toEqual([
        { name: 'default', masquerade: {} },
      ]);
    });

    it('changes nothing with dryRun', async () => {
      const vm = await applied();
      const before = sim.objects.get('vm', vm.namespace, vm.name)!;
      const result = await provider.resizeVirtualMachine(
        cluster,
        ref(vm),
        { cpuCores: 4, memoryGi: 8 },
        { dryRun: true },
      );
      expect(result).toEqual({ restartRequired: true });
      expect(
        sim.objects.get('vm', vm.namespace, vm.name)!.metadata.resourceVersion,
      ).toBe(before.metadata.resourceVersion);
    });

    it('needs no restart on a stopped VM, nor when nothing changes', async () => {
      const stopped = await applied({ running: false });
      expect(
        await provider.resizeVirtualMachine(cluster, ref(stopped), {
          cpuCores: 4,
        }),
      ).toEqual({ restartRequired: false });

      const running = await applied();
      expect(
        await provider.resizeVirtualMachine(cluster, ref(running), {
          cpuCores: 2,
          memoryGi: 4,
        }),
      ).toEqual({ restartRequired: false });
    });

    it('grows the DataVolume template of a CDI VM and refuses to shrink it', async () => {
      const vm = await applied({
        template: imageImportTemplate(),
      });
      expect(
        await provider.resizeVirtualMachine(cluster, ref(vm), { diskGb: 50 }),
      ).toEqual({
        restartRequired: false,
      });
      const templates = sim.objects.get('vm', vm.namespace, vm.name)!.spec
        .dataVolumeTemplates;
      expect(templates).toHaveLength(1);
      expect(templates[0].spec.storage.resources.requests.storage).toBe('50Gi');
      expect(templates[0].spec.source).toEqual({
        http: { url: 'https://images.example.com/f.qcow2' },
      });

      await expectProviderError(
        provider.resizeVirtualMachine(cluster, ref(vm), {
          diskGb: 10,
          cpuCores: 4,
        }),
        'permanent',
        /can only grow: it has 50 GiB, 10 GiB was requested/,
      );
      // Refused as a whole: the CPU change did not go through either.
      expect(
        sim.objects.get('vm', vm.namespace, vm.name)!.spec.template.spec.domain
          .cpu,
      ).toEqual({ cores: 2 });
    });

    it('cannot resize the disk of a containerDisk VM', async () => {
      const vm = await applied();
      await expectProviderError(
        provider.resizeVirtualMachine(cluster, ref(vm), { diskGb: 40 }),
        'permanent',
        /containerDisk/,
      );
    });

    it('rejects sizes off the 0.5 grid before asking the cluster', async () => {
      const vm = await applied();
      await expectProviderError(
        provider.resizeVirtualMachine(cluster, ref(vm), { memoryGi: 1.2 }),
        'permanent',
        /multiple of 0.5/,
      );
    });
  });

  describe('inspectCluster', () => {
    it('detects the KubeVirt version, feature gates and storage classes', async () => {
      expect(await provider.inspectCluster(cluster)).toEqual({
        status: 'HEALTHY',
        kubevirtVersion: 'v1.6.1',
        featureGates: ['Snapshot', 'ExpandDisks', 'LiveMigration'],
        storageClasses: ['ceph-block', 'local-path'],
        defaultStorageClass: 'local-path',
      });
    });

    it('is UNHEALTHY when KubeVirt is not installed', async () => {
      const bare = await startSimulator();
      try {
        bare.controllers.removeObject('kubevirts', 'kubevirt', 'kubevirt');
        expect(await provider.inspectCluster(connectionTo(bare))).toEqual({
          status: 'UNHEALTHY',
          message: 'KubeVirt is not installed: no KubeVirt resource found',
          featureGates: [],
          storageClasses: ['ceph-block', 'standard'],
          defaultStorageClass: 'standard',
        });
      } finally {
        await bare.close();
      }
    });
  });

  describe('optional capabilities', () => {
    it("lists the cluster's instance types and preferences, and with a namespace its own too", async () => {
      const clusterWide = await provider.listInstanceTypes(cluster);
      expect(clusterWide).toEqual([
        {
          kind: 'VirtualMachineClusterInstancetype',
          name: 'u1.large',
          cpuCores: 2,
          memoryGi: 8,
          displayName: 'General Purpose',
        },
        {
          kind: 'VirtualMachineClusterInstancetype',
          name: 'u1.medium',
          cpuCores: 1,
          memoryGi: 4,
          displayName: 'General Purpose',
        },
        {
          kind: 'VirtualMachineClusterInstancetype',
          name: 'u1.small',
          cpuCores: 1,
          memoryGi: 2,
          displayName: 'General Purpose',
        },
        {
          kind: 'VirtualMachineClusterInstancetype',
          name: 'u1.xlarge',
          cpuCores: 4,
          memoryGi: 16,
          displayName: 'General Purpose',
        },
        {
          kind: 'VirtualMachineClusterPreference',
          name: 'fedora',
          displayName: 'Fedora (amd64)',
        },
        {
          kind: 'VirtualMachineClusterPreference',
          name: 'rhel.9',
          displayName: 'Red Hat Enterprise Linux 9 (amd64)',
        },
        {
          kind: 'VirtualMachineClusterPreference',
          name: 'ubuntu',
          displayName: 'Ubuntu',
        },
      ]);

      const vm = await provisioned();
      await rawApply({
        apiVersion: 'instancetype.kubevirt.io/v1beta1',
        kind: 'VirtualMachineInstancetype',
        metadata: {
          name: 'team-db',
          namespace: vm.namespace,
          annotations: { 'openshift.io/display-name': 'Team database' },
        },
        spec: { cpu: { guest: 3 }, memory: { guest: '6144Mi' } },
      });
      await rawApply({
        apiVersion: 'instancetype.kubevirt.io/v1beta1',
        kind: 'VirtualMachinePreference',
        metadata: { name: 'team-linux', namespace: vm.namespace },
        spec: { devices: { preferredDiskBus: 'virtio' } },
      });
      const withNamespace = await provider.listInstanceTypes(
        cluster,
        vm.namespace,
      );
      expect(withNamespace).toEqual([
        ...clusterWide.filter(
          i => i.kind === 'VirtualMachineClusterInstancetype',
        ),
        {
          kind: 'VirtualMachineInstancetype',
          name: 'team-db',
          namespace: vm.namespace,
          cpuCores: 3,
          memoryGi: 6,
          displayName: 'Team database',
        },
        ...clusterWide.filter(
          i => i.kind === 'VirtualMachineClusterPreference',
        ),
        {
          kind: 'VirtualMachinePreference',
          name: 'team-linux',
          namespace: vm.namespace,
        },
      ]);
    });

    it('migrates a running VM and reads the migration back by name', async () => {
      const vm = await applied();
      const before = await provider.getVirtualMachine(cluster, ref(vm));

      const migration = await provider.migrateVirtualMachine(cluster, ref(vm));
      expect(migration).toEqual({
        name: expect.stringMatching(/^kubevirt-migrate-vm-[a-z0-9]{5}$/),
        phase: 'Succeeded',
      });
      const stored = sim.objects.get(
        'virtualmachineinstancemigrations',
        vm.namespace,
        migration.name,
      )!;
      expect(stored.spec).toEqual({ vmiName: vm.name });

      expect(
        await provider.getMigration(cluster, ref(vm), migration.name),
      ).toEqual(migration);
      // Without a name: the newest migration of the VM.
      expect(await provider.getMigration(cluster, ref(vm), '')).toEqual(
        migration,
      );
      const after = await provider.getVirtualMachine(cluster, ref(vm));
      expect(after.status).toBe('RUNNING');
      expect(after.nodeName).toBe(
        stored.status.migrationState.targetNode as string,
      );
      expect(after.nodeName).not.toBe(before.nodeName);
    });

    it('reports a migration that does not exist as a permanent 404', async () => {
      const vm = await provisioned();
      const error = await expectProviderError(
        provider.getMigration(cluster, ref(vm), 'kubevirt-migrate-vm-gone0'),
        'permanent',
        /HTTP 404/,
      );
      expect(error.statusCode).toBe(404);
      expect(await provider.getMigration(cluster, ref(vm), '')).toEqual({
        name: '',
        phase: 'Pending',
        message: `No VirtualMachineInstanceMigration of VirtualMachine ${vm.namespace}/${vm.name} is visible yet`,
      });
    });

    it('refuses to migrate a stopped VM', async () => {
      const vm = await applied({ running: false });
      await expectProviderError(
        provider.migrateVirtualMachine(cluster, ref(vm)),
        'permanent',
        /HTTP 404/,
      );
    });
  });
});

/** Applies an object as another field manager would (kubectl), bypassing the provider. */
async function rawApply(object: any): Promise<void> {
  const k8s = jest.requireActual('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  const client = k8s.KubernetesObjectApi.makeApiClient(kc);
  await client.create(object);
}
