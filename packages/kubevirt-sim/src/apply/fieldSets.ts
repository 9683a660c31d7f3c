import { SERVER_SET_METADATA } from '../constants';
import { JsonObject } from '../types';
import { FieldPath, getPath, isPlainObject } from './objects';

/**
 * Field ownership for managedFields. A field set is a set of leaf paths through maps;
 * lists are atomic (owned and replaced whole), which is how Kubernetes treats lists of
 * custom resources that carry no list-type markers.
 */
export type FieldSet = Set<string>;

export const encodePath = (path: FieldPath): string => JSON.stringify(path);
export const decodePath = (key: string): string[] => JSON.parse(key);

/** Metadata fields that belong to the server, never to a field manager. */
const SYSTEM_METADATA = new Set<string>([
  'name',
  'namespace',
  'generateName',
  ...SERVER_SET_METADATA,
  'selfLink',
]);

function collectLeaves(value: unknown, path: string[], out: FieldSet): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      collectLeaves(child, [...path, key], out);
    }
    return;
  }
  out.add(encodePath(path));
}

/**
 * The fields an object (or an apply configuration) sets, excluding what no manager can
 * own: apiVersion, kind, system metadata and — when it is a separate subresource — status.
 */
export function ownedLeaves(
  object: Record<string, unknown>,
  options: { includeStatus: boolean; onlyStatus?: boolean },
): FieldSet {
  const out: FieldSet = new Set();
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || key === 'apiVersion' || key === 'kind') continue;
    if (options.onlyStatus && key !== 'status') continue;
    if (key === 'status' && !options.includeStatus && !options.onlyStatus) {
      continue;
    }
    if (key === 'metadata' && isPlainObject(value)) {
      for (const [metaKey, metaValue] of Object.entries(value)) {
        if (SYSTEM_METADATA.has(metaKey) || metaValue === undefined) continue;
        collectLeaves(metaValue, ['metadata', metaKey], out);
      }
      continue;
    }
    collectLeaves(value, [key], out);
  }
  return out;
}

export function isPrefix(
  prefix: readonly string[],
  path: readonly string[],
): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/** Two paths overlap when one contains the other: owning one constrains the other. */
export function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return isPrefix(a, b) || isPrefix(b, a);
}

/** The deeper of two overlapping paths: where their values must agree. */
export function deeper(
  a: readonly string[],
  b: readonly string[],
): readonly string[] {
  return a.length >= b.length ? a : b;
}

/** Kubernetes' FieldsV1 encoding: nested maps keyed `f:<name>`, leaves are `{}`. */
export function toFieldsV1(set: FieldSet): JsonObject {
  const root: JsonObject = {};
  for (const key of [...set].sort()) {
    let node = root;
    for (const segment of decodePath(key)) {
      const name = `f:${segment}`;
      if (!isPlainObject(node[name])) node[name] = {};
      node = node[name] as JsonObject;
    }
  }
  return root;
}

export function fromFieldsV1(fields: JsonObject | undefined): FieldSet {
  const out: FieldSet = new Set();
  const walk = (node: JsonObject, path: string[]) => {
    const children = Object.keys(node).filter(k => k.startsWith('f:'));
    if (children.length === 0) {
      if (path.length > 0) out.add(encodePath(path));
      return;
    }
    for (const child of children) {
      walk(node[child] as JsonObject, [...path, child.slice(2)]);
    }
  };
  walk(fields ?? {}, []);
  return out;
}

export function valueAt(object: unknown, key: string): unknown {
  return getPath(object, decodePath(key));
}
