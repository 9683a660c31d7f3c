import { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';

/*
 * VMs made on a simulated cluster behind Shepherd's back, as an operator with kubectl would:
 * through the cluster's API with the simulator's own kubeconfig, never through Shepherd.
 */

type ClientNode = typeof import('@kubernetes/client-node');

// Jest runs CommonJS; client-node is an ES module that Jest's transform makes loadable.
const clientNode = (): ClientNode =>
  jest.requireActual('@kubernetes/client-node');

const KUBEVIRT = {
  group: 'kubevirt.io',
  version: 'v1',
  plural: 'virtualmachines',
};

function customObjects(sim: KubevirtSimulator) {
  const { KubeConfig, CustomObjectsApi, CoreV1Api } = clientNode();
  const config = new KubeConfig();
  config.loadFromString(sim.kubeconfig);
  return {
    custom: config.makeApiClient(CustomObjectsApi),
    core: config.makeApiClient(CoreV1Api),
  };
}

/** A VirtualMachine as a team might have written it by hand: its own labels, a container disk. */
export function foreignVm(namespace: string, name: string) {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name,
      namespace,
      labels: { app: name, team: 'legacy' },
      annotations: { 'example.com/owner': 'ops' },
    },
    spec: {
      runStrategy: 'Always',
      template: {
        metadata: { labels: { 'kubevirt.io/domain': name } },
        spec: {
          domain: {
            cpu: { cores: 2 },
            memory: { guest: '4Gi' },
            resources: { requests: { memory: '4Gi' } },
            devices: {
              disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }],
            },
          },
          volumes: [
            {
              name: 'rootdisk',
              containerDisk: { image: 'quay.io/containerdisks/debian:12' },
            },
          ],
        },
      },
    },
  };
}

/** Creates the namespace if needed, then the VM; answers the VM as the cluster stored it. */
export async function createForeignVm(
  sim: KubevirtSimulator,
  namespace: string,
  name: string,
) {
  const { custom, core } = customObjects(sim);
  try {
    await core.createNamespace({ body: { metadata: { name: namespace } } });
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
  }
  return custom.createNamespacedCustomObject({
    ...KUBEVIRT,
    namespace,
    body: foreignVm(namespace, name),
  });
}

/** Deletes a VM as an operator would, without Shepherd. */
export async function deleteForeignVm(
  sim: KubevirtSimulator,
  namespace: string,
  name: string,
) {
  const { custom } = customObjects(sim);
  await custom.deleteNamespacedCustomObject({ ...KUBEVIRT, namespace, name });
}
