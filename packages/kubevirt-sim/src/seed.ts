import { ResourceApi } from './api/resourceApi';
import {
  clusterInstancetypes,
  clusterPreferences,
  kubeVirts,
  namespaces,
  storageClasses,
} from './api/resources';
import { formatTimestamp } from './apply/objects';
import {
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  KUBEVIRT_CR_NAME,
  KUBEVIRT_NAMESPACE,
} from './constants';
import { ObjectStore } from './store/objectStore';

export interface StorageClassOption {
  name: string;
  /** CSI driver; `kubevirt.io.hostpath-provisioner` when absent. */
  provisioner?: string;
  /** Carries the default-class annotation. */
  default?: boolean;
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion?: boolean;
}

export const DEFAULT_STORAGE_CLASSES: StorageClassOption[] = [
  {
    name: 'standard',
    provisioner: 'kubevirt.io.hostpath-provisioner',
    default: true,
    volumeBindingMode: 'WaitForFirstConsumer',
  },
  {
    name: 'ceph-block',
    provisioner: 'rbd.csi.ceph.com',
    allowVolumeExpansion: true,
  },
];

export const DEFAULT_FEATURE_GATES = [
  'HotplugVolumes',
  'Snapshot',
  'ExpandDisks',
  'VMLiveUpdateFeatures',
];

/** Namespaces of a fresh cluster with KubeVirt and CDI installed. */
const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  KUBEVIRT_NAMESPACE,
  'cdi',
];

/** One of the common instance types virt-operator deploys (the `u1` general-purpose series). */
interface CommonInstancetype {
  size: string;
  cpu: number;
  memory: string;
}

const COMMON_INSTANCETYPES: CommonInstancetype[] = [
  { size: 'small', cpu: 1, memory: '2Gi' },
  { size: 'medium', cpu: 1, memory: '4Gi' },
  { size: 'large', cpu: 2, memory: '8Gi' },
  { size: 'xlarge', cpu: 4, memory: '16Gi' },
];

const COMMON_PREFERENCES: Array<{ name: string; displayName: string }> = [
  { name: 'fedora', displayName: 'Fedora (amd64)' },
  { name: 'rhel.9', displayName: 'Red Hat Enterprise Linux 9 (amd64)' },
  { name: 'ubuntu', displayName: 'Ubuntu' },
];

export interface SeedOptions {
  kubevirtVersion: string;
  featureGates: string[];
  storageClasses: StorageClassOption[];
  extraNamespaces: string[];
  /** Deploy the common cluster instance types and preferences, as virt-operator does. */
  commonInstancetypes: boolean;
  now: number;
}

const OPERATOR = { dryRun: false, fieldManager: 'virt-operator' };

function seedCommonInstancetypes(api: ResourceApi, store: ObjectStore): void {
  const labels = {
    'app.kubernetes.io/managed-by': 'virt-operator',
    'instancetype.kubevirt.io/vendor': 'kubevirt.io',
  };
  for (const type of COMMON_INSTANCETYPES) {
    if (store.has(clusterInstancetypes, undefined, `u1.${type.size}`)) continue;
    api.create(
      clusterInstancetypes,
      undefined,
      {
        metadata: {
          name: `u1.${type.size}`,
          labels: {
            ...labels,
            'instancetype.kubevirt.io/class': 'general.purpose',
            'instancetype.kubevirt.io/cpu': String(type.cpu),
            'instancetype.kubevirt.io/memory': type.memory,
            'instancetype.kubevirt.io/size': type.size,
          },
          annotations: {
            'instancetype.kubevirt.io/displayName': 'General Purpose',
            'instancetype.kubevirt.io/description':
              'The U Series is quite neutral and provides resources for general purpose applications.',
          },
        },
        spec: { cpu: { guest: type.cpu }, memory: { guest: type.memory } },
      },
      OPERATOR,
    );
  }
  for (const preference of COMMON_PREFERENCES) {
    if (store.has(clusterPreferences, undefined, preference.name)) continue;
    api.create(
      clusterPreferences,
      undefined,
      {
        metadata: {
          name: preference.name,
          labels: { ...labels, 'instancetype.kubevirt.io/os-type': 'linux' },
          annotations: {
            'instancetype.kubevirt.io/displayName': preference.displayName,
          },
        },
        spec: {
          devices: {
            preferredDiskBus: 'virtio',
            preferredInterfaceModel: 'virtio',
          },
        },
      },
      OPERATOR,
    );
  }
}

