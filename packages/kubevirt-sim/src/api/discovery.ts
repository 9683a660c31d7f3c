import { createHash } from 'node:crypto';
import { SUBRESOURCES_GROUP, SUBRESOURCES_VERSION } from '../constants';
import { ALL_VERBS, RESOURCE_TYPES, ResourceType } from './resources';

/** The Kubernetes version the simulated apiserver reports on `/version`. */
export interface KubernetesVersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

export function kubernetesVersion(gitVersion: string): KubernetesVersionInfo {
  const match = /^v?(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: match?.[1] ?? '1',
    minor: match?.[2] ?? '32',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

/** kubectl uses the hash only to notice changes; any stable value will do. */
function storageVersionHash(type: ResourceType): string {
  return createHash('sha256')
    .update(`${type.group}/${type.version}/${type.kind}`)
    .digest('base64')
    .slice(0, 11);
}

function resourceEntries(type: ResourceType): ApiResource[] {
  const entries: ApiResource[] = [
    {
      name: type.plural,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: ALL_VERBS,
      ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
      ...(type.categories.length > 0 ? { categories: type.categories } : {}),
      storageVersionHash: storageVersionHash(type),
    },
  ];
  if (type.hasStatus) {
    entries.push({
      name: `${type.plural}/status`,
      singularName: '',
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (type.plural === 'namespaces' && !type.group) {
    entries.push({
      name: 'namespaces/finalize',
      singularName: '',
      namespaced: false,
      kind: 'Namespace',
      verbs: ['update'],
    });
  }
  return entries;
}

/** virt-api's aggregated group: actions on VMs and VMIs, no stored objects. */
const SUBRESOURCE_ENTRIES: ApiResource[] = [
  ...['start', 'stop', 'restart', 'migrate'].map(action => ({
    name: `virtualmachines/${action}`,
    singularName: '',
    namespaced: true,
    kind: '',
    verbs: ['update'],
  })),
  ...['vnc', 'console'].map(action => ({
    name: `virtualmachineinstances/${action}`,
    singularName: '',
    namespaced: true,
    kind: '',
    verbs: ['get'],
  })),
];

interface GroupVersion {
  groupVersion: string;
  version: string;
}

/** Served groups: every stored resource's group plus virt-api's subresource group. */
function groups(): Array<{ name: string; versions: GroupVersion[] }> {
  const result = new Map<string, GroupVersion[]>();
  for (const type of RESOURCE_TYPES) {
    if (!type.group) continue;
    const versions = result.get(type.group) ?? [];
    if (!versions.some(v => v.version === type.version)) {
      versions.push({
        groupVersion: `${type.group}/${type.version}`,
        version: type.version,
      });
    }
    result.set(type.group, versions);
  }
  result.set(SUBRESOURCES_GROUP, [
    {
      groupVersion: `${SUBRESOURCES_GROUP}/${SUBRESOURCES_VERSION}`,
      version: SUBRESOURCES_VERSION,
    },
  ]);
  return [...result].map(([name, versions]) => ({ name, versions }));
}

export function coreApiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: { name: string; versions: GroupVersion[] }) {
  return {
    name: group.name,
    versions: group.versions,
    preferredVersion: group.versions[0],
  };
}

export function apiGroupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups().map(apiGroup),
  };
}

export function apiGroupDocument(name: string) {
  const group = groups().find(g => g.name === name);
  return group
    ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) }
    : undefined;
}

/** The legacy discovery document of one group version (`/api/v1`, `/apis/<g>/<v>`). */
export function apiResourceList(group: string, version: string) {
  const groupVersion = group ? `${group}/${version}` : version;
  let resources: ApiResource[];
  if (group === SUBRESOURCES_GROUP && version === SUBRESOURCES_VERSION) {
    resources = SUBRESOURCE_ENTRIES;
  } else {
    const types = RESOURCE_TYPES.filter(
      t => t.group === group && t.version === version,
    );
    if (types.length === 0) return undefined;
    resources = types.flatMap(resourceEntries);
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}
