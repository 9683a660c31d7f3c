import { deepClone, isPlainObject } from './objects';

/**
 * JSON merge patch (RFC 7386). Also used for strategic merge patches: the simulator's
 * resources are custom resources, for which Kubernetes itself refuses strategic merge,
 * and for the built-in ones (namespaces, storage classes) the difference does not show.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  const result: Record<string, unknown> = isPlainObject(target)
    ? deepClone(target)
    : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder/')) continue;
    if (value === null) {
      delete result[key];
    } else {
      result[key] = applyMergePatch(result[key], value);
    }
  }
  return result;
}
