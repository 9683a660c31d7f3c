import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterApis, ClusterClient } from '../client/ClusterClient';
import { listInstanceTypes } from './instanceTypes';

type ListArgs = { plural: string; namespace?: string };

/** A client whose custom-object lists answer from `byPlural`; a missing plural is a 404. */
function clientAnswering(
  byPlural: Record<string, unknown[]>,
): ClusterClient & { asked: string[] } {
  const asked: string[] = [];
  const list = async ({ plural, namespace }: ListArgs) => {
    asked.push(namespace ? `${namespace}/${plural}` : plural);
    const items = byPlural[plural];
    if (!items) {
      throw new ShepherdProviderError(
        'permanent',
        `List ${plural} failed: HTTP 404 NotFound`,
        { statusCode: 404 },
      );
    }
    return { items };
  };
  const apis = {
    custom: {
      listClusterCustomObject: list,
      listNamespacedCustomObject: list,
    },
  } as unknown as ClusterApis;
  return {
    asked,
    call: (_action: string, fn: (a: ClusterApis) => Promise<unknown>) =>
      fn(apis),
  } as unknown as ClusterClient & { asked: string[] };
}

describe('listInstanceTypes', () => {
  it('offers none where the cluster has no instancetype API (404)', async () => {
    const client = clientAnswering({});
    expect(await listInstanceTypes(client, 'dev')).toEqual([]);
    expect(client.asked).toEqual([
      'virtualmachineclusterinstancetypes',
      'dev/virtualmachineinstancetypes',
      'virtualmachineclusterpreferences',
      'dev/virtualmachinepreferences',
    ]);
  });

  it('asks for namespaced kinds only with a namespace, and sorts by name within a kind', async () => {
    const client = clientAnswering({
      virtualmachineclusterinstancetypes: [
        { metadata: { name: 'u1.small' }, spec: { cpu: { guest: 1 } } },
        {
          metadata: {
            name: 'cx1.large',
            annotations: { 'instancetype.kubevirt.io/displayName': 'Compute' },
          },
          spec: { cpu: { guest: 4 }, memory: { guest: '2560Mi' } },
        },
      ],
      virtualmachineclusterpreferences: [{ metadata: { name: 'fedora' } }],
    });
    expect(await listInstanceTypes(client)).toEqual([
      {
        kind: 'VirtualMachineClusterInstancetype',
        name: 'cx1.large',
        cpuCores: 4,
        memoryGi: 2.5,
        displayName: 'Compute',
      },
      {
        kind: 'VirtualMachineClusterInstancetype',
        name: 'u1.small',
        cpuCores: 1,
      },
      { kind: 'VirtualMachineClusterPreference', name: 'fedora' },
    ]);
    expect(client.asked).toEqual([
      'virtualmachineclusterinstancetypes',
      'virtualmachineclusterpreferences',
    ]);
  });

  it('passes on failures other than a missing API', async () => {
    const failing = {
      call: async () => {
        throw new ShepherdProviderError('transient', 'HTTP 503');
      },
    } as unknown as ClusterClient;
    await expect(listInstanceTypes(failing)).rejects.toMatchObject({
      kind: 'transient',
    });
  });
});
