import {
  CDI_GROUP,
  CDI_VERSION,
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  INSTANCETYPE_GROUP,
  INSTANCETYPE_VERSION,
  KUBEVIRT_GROUP,
  KUBEVIRT_VERSION,
  STORAGE_GROUP,
} from '../constants';
import { StoredObject } from '../types';

/** One column of `kubectl get` output, rendered server-side like the apiserver does. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'date' | 'boolean';
  format?: string;
  description: string;
  priority: number;
  cell(object: StoredObject, now: number): string | number | boolean | null;
}

/** Everything the simulator needs to know about one served resource. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  categories: string[];
  /** Has a `/status` subresource: spec writes ignore status and vice versa. */
  hasStatus: boolean;
  /**
   * Custom resources (CRDs) behave slightly differently from built-in types: updates
   * must carry a resourceVersion and PUT never creates.
   */
  custom: boolean;
  columns: TableColumn[];
}

export const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `virtualmachines.kubevirt.io` or `namespaces`: how Status messages name resources. */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** Same as kubectl's `duration.HumanDuration`, so ages look like the real thing. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const d = Math.floor(hours / 24) % 365;
    const y = Math.floor(hours / 24 / 365);
    return d === 0 ? `${y}y` : `${y}y${d}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

const nameColumn: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
  cell: o => o.metadata.name,
};

const ageColumn: TableColumn = {
  name: 'Age',
  type: 'date',
  description: 'CreationTimestamp of the object.',
  priority: 0,
  cell: (o, now) =>
    humanDuration(now - Date.parse(o.metadata.creationTimestamp)),
};

function conditionStatus(o: StoredObject, type: string): string | null {
  const conditions: Array<{ type: string; status: string }> =
    o.status?.conditions ?? [];
  return conditions.find(c => c.type === type)?.status ?? null;
}

export const namespaces: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  listKind: 'NamespaceList',
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  namespaced: false,
  categories: [],
  hasStatus: true,
  custom: false,
  columns: [
    nameColumn,
    {
      name: 'Status',
      type: 'string',
      description: 'The status of the namespace',
      priority: 0,
      cell: o => o.status?.phase ?? null,
    },
    ageColumn,
  ],
};

export const storageClasses: ResourceType = {
  group: STORAGE_GROUP,
  version: 'v1',
  kind: 'StorageClass',
  listKind: 'StorageClassList',
  plural: 'storageclasses',
  singular: 'storageclass',
  shortNames: ['sc'],
  namespaced: false,
  categories: [],
  hasStatus: false,
  custom: false,
  columns: [
    {
      ...nameColumn,
      // The apiserver marks the default class in the name cell.
      cell: o =>
        o.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true'
          ? `${o.metadata.name} (default)`
          : o.metadata.name,
    },
    {
      name: 'Provisioner',
      type: 'string',
      description: 'Indicates the type of the provisioner.',
      priority: 0,
      cell: o => o.provisioner ?? null,
    },
    {
      name: 'ReclaimPolicy',
      type: 'string',
      description: 'Indicates the type of the reclaim policy.',
      priority: 0,
      cell: o => o.reclaimPolicy ?? 'Delete',
    },
    {
      name: 'VolumeBindingMode',
      type: 'string',
      description: 'Indicates when volume binding should occur.',
      priority: 0,
      cell: o => o.volumeBindingMode ?? 'Immediate',
    },
    {
      name: 'AllowVolumeExpansion',
      type: 'string',
      description: 'Indicates whether the storage class allow volume expand.',
      priority: 0,
      cell: o => String(o.allowVolumeExpansion ?? false),
    },
    ageColumn,
  ],
};

export const kubeVirts: ResourceType = {
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'KubeVirt',
  listKind: 'KubeVirtList',
  plural: 'kubevirts',
  singular: 'kubevirt',
  shortNames: ['kv', 'kvs'],
  namespaced: true,
  categories: ['all'],
  hasStatus: true,
  custom: true,
  columns: [
    nameColumn,
    ageColumn,
    {
      name: 'Phase',
      type: 'string',
      description: 'Phase of the KubeVirt deployment',
      priority: 0,
      cell: o => o.status?.phase ?? null,
    },
  ],
};

export const virtualMachines: ResourceType = {
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'VirtualMachine',
  listKind: 'VirtualMachineList',
  plural: 'virtualmachines',
  singular: 'virtualmachine',
  shortNames: ['vm', 'vms'],
  namespaced: true,
  categories: ['all'],
  hasStatus: true,
  custom: true,
  columns: [
    nameColumn,
    ageColumn,
    {
      name: 'Status',
      type: 'string',
      description: 'Human Readable Status',
      priority: 0,
      cell: o => o.status?.printableStatus ?? null,
    },
    {
      name: 'Ready',
      type: 'string',
      description: 'Whether the VirtualMachine is ready',
      priority: 0,
      cell: o => conditionStatus(o, 'Ready'),
    },
  ],
};

export const virtualMachineInstances: ResourceType = {
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'VirtualMachineInstance',
  listKind: 'VirtualMachineInstanceList',
  plural: 'virtualmachineinstances',
  singular: 'virtualmachineinstance',
  shortNames: ['vmi', 'vmis'],
  namespaced: true,
  categories: ['all'],
  hasStatus: true,
  custom: true,
  columns: [
    nameColumn,
    ageColumn,
    {
      name: 'Phase',
      type: 'string',
      description: 'Phase of the VirtualMachineInstance',
      priority: 0,
      cell: o => o.status?.phase ?? null,
    },
    {
      name: 'IP',
      type: 'string',
      description: 'IP address of the first interface',
      priority: 0,
      cell: o => o.status?.interfaces?.[0]?.ipAddress ?? null,
    },
    {
      name: 'NodeName',
      type: 'string',
      description: 'Node the VirtualMachineInstance runs on',
      priority: 0,
      cell: o => o.status?.nodeName ?? null,
    },
    {
      name: 'Ready',
      type: 'string',
      description: 'Whether the VirtualMachineInstance is ready',
      priority: 0,
      cell: o => conditionStatus(o, 'Ready'),
    },
    {
      name: 'Live-Migratable',
      type: 'string',
      description: 'Whether the VirtualMachineInstance can be live-migrated',
      priority: 1,
      cell: o => conditionStatus(o, 'LiveMigratable'),
    },
    {
      name: 'Paused',
      type: 'string',
      description: 'Whether the VirtualMachineInstance is paused',
      priority: 1,
      cell: o => conditionStatus(o, 'Paused'),
    },
  ],
};

export const dataVolumes: ResourceType = {
  group: CDI_GROUP,
  version: CDI_VERSION,
  kind: 'DataVolume',
  listKind: 'DataVolumeList',
  plural: 'datavolumes',
  singular: 'datavolume',
  shortNames: ['dv', 'dvs'],
  namespaced: true,
  categories: ['all'],
  hasStatus: true,
  custom: true,
  columns: [
    nameColumn,
    {
      name: 'Phase',
      type: 'string',
      description: 'The phase the data volume is in',
      priority: 0,
      cell: o => o.status?.phase ?? null,
    },
    {
      name: 'Progress',
      type: 'string',
      description: 'Transfer progress in percentage if known, N/A otherwise',
      priority: 0,
      cell: o => o.status?.progress ?? null,
    },
    {
      name: 'Restarts',
      type: 'integer',
      description: 'The number of times the transfer has been restarted.',
      priority: 0,
      cell: o => o.status?.restartCount ?? 0,
    },
    ageColumn,
  ],
};

export const virtualMachineInstanceMigrations: ResourceType = {
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'VirtualMachineInstanceMigration',
  listKind: 'VirtualMachineInstanceMigrationList',
  plural: 'virtualmachineinstancemigrations',
  singular: 'virtualmachineinstancemigration',
  shortNames: ['vmim', 'vmims'],
  namespaced: true,
  categories: ['all'],
  hasStatus: true,
  custom: true,
  columns: [
    nameColumn,
    {
      name: 'Phase',
      type: 'string',
      description: 'The current phase of VM instance migration',
      priority: 0,
      cell: o => o.status?.phase ?? null,
    },
    {
      name: 'VMI',
      type: 'string',
      description: 'The name of the VMI to perform the migration on',
      priority: 0,
      cell: o => o.spec?.vmiName ?? null,
    },
    ageColumn,
  ],
};

/** The instancetype.kubevirt.io kinds: sizes and preferences, cluster-wide or per namespace. */
function instancetypeKind(
  kind: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
): ResourceType {
  return {
    group: INSTANCETYPE_GROUP,
    version: INSTANCETYPE_VERSION,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: plural.replace(/s$/, ''),
    shortNames,
    namespaced,
    categories: [],
    hasStatus: false,
    custom: true,
    columns: [nameColumn, ageColumn],
  };
}

export const clusterInstancetypes = instancetypeKind(
  'VirtualMachineClusterInstancetype',
  'virtualmachineclusterinstancetypes',
  ['vmclusterinstancetype', 'vmclusterinstancetypes', 'vmcf', 'vmcfs'],
  false,
);
export const instancetypes = instancetypeKind(
  'VirtualMachineInstancetype',
  'virtualmachineinstancetypes',
  ['vminstancetype', 'vminstancetypes', 'vmf', 'vmfs'],
  true,
);
export const clusterPreferences = instancetypeKind(
  'VirtualMachineClusterPreference',
  'virtualmachineclusterpreferences',
  ['vmcp', 'vmcps'],
  false,
);
export const preferences = instancetypeKind(
  'VirtualMachinePreference',
  'virtualmachinepreferences',
  ['vmpref', 'vmprefs', 'vmp', 'vmps'],
  true,
);

/** Every resource the simulator stores, in discovery order. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  namespaces,
  storageClasses,
  kubeVirts,
  virtualMachines,
  virtualMachineInstances,
  virtualMachineInstanceMigrations,
  dataVolumes,
  clusterInstancetypes,
  instancetypes,
  clusterPreferences,
  preferences,
];

/** Looks a stored resource up by group, version and plural as they appear in a URL. */
export function findResourceType(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => t.group === group && t.version === version && t.plural === plural,
  );
}

export function resourceTypeOfKind(
  apiVersion: string,
  kind: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => apiVersionOf(t) === apiVersion && t.kind === kind,
  );
}
