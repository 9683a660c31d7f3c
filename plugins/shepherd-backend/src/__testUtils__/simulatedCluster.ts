import { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import shepherdModuleKubevirt from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import {
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi, startShepherdApi } from './apiHarness';
import { MEDIUM_SIZE } from './fixtures';
import { ShepherdTestDatabases } from './testDatabases';

/**
 * Shepherd's configuration beside a simulated cluster: approvers, a credentials key, and a
 * job worker that follows the cluster every 20 ms.
 */
export const SIMULATED_CLUSTER_CONFIG = {
  shepherd: {
    approvers: ['group:default/approvers'],
    credentials: {
      encryptionKeys: [
        { id: 'k1', secret: Buffer.alloc(32, 3).toString('base64') },
      ],
    },
    jobs: {
      concurrency: 2,
      pollIntervalSeconds: 1,
      followIntervalSeconds: 0.02,
    },
  },
};

/** What a VM request against a simulated cluster needs. */
export type SimulatedClusterWorld = {
  service: ShepherdService;
  template: ShepherdTemplate;
  size: ShepherdInstanceSize;
  clusterId: string;
};

/**
 * Seeds System `shop` (owned by team-payments) with Service `cart`, test namespace `dev`,
 * template `fedora` and size `medium`, and registers the simulator as test cluster `sim-test`
 * through the admin API, as a platform admin would.
 */
export async function seedSimulatedCluster(
  api: ShepherdApi,
  sim: KubevirtSimulator,
): Promise<SimulatedClusterWorld> {
  const service = await api.fixtures.teamService();
  await api.fixtures.namespace({ name: 'dev', environment: 'test' });
  const template = await api.fixtures.template({ name: 'fedora' });
  const size = await api.fixtures.instanceSize(MEDIUM_SIZE);
  const registered = await api
    .as('platform-admin')
    .post('/v1/admin/clusters')
    .send({
      name: 'sim-test',
      displayName: 'Simulated test cluster',
      environment: 'test',
      kubeconfig: sim.kubeconfig,
    });
  if (registered.status !== 201) {
    throw new Error(`Registering the cluster: ${registered.text}`);
  }
  return { service, template, size, clusterId: registered.body.item.id };
}

/**
 * A simulated cluster (`sim-test`, instant timings unless told otherwise, no VNC) and the
 * Shepherd backend with the real KubeVirt provider and a job worker, its periodic tasks left
 * to the test, seeded by {@link seedSimulatedCluster}.
 */
export async function startSimulatedShepherd(options: {
  databases: ShepherdTestDatabases;
  databaseId: TestDatabaseId;
  simulator?: Parameters<typeof startSimulator>[0];
}): Promise<
  { sim: KubevirtSimulator; api: ShepherdApi } & SimulatedClusterWorld
> {
  const sim = await startSimulator({
    timing: 'instant',
    vnc: false,
    name: 'sim-test',
    ...options.simulator,
  });
  const api = await startShepherdApi({
    databases: options.databases,
    databaseId: options.databaseId,
    config: SIMULATED_CLUSTER_CONFIG,
    features: [shepherdModuleKubevirt],
    periodicTasksOnStartup: false,
  });
  return { sim, api, ...(await seedSimulatedCluster(api, sim)) };
}
