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

/** A column of text at the default priority, the kind most resources print. */
function textColumn(
  name: string,
  description: string,
  cell: TableColumn['cell'],
  priority = 0,
): TableColumn {
  return { name, type: 'string', description, priority, cell };
}

/** The column of a resource's `status.phase`. */
function phaseColumn(description: string): TableColumn {
  return textColumn('Phase', description, o => o.status?.phase ?? null);
}

/** A served resource, its list kind and singular name following Kubernetes' conventions. */
function resourceType(
  type: Omit<ResourceType, 'listKind' | 'singular'>,
): ResourceType {
  return {
    ...type,
    listKind: `${type.kind}List`,
    singular: type.kind.toLowerCase(),
  };
}

/** A workload resource of KubeVirt or CDI: a namespaced custom resource with a status, in `all`. */
function workloadResource(
  type: Pick<
    ResourceType,
    'group' | 'version' | 'kind' | 'plural' | 'shortNames' | 'columns'
  >,
): ResourceType {
  return resourceType({
    ...type,
    namespaced: true,
    categories: ['all'],
    hasStatus: true,
    custom: true,
  });
}

export const namespaces = resourceType({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  shortNames: ['ns'],
  namespaced: false,
  categories: [],
  hasStatus: true,
  custom: false,
  columns: [
    nameColumn,
    textColumn(
      'Status',
      'The status of the namespace',
      o => o.status?.phase ?? null,
    ),
    ageColumn,
  ],
});

export const storageClasses = resourceType({
  group: STORAGE_GROUP,
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
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
    textColumn(
      'Provisioner',
      'Indicates the type of the provisioner.',
      o => o.provisioner ?? null,
    ),
    textColumn(
      'ReclaimPolicy',
      'Indicates the type of the reclaim policy.',
      o => o.reclaimPolicy ?? 'Delete',
    ),
    textColumn(
      'VolumeBindingMode',
      'Indicates when volume binding should occur.',
      o => o.volumeBindingMode ?? 'Immediate',
    ),
    textColumn(
      'AllowVolumeExpansion',
      'Indicates whether the storage class allow volume expand.',
      o => String(o.allowVolumeExpansion ?? false),
    ),
    ageColumn,
  ],
});

export const kubeVirts = workloadResource({
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'KubeVirt',
  plural: 'kubevirts',
  shortNames: ['kv', 'kvs'],
  columns: [
    nameColumn,
    ageColumn,
    phaseColumn('Phase of the KubeVirt deployment'),
  ],
});

export const virtualMachines = workloadResource({
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'VirtualMachine',
  plural: 'virtualmachines',
  shortNames: ['vm', 'vms'],
  columns: [
    nameColumn,
    ageColumn,
    textColumn(
      'Status',
      'Human Readable Status',
      o => o.status?.printableStatus ?? null,
    ),
    textColumn('Ready', 'Whether the VirtualMachine is ready', o =>
      conditionStatus(o, 'Ready'),
    ),
  ],
});

export const virtualMachineInstances = workloadResource({
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'VirtualMachineInstance',
  plural: 'virtualmachineinstances',
  shortNames: ['vmi', 'vmis'],
  columns: [
    nameColumn,
    ageColumn,
    phaseColumn('Phase of the VirtualMachineInstance'),
    textColumn(
      'IP',
      'IP address of the first interface',
      o => o.status?.interfaces?.[0]?.ipAddress ?? null,
    ),
    textColumn(
      'NodeName',
      'Node the VirtualMachineInstance runs on',
      o => o.status?.nodeName ?? null,
    ),
    textColumn('Ready', 'Whether the VirtualMachineInstance is ready', o =>
      conditionStatus(o, 'Ready'),
    ),
    textColumn(
      'Live-Migratable',
      'Whether the VirtualMachineInstance can be live-migrated',
      o => conditionStatus(o, 'LiveMigratable'),
      1,
    ),
    textColumn(
      'Paused',
      'Whether the VirtualMachineInstance is paused',
      o => conditionStatus(o, 'Paused'),
      1,
    ),
  ],
});

export const dataVolumes = workloadResource({
  group: CDI_GROUP,
  version: CDI_VERSION,
  kind: 'DataVolume',
  plural: 'datavolumes',
  shortNames: ['dv', 'dvs'],
  columns: [
    nameColumn,
    phaseColumn('The phase the data volume is in'),
    textColumn(
      'Progress',
      'Transfer progress in percentage if known, N/A otherwise',
      o => o.status?.progress ?? null,
    ),
    {
      name: 'Restarts',
      type: 'integer',
      description: 'The number of times the transfer has been restarted.',
      priority: 0,
      cell: o => o.status?.restartCount ?? 0,
    },
    ageColumn,
  ],
});

export const virtualMachineInstanceMigrations = workloadResource({
  group: KUBEVIRT_GROUP,
  version: KUBEVIRT_VERSION,
  kind: 'VirtualMachineInstanceMigration',
  plural: 'virtualmachineinstancemigrations',
  shortNames: ['vmim', 'vmims'],
  columns: [
    nameColumn,
    phaseColumn('The current phase of VM instance migration'),
    textColumn(
      'VMI',
      'The name of the VMI to perform the migration on',
      o => o.spec?.vmiName ?? null,
    ),
    ageColumn,
  ],
});

/** The instancetype.kubevirt.io kinds: sizes and preferences, cluster-wide or per namespace. */
function instancetypeKind(
  kind: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
): ResourceType {
  return resourceType({
    group: INSTANCETYPE_GROUP,
    version: INSTANCETYPE_VERSION,
    kind,
    plural,
    shortNames,
    namespaced,
    categories: [],
    hasStatus: false,
    custom: true,
    columns: [nameColumn, ageColumn],
  });
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
