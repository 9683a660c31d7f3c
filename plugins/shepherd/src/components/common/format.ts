import { NOT_SET } from '../../labels';

/*
 * Formatting of the API's units: CPU in cores, memory in GiB (both in steps of 0.5) and
 * disks in whole GiB.
 */

/** A catalog entry (cluster, template, instance size): its name, and the name people read. */
type NamedEntry = { name: string; displayName?: string };

/** What people call a catalog entry: its display name, or its name when it has none. */
export function displayNameOf(entry: NamedEntry): string {
  return entry.displayName || entry.name;
}

/** A catalog entry's display name with its name, `Ubuntu 24.04 (ubuntu-24-04)`, or the name alone. */
export function titleWithName(entry: NamedEntry): string {
  return entry.displayName && entry.displayName !== entry.name
    ? `${entry.displayName} (${entry.name})`
    : entry.name;
}

/** A count with its noun: `1 request`, `3 requests`. */
export function formatCount(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `1 core`, `2.5 cores`. */
export function formatCpu(cores: number): string {
  return formatCount(cores, 'core', 'cores');
}

/** `4 GiB`, `0.5 GiB`. */
export function formatMemory(gi: number): string {
  return `${gi} GiB`;
}

/** `20 GiB`. */
export function formatDisk(gb: number): string {
  return `${gb} GiB`;
}

/** A limit with its request when the request is lower: `2 cores (request 1)`. */
export function withRequest(
  limit: string,
  request: string,
  overcommitted: boolean,
): string {
  return overcommitted ? `${limit} (request ${request})` : limit;
}

/**
 * The readable part of an entity ref: `user:default/jane` → `jane`,
 * `group:ops/admins` → `ops/admins`; anything else as it is.
 */
export function formatEntityRef(ref: string | undefined): string {
  if (!ref) {
    return NOT_SET;
  }
  const match = /^[^:]+:([^/]+)\/(.+)$/.exec(ref);
  if (!match) {
    return ref;
  }
  const [, namespace, name] = match;
  return namespace === 'default' ? name : `${namespace}/${name}`;
}
