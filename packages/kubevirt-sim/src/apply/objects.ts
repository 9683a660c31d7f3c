import { JsonValue } from '../types';

/** Plain-object test: JSON maps, not arrays or null. */
export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepClone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/** Structural equality of JSON values; `undefined` members count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter(k => a[k] !== undefined);
    const keysB = Object.keys(b).filter(k => b[k] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every(k => deepEqual(a[k], b[k]));
  }
  return false;
}

/** A path into a JSON document: map keys only (lists are atomic in this simulator). */
export type FieldPath = readonly string[];

export function getPath(root: unknown, path: FieldPath): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Sets a value, creating (or replacing non-map) intermediate maps on the way. */
export function setPath(
  root: Record<string, any>,
  path: FieldPath,
  value: JsonValue | undefined,
): void {
  let current = root;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(current[key])) current[key] = {};
    current = current[key];
  }
  current[path[path.length - 1]] = deepClone(value);
}

/**
 * Removes a value and prunes maps that became empty because of it, but never the
 * top-level sections (`spec`, `metadata`), which must stay present.
 */
export function unsetPath(root: Record<string, any>, path: FieldPath): void {
  const parents: Record<string, any>[] = [];
  let current: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(current)) return;
    parents.push(current);
    current = current[key];
  }
  if (!isPlainObject(current)) return;
  delete current[path[path.length - 1]];
  for (let depth = path.length - 1; depth >= 2; depth--) {
    const parent = parents[depth - 1];
    const key = path[depth - 1];
    if (isPlainObject(parent[key]) && Object.keys(parent[key]).length === 0) {
      delete parent[key];
    } else {
      break;
    }
  }
}

/** Kubernetes timestamps: RFC 3339 in UTC with second precision. */
export function formatTimestamp(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .slice(0, 19)}Z`;
}
