/*
 * An instance size's `specOverrides`: dotted KubeVirt paths under `spec.` (for example
 * `spec.template.spec.domain.cpu.model`) applied to the rendered VirtualMachine after
 * everything else. The merge lives here, in one place, so that the KubeVirt provider renders
 * VMs with it and the backend checks what those VMs will be with the same algorithm.
 *
 * Which paths an instance size may override (not the image, the boot disk or cloud-init) is
 * the backend's rule, checked when the size is saved; the merge itself only refuses what is
 * not a dotted path of field names, or what would reach an object's prototype.
 */

/**
 * Every spec override key is a dotted path into the VirtualMachine that starts with this.
 *
 * @public
 */
export const SPEC_OVERRIDE_PREFIX = 'spec.';

const FIELD_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * Whether a segment of a spec override key is a field name: letters, digits, `_` and `-`, not
 * empty (no indexes, no quoting).
 *
 * @public
 */
export function isSpecOverrideFieldName(segment: string): boolean {
  return FIELD_NAME_PATTERN.test(segment);
}

/**
 * Whether a key, set on a plain object, would reach a prototype (`__proto__`, `constructor`,
 * `prototype`). Such keys are refused in spec override paths and values.
 *
 * @public
 */
export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

/**
 * A spec override that cannot be applied: a key that is not a dotted path of field names
 * under {@link SPEC_OVERRIDE_PREFIX}, or a path or value that would reach a prototype.
 *
 * @public
 */
export class SpecOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecOverrideError';
  }
}

type PlainObject = Record<string, unknown>;

/** An object literal or parsed JSON mapping: not an array, not an instance of a class. */
function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function pathOf(key: string): string[] {
  if (!key.startsWith(SPEC_OVERRIDE_PREFIX)) {
    throw new SpecOverrideError(
      `Spec override '${key}' must start with '${SPEC_OVERRIDE_PREFIX}'`,
    );
  }
  const segments = key.split('.');
  for (const segment of segments) {
    if (!isSpecOverrideFieldName(segment) || isPrototypeKey(segment)) {
      throw new SpecOverrideError(
        `Spec override '${key}' is not a dotted path of field names`,
      );
    }
  }
  return segments;
}

/** A deep copy of the object being overridden; keys are defined, never assigned. */
function copyTarget(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyTarget);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, copyTarget(child)]),
  );
}

/** A deep copy of an override's value, so that the result never shares it with the size. */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (!isPlainObject(value)) return value;
  const copy: PlainObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (isPrototypeKey(key)) {
      throw new SpecOverrideError(`Spec override values may not set '${key}'`);
    }
    copy[key] = copyValue(child);
  }
  return copy;
}

/**
 * Sets `value` at the path inside `target`; an object value is merged leaf by leaf into an
 * object already there, so `spec.template.spec.domain.cpu: {model: X}` keeps `cores`.
 * Arrays and scalars replace what was there.
 */
function setLeaves(
  target: PlainObject,
  path: readonly string[],
  value: unknown,
): void {
  const [head, ...rest] = path;
  if (isPrototypeKey(head)) {
    throw new SpecOverrideError(`Spec override values may not set '${head}'`);
  }
  if (rest.length === 0) {
    const existing = target[head];
    if (isPlainObject(existing) && isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        setLeaves(existing, [key], child);
      }
    } else {
      target[head] = copyValue(value);
    }
    return;
  }
  const next = target[head];
  if (isPlainObject(next)) {
    setLeaves(next, rest, value);
    return;
  }
  const created: PlainObject = {};
  target[head] = created;
  setLeaves(created, rest, value);
}

/**
 * Applies an instance size's spec overrides to a VirtualMachine (or any object of plain
 * objects and arrays) and returns the result; neither argument is changed, and the result
 * shares nothing with them.
 *
 * - Keys are applied in sorted order, so that the result does not depend on how the size's
 *   JSON happened to be ordered; a parent path sorts before its children, so a longer key
 *   refines an object set by a shorter one.
 * - A path is created where it is missing. An object value is merged leaf by leaf into an
 *   object already there (`spec.template.spec.domain.cpu: {model: X}` keeps `cores`);
 *   arrays and scalars replace what was there.
 *
 * The result has the type of `object` as far as the overrides keep to its schema; `object`
 * must be a plain object (a `TypeError` otherwise).
 *
 * @throws {@link SpecOverrideError} for a key that does not start with
 *   {@link SPEC_OVERRIDE_PREFIX} or is not a dotted path of field names, and for a path or
 *   value that would set `__proto__`, `constructor` or `prototype`.
 * @public
 */
export function applySpecOverrides<T extends object>(
  object: T,
  overrides: Readonly<Record<string, unknown>>,
): T {
  if (!isPlainObject(object)) {
    throw new TypeError('Spec overrides apply to a plain object');
  }
  const result = copyTarget(object) as PlainObject;
  for (const key of Object.keys(overrides).sort()) {
    setLeaves(result, pathOf(key), overrides[key]);
  }
  return result as T;
}
