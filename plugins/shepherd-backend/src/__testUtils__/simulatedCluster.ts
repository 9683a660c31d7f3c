import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi } from './apiHarness';
import { MEDIUM_SIZE } from './fixtures';

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
