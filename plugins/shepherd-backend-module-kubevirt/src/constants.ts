/**
 * Every name this provider writes to or reads from a cluster, in one place: label and
 * annotation keys, the fixed names of the VM's disks and network, API groups and paths.
 * The platform labels are shared with the catalog module through shepherd-common.
 */
import {
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export { SHEPHERD_MANAGER };

/** The provider's `type` under which it registers with the Shepherd backend. */
export const KUBEVIRT_PROVIDER_TYPE = 'kubevirt';

/** The server-side apply field manager: the value of the managed-by label. */
export const FIELD_MANAGER = SHEPHERD_MANAGER;

/** Labels Shepherd puts on the objects it creates (ADR-0015 platform labels). */
export const LABELS = {
  ...SHEPHERD_PLATFORM_LABELS,
  /** KubeVirt's own label that names the VMI's domain (used by Services and affinity rules). */
  kubevirtDomain: 'kubevirt.io/domain',
} as const;

const ANNOTATION_PREFIX = 'kubevirt-shepherd.io';

export const ANNOTATIONS = {
  fqdn: `${ANNOTATION_PREFIX}/fqdn`,
  defaultStorageClass: 'storageclass.kubernetes.io/is-default-class',
  /** The pre-GA annotation some older clusters still use for the default class. */
  betaDefaultStorageClass: 'storageclass.beta.kubernetes.io/is-default-class',
  instancetypeDisplayName: 'instancetype.kubevirt.io/displayName',
  openshiftDisplayName: 'openshift.io/display-name',
} as const;

/** The label selector that finds every VM Shepherd manages. */
export const MANAGED_SELECTOR = `${LABELS.managedBy}=${SHEPHERD_MANAGER}`;

/** Fixed names inside a rendered VM (the upstream naming profile). */
export const VM_NAMES = {
  rootDisk: 'rootfs',
  cloudInitDisk: 'cloudinitdisk',
  network: 'default',
  diskBus: 'virtio',
} as const;

/** The root DataVolume of a VM is `<vm>-rootfs`. */
export function rootDataVolumeName(vmName: string): string {
  return `${vmName}-${VM_NAMES.rootDisk}`;
}

/** Where a VM answers inside the cluster (the `fqdn` annotation). */
export function vmFqdn(vmName: string, namespace: string): string {
  return `${vmName}.${namespace}.svc.cluster.local`;
}

export const KUBEVIRT_API = {
  group: 'kubevirt.io',
  version: 'v1',
  apiVersion: 'kubevirt.io/v1',
  virtualMachines: 'virtualmachines',
  virtualMachineInstances: 'virtualmachineinstances',
  migrations: 'virtualmachineinstancemigrations',
  kubeVirts: 'kubevirts',
} as const;

export const CDI_API = {
  group: 'cdi.kubevirt.io',
  version: 'v1beta1',
  dataVolumes: 'datavolumes',
} as const;

export const SUBRESOURCES_API = {
  group: 'subresources.kubevirt.io',
  version: 'v1',
} as const;

export const INSTANCETYPE_API = {
  group: 'instancetype.kubevirt.io',
  version: 'v1beta1',
  clusterInstancetypes: 'virtualmachineclusterinstancetypes',
  instancetypes: 'virtualmachineinstancetypes',
  clusterPreferences: 'virtualmachineclusterpreferences',
  preferences: 'virtualmachinepreferences',
} as const;

/** The KubeVirt CR phase of a healthy installation. */
export const KUBEVIRT_DEPLOYED_PHASE = 'Deployed';

/** The subprotocol KubeVirt's VNC websocket speaks: raw RFB bytes in binary frames. */
export const VNC_SUBPROTOCOL = 'plain.kubevirt.io';

/**
 * The largest websocket frame read from KubeVirt's VNC subresource. virt-handler copies the
 * VNC server's socket into frames of at most 32 KiB; 1 MiB leaves room for proxies that
 * merge reads, and keeps one frame within what the console relay queues for a browser
 * before it pushes back. A larger frame closes the console with 1009 (message too big).
 */
export const VNC_MAX_FRAME_BYTES = 1024 * 1024;

export const CONTENT_TYPES = {
  json: 'application/json',
  apply: 'application/apply-patch+yaml',
  mergePatch: 'application/merge-patch+json',
} as const;
