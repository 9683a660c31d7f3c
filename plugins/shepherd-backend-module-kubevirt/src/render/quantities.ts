/*
 * Kubernetes quantities for the domain's numbers: CPU in cores and memory in GiB, both in
 * steps of 0.5 (upstream rule), disk in whole GiB. Half steps are written in the next smaller
 * unit (`500m`, `512Mi`) because Kubernetes canonicalises `0.5` to `500m` anyway, and an
 * applied value that differs from the stored one would show as drift on every apply.
 *
 * The quantities themselves (writing and parsing them) are shepherd-common's, shared with the
 * backend's KubeVirt admission checks; what is here is what only the provider needs: the
 * checks before it writes, disk sizes, the CPU topology and reading quantities back as GiB.
 */

import {
  cpuQuantity,
  memoryQuantity,
  parseKubernetesQuantity,
} from '@kubevirt-shepherd/plugin-shepherd-common';

const HALF_STEP = 0.5;

export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

function assertHalfStep(value: number, what: string): void {
  if (
    !Number.isFinite(value) ||
    value <= 0 ||
    !Number.isInteger(value / HALF_STEP)
  ) {
    throw new QuantityError(
      `${what} must be a positive multiple of ${HALF_STEP}, got ${value}`,
    );
  }
}

/** `2` → `2`, `1.5` → `1500m`, `0.5` → `500m`; anything but a half step is refused. */
export function formatCpu(cores: number): string {
  assertHalfStep(cores, 'CPU');
  return cpuQuantity(cores);
}

/** `4` → `4Gi`, `2.5` → `2560Mi`, `0.5` → `512Mi`; anything but a half step is refused. */
export function formatMemory(gib: number): string {
  assertHalfStep(gib, 'Memory');
  return memoryQuantity(gib);
}

/** `20` → `20Gi`. Disks are sized in whole GiB. */
export function formatDisk(gib: number): string {
  if (!Number.isInteger(gib) || gib <= 0) {
    throw new QuantityError(
      `Disk size must be a positive whole number of GiB, got ${gib}`,
    );
  }
  return `${gib}Gi`;
}

/** The CPU topology KubeVirt needs is whole cores: 1.5 cores of limit become 2 cores. */
export function wholeCores(cores: number): number {
  assertHalfStep(cores, 'CPU');
  return Math.ceil(cores);
}

const BYTES_PER_GIB = 2 ** 30;

/**
 * A memory or storage quantity in GiB (`2560Mi` → 2.5), or undefined when it is not a
 * quantity. Used to compare what a cluster stores with what Shepherd wants, never to write.
 */
export function quantityToGib(
  quantity: string | number | undefined,
): number | undefined {
  const bytes = parseKubernetesQuantity(quantity);
  return bytes === undefined ? undefined : bytes / BYTES_PER_GIB;
}
