import { ShepherdInstanceTypeInfo } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { ANNOTATIONS, INSTANCETYPE_API } from '../constants';
import { quantityToGib } from '../render/quantities';
import { listServedObjects } from './reads';

type Kind = ShepherdInstanceTypeInfo['kind'];

interface InstancetypeObject {
  metadata?: {
    name?: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec?: {
    cpu?: { guest?: number };
    memory?: { guest?: string };
  };
}

const SOURCES: ReadonlyArray<{
  kind: Kind;
  plural: string;
  namespaced: boolean;
}> = [
  {
    kind: 'VirtualMachineClusterInstancetype',
    plural: INSTANCETYPE_API.clusterInstancetypes,
    namespaced: false,
  },
  {
    kind: 'VirtualMachineInstancetype',
    plural: INSTANCETYPE_API.instancetypes,
    namespaced: true,
  },
  {
    kind: 'VirtualMachineClusterPreference',
    plural: INSTANCETYPE_API.clusterPreferences,
    namespaced: false,
  },
  {
    kind: 'VirtualMachinePreference',
    plural: INSTANCETYPE_API.preferences,
    namespaced: true,
  },
];

function toInfo(
  kind: Kind,
  object: InstancetypeObject,
): ShepherdInstanceTypeInfo {
  const annotations = object.metadata?.annotations ?? {};
  const displayName =
    annotations[ANNOTATIONS.instancetypeDisplayName] ??
    annotations[ANNOTATIONS.openshiftDisplayName];
  const memoryGi = quantityToGib(object.spec?.memory?.guest);
  return {
    kind,
    name: object.metadata?.name ?? '',
    ...(object.metadata?.namespace
      ? { namespace: object.metadata.namespace }
      : {}),
    ...(object.spec?.cpu?.guest !== undefined
      ? { cpuCores: object.spec.cpu.guest }
      : {}),
    ...(memoryGi !== undefined ? { memoryGi } : {}),
    ...(displayName ? { displayName } : {}),
  };
}

/**
 * KubeVirt instance types and preferences the cluster offers: the cluster-wide ones, and
 * with a namespace also that namespace's own. A cluster without the instancetype API (an
 * older KubeVirt, or the feature turned off) simply offers none.
 */
export async function listInstanceTypes(
  client: ClusterClient,
  namespace?: string,
): Promise<ShepherdInstanceTypeInfo[]> {
  const result: ShepherdInstanceTypeInfo[] = [];
  for (const source of SOURCES) {
    if (source.namespaced && !namespace) continue;
    const items = await listServedObjects<InstancetypeObject>(
      client,
      `List ${source.kind}s`,
      ({ custom }) =>
        source.namespaced
          ? custom.listNamespacedCustomObject({
              group: INSTANCETYPE_API.group,
              version: INSTANCETYPE_API.version,
              namespace: namespace!,
              plural: source.plural,
            })
          : custom.listClusterCustomObject({
              group: INSTANCETYPE_API.group,
              version: INSTANCETYPE_API.version,
              plural: source.plural,
            }),
    );
    result.push(
      ...items
        .map(item => toInfo(source.kind, item))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }
  return result;
}
