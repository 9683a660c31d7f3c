import { mockServices } from '@backstage/backend-test-utils';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import { KubeVirtVmProvider } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { ShepherdVmProvider } from '@kubevirt-shepherd/plugin-shepherd-node';
import { createForeignVm } from '../../__testUtils__/foreignVms';
import {
  TEST_INSTALLATION,
  actor,
  describeOnEachDatabase,
  refusalOf,
} from '../../__testUtils__/operations';
import { AdoptionDiscovery } from '../../periodic/AdoptionDiscovery';
import { ClusterConnections } from '../../providers/ClusterConnections';
import { VmProviderRegistry } from '../../providers/VmProviderRegistry';
import {
  DefaultAdoptionService,
  adoptedInstance,
} from './DefaultAdoptionService';

/*
 * The adoption service on a real store and the real KubeVirt provider against the simulator,
 * for what the API cannot provoke on purpose: a unit of work that fails after the cluster
 * accepted the labels.
 */

describe('adoptedInstance', () => {
  it('takes the trailing digits of the name, else "adopted"', () => {
    expect(adoptedInstance('legacy-db-7')).toBe('7');
    expect(adoptedInstance('dev-shop-cart-02')).toBe('02');
    expect(adoptedInstance('web')).toBe('adopted');
    // More digits than the instance column holds are no instance index.
    expect(adoptedInstance('build-202612071530')).toBe('adopted');
  });
});

describe('DefaultAdoptionService', () => {
  let sim: KubevirtSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ timing: 'instant', vnc: false });
  });

  afterAll(async () => {
    await sim.close();
  });

  describeOnEachDatabase(bed => {
    it('takes its labels off again when the record cannot be written', async () => {
      const logger = mockServices.logger.mock();
      const kubevirt = KubeVirtVmProvider.create({ logger });
      const namespace = `adopt-${bed.service.id.slice(0, 6)}`;
      await bed.fixtures.namespace({ name: namespace, environment: 'test' });
      const cluster = await bed.fixtures.cluster({ environment: 'test' });
      await createForeignVm(sim, namespace, 'legacy-app-3');
      const original = sim.objects.get('vm', namespace, 'legacy-app-3')!;

      // The cluster accepts the labels; meanwhile another record takes the VM's name.
      const provider: ShepherdVmProvider = Object.assign(
        Object.create(kubevirt),
        {
          type: cluster.providerType,
          labelVirtualMachine: async (
            ...args: Parameters<
              NonNullable<ShepherdVmProvider['labelVirtualMachine']>
            >
          ) => {
            const written = await kubevirt.labelVirtualMachine(...args);
            if (Object.values(args[2]).some(value => value !== null)) {
              await bed.fixtures.vm(bed.service, {
                name: 'legacy-app-3',
                namespace,
              });
            }
            return written;
          },
        },
      );
      const providers = new VmProviderRegistry();
      providers.addProvider(provider);
      const connections = new ClusterConnections(
        bed.store,
        { getClusterKubeconfig: async () => sim.kubeconfig },
        providers,
      );
      const discovery = new AdoptionDiscovery(bed.store, connections, logger);
      const service = new DefaultAdoptionService(
        bed.context,
        connections,
        discovery,
        TEST_INSTALLATION,
        logger,
      );
      const admin = actor('platform-admin');

      await service.discover(admin, { clusterId: cluster.id });
      const [proposed] = (
        await service.listPendingAdoptions(admin, {
          offset: 0,
          limit: 10,
          clusterId: cluster.id,
        })
      ).items;
      expect(proposed).toMatchObject({ resourceName: 'legacy-app-3' });

      expect(
        await refusalOf(
          service.adopt(admin, proposed.id, { serviceId: bed.service.id }),
        ),
      ).toMatchObject({ code: 'NAME_ALREADY_EXISTS' });

      const after = sim.objects.get('vm', namespace, 'legacy-app-3')!;
      expect(after.metadata.uid).toBe(original.metadata.uid);
      expect(after.metadata.labels).toEqual(original.metadata.labels);
      expect(after.spec).toEqual(original.spec);
      expect((await bed.store.pendingAdoptions.get(proposed.id))?.status).toBe(
        'PENDING',
      );
      const audit = await bed.store.audit.list({
        offset: 0,
        limit: 10,
        action: 'adoption.adopted',
      });
      expect(
        audit.items.filter(entry => entry.resourceName === 'legacy-app-3'),
      ).toEqual([]);
    });
  });
});
