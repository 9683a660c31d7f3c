import {
  SHEPHERD_ERROR_CODES,
  SHEPHERD_WARNING_CODES,
  ShepherdErrorCode,
  ShepherdWarning,
} from './errors';
import { ShepherdApiSchema } from '../schema';
import { Environment } from './enums';

/** CPU (cores) and memory (GiB) come in steps of 0.5: 500m and 512Mi. @public */
export const RESOURCE_STEP = 0.5;

/** @public */
export function isResourceStep(value: number): boolean {
  return value >= RESOURCE_STEP && Number.isInteger(value / RESOURCE_STEP);
}

/** The compute shape of a VM: limits and requests of CPU and memory, and the root disk. @public */
export type ComputeShape = Pick<
  ShepherdApiSchema<'InstanceSize'>,
  | 'cpuCores'
  | 'cpuRequest'
  | 'memoryGi'
  | 'memoryRequestGi'
  | 'diskGb'
  | 'dedicatedCpu'
>;

/** @public */
export interface ShapeFinding {
  code: ShepherdErrorCode;
  message: string;
  field: string;
}

/**
 * Checks a compute shape: 0.5 steps, requests within limits, a positive whole disk size, and
 * no overcommit together with dedicated CPUs. Returns the errors (empty when valid) and the
 * warnings for the given environment (overcommit in prod).
 *
 * @public
 */
export function checkComputeShape(
  shape: ComputeShape,
  environment?: Environment,
): { errors: ShapeFinding[]; warnings: ShepherdWarning[] } {
  const errors: ShapeFinding[] = [];
  for (const field of [
    'cpuCores',
    'cpuRequest',
    'memoryGi',
    'memoryRequestGi',
  ] as const) {
    if (!isResourceStep(shape[field])) {
      errors.push({
        code: SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
        field,
        message: `${field} must be a positive multiple of ${RESOURCE_STEP}, got ${shape[field]}`,
      });
    }
  }
  if (!Number.isInteger(shape.diskGb) || shape.diskGb < 1) {
    errors.push({
      code: SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
      field: 'diskGb',
      message: `diskGb must be a whole number of GiB of at least 1, got ${shape.diskGb}`,
    });
  }
  if (shape.cpuRequest > shape.cpuCores) {
    errors.push({
      code: SHEPHERD_ERROR_CODES.RESOURCE_REQUEST_EXCEEDS_LIMIT,
      field: 'cpuRequest',
      message: `The CPU request (${shape.cpuRequest}) exceeds the CPU cores (${shape.cpuCores})`,
    });
  }
  if (shape.memoryRequestGi > shape.memoryGi) {
    errors.push({
      code: SHEPHERD_ERROR_CODES.RESOURCE_REQUEST_EXCEEDS_LIMIT,
      field: 'memoryRequestGi',
      message: `The memory request (${shape.memoryRequestGi} GiB) exceeds the memory (${shape.memoryGi} GiB)`,
    });
  }
  const overcommitted = isOvercommitted(shape);
  if (shape.dedicatedCpu && overcommitted) {
    errors.push({
      code: SHEPHERD_ERROR_CODES.DEDICATED_CPU_OVERCOMMIT,
      field: 'dedicatedCpu',
      message:
        'Dedicated CPUs cannot be overcommitted: requests must equal limits',
    });
  }
  const warnings: ShepherdWarning[] =
    environment === 'prod' && overcommitted && errors.length === 0
      ? [
          {
            code: SHEPHERD_WARNING_CODES.OVERCOMMIT_IN_PROD,
            message:
              'CPU or memory is overcommitted (requests below limits) in a production environment',
          },
        ]
      : [];
  return { errors, warnings };
}

/** Requests below limits. @public */
export function isOvercommitted(
  shape: Pick<
    ComputeShape,
    'cpuCores' | 'cpuRequest' | 'memoryGi' | 'memoryRequestGi'
  >,
): boolean {
  return (
    shape.cpuRequest < shape.cpuCores || shape.memoryRequestGi < shape.memoryGi
  );
}
