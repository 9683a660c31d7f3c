import {
  SPEC_OVERRIDE_PREFIX,
  isPrototypeKey,
  isSpecOverrideFieldName,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * Which KubeVirt fields an instance size may override. Applying the overrides (dotted paths
 * under `spec.`, sorted, merged leaf by leaf) is shepherd-common's `applySpecOverrides`, which
 * the KubeVirt provider renders VMs with; this file holds the backend's rules on top of it.
 */

/**
 * Fields that carry the image, the boot disk or cloud-init. They belong to the template (the
 * template/size boundary): an instance size that set them would replace the OS of every VM
 * of that size.
 */
const TEMPLATE_OWNED_SEGMENTS = new Set([
  'volumes',
  'disks',
  'dataVolumeTemplates',
  'dataVolume',
  'containerDisk',
  'persistentVolumeClaim',
]);
const CLOUD_INIT_PREFIX = 'cloudInit';

/** More overrides than this are a misuse of an escape hatch, not a size. */
export const MAX_SPEC_OVERRIDES = 50;
/** Deeper values than any KubeVirt field; bounds the recursion of the check. */
const MAX_DEPTH = 32;

export interface SpecOverrideViolation {
  key: string;
  message: string;
}

function isTemplateOwned(segment: string): boolean {
  return (
    TEMPLATE_OWNED_SEGMENTS.has(segment) ||
    segment.startsWith(CLOUD_INIT_PREFIX)
  );
}

/** The first template-owned or unsafe field name inside an override's value. */
function forbiddenInValue(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return '(nested too deeply)';
  if (Array.isArray(value)) {
    for (const item of value) {
      const nested = forbiddenInValue(item, depth + 1);
      if (nested) return nested;
    }
    return undefined;
  }
  // Every object, not only plain ones: whatever the merge copies is checked.
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (isTemplateOwned(key) || isPrototypeKey(key)) return key;
    const nested = forbiddenInValue(child, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

function checkKey(key: string, value: unknown): string | undefined {
  if (!key.startsWith(SPEC_OVERRIDE_PREFIX)) {
    return `'${key}' must start with '${SPEC_OVERRIDE_PREFIX}'`;
  }
  const segments = key.split('.');
  if (!segments.every(isSpecOverrideFieldName)) {
    return `'${key}' must be a dotted path of field names, e.g. spec.template.spec.domain.cpu.model`;
  }
  const unsafe = segments.find(isPrototypeKey);
  if (unsafe) {
    return `'${key}' may not contain '${unsafe}'`;
  }
  const owned = segments.find(isTemplateOwned);
  if (owned) {
    return `'${key}' touches '${owned}', which belongs to the template (image, boot disk, cloud-init)`;
  }
  const nested = forbiddenInValue(value, 0);
  if (nested) {
    return `The value of '${key}' sets '${nested}', which an instance size may not set`;
  }
  return undefined;
}

/**
 * Checks the KubeVirt fields an instance size overrides: dotted paths under `spec.` that
 * leave the image, the boot disk and cloud-init to the template. Returns every violation.
 */
export function checkSpecOverrides(
  overrides: Record<string, unknown>,
): SpecOverrideViolation[] {
  const keys = Object.keys(overrides);
  if (keys.length > MAX_SPEC_OVERRIDES) {
    return [
      {
        key: '',
        message: `At most ${MAX_SPEC_OVERRIDES} spec overrides are allowed, got ${keys.length}`,
      },
    ];
  }
  return keys.flatMap(key => {
    const message = checkKey(key, overrides[key]);
    return message ? [{ key, message }] : [];
  });
}

/**
 * The overrides that {@link checkSpecOverrides} accepts, each on its own (the limit on their
 * number aside): what shepherd-common's `applySpecOverrides` can apply without throwing, for
 * checks that look at the VM a size gives while its refused keys are reported on their own.
 */
export function acceptedSpecOverrides(
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(overrides).filter(
      ([key, value]) => checkKey(key, value) === undefined,
    ),
  );
}
