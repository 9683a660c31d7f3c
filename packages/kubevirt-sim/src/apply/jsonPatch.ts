import { deepClone, deepEqual, isPlainObject } from './objects';

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

/** Thrown when an operation cannot apply; the message matches the apiserver's wording. */
export class JsonPatchError extends Error {}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw new JsonPatchError(`invalid JSON pointer "${pointer}"`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function resolveParent(
  root: unknown,
  segments: string[],
  pointer: string,
): { parent: Container; key: string } {
  let current: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (Array.isArray(current)) {
      current = current[Number(segment)];
    } else if (isPlainObject(current)) {
      current = current[segment];
    } else {
      current = undefined;
    }
    if (current === undefined) {
      throw new JsonPatchError(`doc is missing path: "${pointer}"`);
    }
  }
  if (!Array.isArray(current) && !isPlainObject(current)) {
    throw new JsonPatchError(`doc is missing path: "${pointer}"`);
  }
  return { parent: current, key: segments[segments.length - 1] };
}

function arrayIndex(
  parent: unknown[],
  key: string,
  forAdd: boolean,
  pointer: string,
): number {
  if (forAdd && key === '-') return parent.length;
  const index = Number(key);
  const max = forAdd ? parent.length : parent.length - 1;
  if (!/^\d+$/.test(key) || index > max) {
    throw new JsonPatchError(
      `Unable to access invalid index: ${key} (path "${pointer}")`,
    );
  }
  return index;
}

function read(root: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return root;
  const { parent, key } = resolveParent(root, segments, pointer);
  const value = Array.isArray(parent)
    ? parent[arrayIndex(parent, key, false, pointer)]
    : parent[key];
  if (value === undefined) {
    throw new JsonPatchError(`doc is missing path: "${pointer}"`);
  }
  return value;
}

function add(root: unknown, pointer: string, value: unknown): unknown {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return deepClone(value);
  const { parent, key } = resolveParent(root, segments, pointer);
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(parent, key, true, pointer), 0, deepClone(value));
  } else {
    parent[key] = deepClone(value);
  }
  return root;
}

function remove(root: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  const { parent, key } = resolveParent(root, segments, pointer);
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(parent, key, false, pointer), 1);
  } else {
    if (!(key in parent)) {
      throw new JsonPatchError(
        `Unable to remove nonexistent key: ${key}: missing value`,
      );
    }
    delete parent[key];
  }
  return root;
}

/** JSON patch (RFC 6902) on a copy of the document. */
export function applyJsonPatch(
  document: unknown,
  operations: unknown,
): unknown {
  if (!Array.isArray(operations)) {
    throw new JsonPatchError('a JSON patch must be a list of operations');
  }
  let doc = deepClone(document);
  for (const operation of operations as JsonPatchOperation[]) {
    switch (operation.op) {
      case 'add':
        doc = add(doc, operation.path, operation.value);
        break;
      case 'remove':
        doc = remove(doc, operation.path);
        break;
      case 'replace':
        read(doc, operation.path);
        doc = add(remove(doc, operation.path), operation.path, operation.value);
        break;
      case 'move': {
        const value = read(doc, operation.from ?? '');
        doc = add(remove(doc, operation.from ?? ''), operation.path, value);
        break;
      }
      case 'copy':
        doc = add(doc, operation.path, read(doc, operation.from ?? ''));
        break;
      case 'test': {
        let actual: unknown;
        try {
          actual = read(doc, operation.path);
        } catch {
          actual = undefined;
        }
        const expected = operation.value === undefined ? null : operation.value;
        if (!deepEqual(actual ?? null, expected)) {
          throw new JsonPatchError(
            `jsonpatch test operation does not apply: testing value ${operation.path} failed`,
          );
        }
        break;
      }
      default:
        throw new JsonPatchError(
          `Unexpected kind: ${(operation as { op: string }).op}`,
        );
    }
  }
  return doc;
}