const SYSTEM = { dryRun: false, fieldManager: 'kube-apiserver' };

/**
 * What a cluster with KubeVirt installed has before anyone uses it. Objects that exist
 * already (a cluster restored from its state directory) are left as they are, so a
 * restart adds only what the options newly ask for.
 */
export function seedCluster(
  api: ResourceApi,
  store: ObjectStore,
  options: SeedOptions,
): void {
  for (const name of [
    ...new Set([...SYSTEM_NAMESPACES, ...options.extraNamespaces]),
  ]) {
    if (store.has(namespaces, undefined, name)) continue;
    api.create(namespaces, undefined, { metadata: { name } }, SYSTEM);
  }
  for (const sc of options.storageClasses) {
    if (store.has(storageClasses, undefined, sc.name)) continue;
    api.create(
      storageClasses,
      undefined,
      {
        metadata: {
          name: sc.name,
          ...(sc.default
            ? { annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' } }
            : {}),
        },
        provisioner: sc.provisioner ?? 'kubevirt.io.hostpath-provisioner',
        reclaimPolicy: 'Delete',
        volumeBindingMode: sc.volumeBindingMode ?? 'Immediate',
        allowVolumeExpansion: sc.allowVolumeExpansion ?? false,
      },
      SYSTEM,
    );
  }

  if (options.commonInstancetypes) seedCommonInstancetypes(api, store);

  if (store.has(kubeVirts, KUBEVIRT_NAMESPACE, KUBEVIRT_CR_NAME)) return;
  const version = options.kubevirtVersion;
  const kubevirt = api.create(
    kubeVirts,
    KUBEVIRT_NAMESPACE,
    {
      metadata: {
        name: KUBEVIRT_CR_NAME,
        namespace: KUBEVIRT_NAMESPACE,
        finalizers: ['foregroundDeleteKubeVirt'],
        annotations: {
          'kubevirt.io/latest-observed-api-version': 'v1',
          'kubevirt.io/storage-observed-api-version': 'v1',
        },
      },
      spec: {
        certificateRotateStrategy: {},
        configuration: {
          developerConfiguration: { featureGates: [...options.featureGates] },
        },
        customizeComponents: {},
        imagePullPolicy: 'IfNotPresent',
        workloadUpdateStrategy: {},
      },
    },
    { dryRun: false, fieldManager: 'kubectl-create' },
  );
  const at = formatTimestamp(options.now);
  const condition = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ) => ({
    type,
    status,
    reason,
    message,
    lastProbeTime: at,
    lastTransitionTime: at,
  });
  store.update(kubeVirts, {
    ...kubevirt,
    status: {
      phase: 'Deployed',
      observedGeneration: kubevirt.metadata.generation,
      observedKubeVirtVersion: version,
      targetKubeVirtVersion: version,
      operatorVersion: version,
      observedKubeVirtRegistry: 'quay.io/kubevirt',
      targetKubeVirtRegistry: 'quay.io/kubevirt',
      observedDeploymentID: 'kubevirt-sim',
      targetDeploymentID: 'kubevirt-sim',
      defaultArchitecture: 'amd64',
      outdatedVirtualMachineInstanceWorkloads: 0,
      conditions: [
        condition(
          'Available',
          'True',
          'AllComponentsReady',
          'All components are ready.',
        ),
        condition(
          'Progressing',
          'False',
          'AllComponentsReady',
          'All components are ready.',
        ),
        condition(
          'Degraded',
          'False',
          'AllComponentsReady',
          'All components are ready.',
        ),
        condition(
          'Created',
          'True',
          'AllResourcesCreated',
          'All resources were created.',
        ),
      ],
    },
  });
}
