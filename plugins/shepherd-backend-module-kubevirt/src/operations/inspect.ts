import { ShepherdClusterInspection } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import {
  ANNOTATIONS,
  KUBEVIRT_API,
  KUBEVIRT_DEPLOYED_PHASE,
} from '../constants';
import { isNotFound } from './reads';

/**
 * The KubeVirt CR as far as the inspection reads it (v1.KubeVirt of KubeVirt's OpenAPI).
 * Written here because @kubevirt-ui-ext/kubevirt-api's generated V1KubeVirtSpec names the
 * `configuration` field `_configuration`, which is not what the API server sends.
 */
interface V1KubeVirt {
  metadata?: { name?: string; namespace?: string };
  spec?: {
    configuration?: { developerConfiguration?: { featureGates?: string[] } };
  };
  status?: { phase?: string; observedKubeVirtVersion?: string };
}

interface StorageClasses {
  names: string[];
  defaultName?: string;
}

async function listStorageClasses(
  client: ClusterClient,
): Promise<StorageClasses> {
  const list = await client.call('List storage classes', ({ storage }) =>
    storage.listStorageClass(),
  );
  const classes = [...list.items].sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
  const isDefault = (annotations: Record<string, string> = {}) =>
    annotations[ANNOTATIONS.defaultStorageClass] === 'true' ||
    annotations[ANNOTATIONS.betaDefaultStorageClass] === 'true';
  return {
    names: classes.map(c => c.metadata?.name ?? '').filter(Boolean),
    defaultName: classes.find(c => isDefault(c.metadata?.annotations))?.metadata
      ?.name,
  };
}

/** The KubeVirt CRs in any namespace, or undefined when the KubeVirt API does not exist. */
async function listKubeVirts(
  client: ClusterClient,
): Promise<V1KubeVirt[] | undefined> {
  try {
    const list = (await client.call(
      'List KubeVirt installations',
      ({ custom }) =>
        custom.listClusterCustomObject({
          group: KUBEVIRT_API.group,
          version: KUBEVIRT_API.version,
          plural: KUBEVIRT_API.kubeVirts,
        }),
    )) as { items?: V1KubeVirt[] };
    return list.items ?? [];
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function unhealthy(
  message: string,
  storage?: StorageClasses,
  kubevirt?: V1KubeVirt,
): ShepherdClusterInspection {
  return {
    status: 'UNHEALTHY',
    message,
    kubevirtVersion: kubevirt?.status?.observedKubeVirtVersion,
    featureGates: featureGatesOf(kubevirt),
    storageClasses: storage?.names ?? [],
    defaultStorageClass: storage?.defaultName,
  };
}

function featureGatesOf(kubevirt?: V1KubeVirt): string[] {
  return [
    ...(kubevirt?.spec?.configuration?.developerConfiguration?.featureGates ??
      []),
  ];
}

/**
 * The cluster's health and capabilities: UNREACHABLE when its API server cannot be used,
 * UNHEALTHY when it answers but KubeVirt is missing or not Deployed, HEALTHY otherwise —
 * with the KubeVirt version, the enabled feature gates and the storage classes (and which
 * one is the default). Failures become the inspection's message; this never throws for a
 * cluster's answers, since a health check that fails says nothing about the cluster.
 */
export async function inspectCluster(
  client: ClusterClient,
): Promise<ShepherdClusterInspection> {
  try {
    await client.call('Read API server version', ({ version }) =>
      version.getCode(),
    );
  } catch (error) {
    return {
      status: 'UNREACHABLE',
      message: (error as Error).message,
      featureGates: [],
      storageClasses: [],
    };
  }

  let storage: StorageClasses | undefined;
  let kubevirts: V1KubeVirt[] | undefined;
  try {
    storage = await listStorageClasses(client);
    kubevirts = await listKubeVirts(client);
  } catch (error) {
    return unhealthy((error as Error).message, storage);
  }

  if (!kubevirts) {
    return unhealthy(
      'KubeVirt is not installed: the cluster has no kubevirt.io/v1 KubeVirt API',
      storage,
    );
  }
  if (kubevirts.length === 0) {
    return unhealthy(
      'KubeVirt is not installed: no KubeVirt resource found',
      storage,
    );
  }
  const deployed = kubevirts.find(
    kv => kv.status?.phase === KUBEVIRT_DEPLOYED_PHASE,
  );
  if (!deployed) {
    const kubevirt = kubevirts[0];
    return unhealthy(
      `KubeVirt ${kubevirt.metadata?.namespace}/${
        kubevirt.metadata?.name
      } is in phase ${
        kubevirt.status?.phase ?? '(none)'
      }, not ${KUBEVIRT_DEPLOYED_PHASE}`,
      storage,
      kubevirt,
    );
  }
  return {
    status: 'HEALTHY',
    kubevirtVersion: deployed.status?.observedKubeVirtVersion,
    featureGates: featureGatesOf(deployed),
    storageClasses: storage.names,
    defaultStorageClass: storage.defaultName,
  };
}
