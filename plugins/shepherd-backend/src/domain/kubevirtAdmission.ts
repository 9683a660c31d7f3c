import {
  KubeVirtAdmissionSubject,
  KubeVirtAdmissionViolation,
  SHEPHERD_ERROR_CODES,
  ShepherdErrorCode,
  ShepherdInstanceSize,
  VmSpec,
  applySpecOverrides,
  checkKubeVirtAdmission,
  cpuQuantity,
  memoryQuantity,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { acceptedSpecOverrides } from './specOverrides';

/** What of a template, an instance size and a compute shape reaches KubeVirt's admission. */
export interface KubeVirtInputs {
  /** The template's cloud-init user data. */
  cloudInit?: string;
  instanceSize?: Pick<
    ShepherdInstanceSize,
    'dedicatedCpu' | 'requiresHugepages' | 'hugepagesSize' | 'specOverrides'
  >;
  /** CPU and memory of the VM: the size's own, or the effective spec of a request. */
  shape?: Pick<
    VmSpec,
    'cpuCores' | 'cpuRequest' | 'memoryGi' | 'memoryRequestGi'
  >;
}

/**
 * A KubeVirt admission rule the inputs break: a Shepherd error code, the catalog field to
 * change (`cloudInit`, `cpuCores`, `cpuRequest`, `memoryRequestGi`, `hugepagesSize` or
 * `specOverrides`), the rule and a message naming the limit.
 */
export interface KubeVirtFinding {
  code: ShepherdErrorCode;
  field: string;
  rule: KubeVirtAdmissionViolation['rule'];
  message: string;
  /** The rule's own words, without what the message adds (for messages with more context). */
  detail: string;
}

/**
 * The parts of the VirtualMachine the KubeVirt provider renders that the admission rules read,
 * built as the provider builds them: CPU and memory requests and limits of the shape,
 * dedicated CPU placement and hugepages of the size, cloud-init of the template.
 */
function renderedParts(inputs: KubeVirtInputs): Record<string, unknown> {
  const { cloudInit, instanceSize, shape } = inputs;
  const domain: Record<string, unknown> = {};
  if (shape) {
    domain.cpu = {
      cores: Math.ceil(shape.cpuCores),
      ...(instanceSize?.dedicatedCpu ? { dedicatedCpuPlacement: true } : {}),
    };
    domain.resources = {
      requests: {
        cpu: cpuQuantity(shape.cpuRequest),
        memory: memoryQuantity(shape.memoryRequestGi),
      },
      limits: {
        cpu: cpuQuantity(shape.cpuCores),
        memory: memoryQuantity(shape.memoryGi),
      },
    };
  }
  if (instanceSize?.requiresHugepages && instanceSize.hugepagesSize) {
    domain.memory = { hugepages: { pageSize: instanceSize.hugepagesSize } };
  }
  const volumes = cloudInit?.trim()
    ? [{ name: 'cloudinitdisk', cloudInitNoCloud: { userData: cloudInit } }]
    : [];
  return {
    spec: {
      runStrategy: 'Always',
      template: { spec: { domain, volumes } },
    },
  };
}

function check(
  inputs: KubeVirtInputs,
  withOverrides: boolean,
): KubeVirtAdmissionViolation[] {
  const rendered = renderedParts(inputs);
  // Overrides that checkSpecOverrides refuses are left out: they are refused on their own.
  const vm = withOverrides
    ? applySpecOverrides(
        rendered,
        acceptedSpecOverrides(inputs.instanceSize?.specOverrides ?? {}),
      )
    : rendered;
  return checkKubeVirtAdmission(vm as unknown as KubeVirtAdmissionSubject);
}

/** The catalog field behind a field of the rendered VM. */
function fieldOf(path: string): string {
  if (path.endsWith('.resources.limits.cpu')) return 'cpuCores';
  if (path.endsWith('.resources.requests.cpu')) return 'cpuRequest';
  if (path.endsWith('.resources.requests.memory')) return 'memoryRequestGi';
  if (path.endsWith('.hugepages.pageSize')) return 'hugepagesSize';
  if (path.endsWith('.cloudInitNoCloud.userData')) return 'cloudInit';
  return 'specOverrides';
}

const CODES: Record<KubeVirtAdmissionViolation['rule'], ShepherdErrorCode> = {
  runningWithRunStrategy: SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
  dedicatedCpuWholeCores: SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
  dedicatedCpuRequestEqualsLimit: SHEPHERD_ERROR_CODES.DEDICATED_CPU_OVERCOMMIT,
  hugepagesMemoryMultiple: SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
  cloudInitUserDataSize: SHEPHERD_ERROR_CODES.CLOUD_INIT_INVALID,
};

function capitalized(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Checks what a template, an instance size and a compute shape give, rendered and with the
 * size's spec overrides applied, against the admission rules of KubeVirt (shared with the
 * KubeVirt provider, which checks the same rules before it applies a VM): inline cloud-init
 * user data of at most `KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES` (2048) bytes
 * (CLOUD_INIT_INVALID), whole cores for dedicated CPUs and memory in whole hugepages
 * (RESOURCE_STEP_INVALID), requests equal to limits for dedicated CPUs
 * (DEDICATED_CPU_OVERCOMMIT), and no `spec.running`. A violation the spec overrides cause is
 * theirs (INVALID_SPEC_OVERRIDES, field `specOverrides`). Returns the findings, empty when
 * KubeVirt would admit the VM as far as these rules go.
 */
export function checkKubeVirtLimits(inputs: KubeVirtInputs): KubeVirtFinding[] {
  const overrides = inputs.instanceSize?.specOverrides ?? {};
  const violations = check(inputs, true);
  const withoutOverrides =
    Object.keys(overrides).length > 0
      ? new Set(check(inputs, false).map(violation => violation.message))
      : undefined;
  return violations.map(violation => {
    const byOverrides =
      violation.rule === 'runningWithRunStrategy' ||
      (withoutOverrides !== undefined &&
        !withoutOverrides.has(violation.message));
    if (byOverrides) {
      return {
        code: SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
        field: 'specOverrides',
        rule: violation.rule,
        message: `The spec overrides give a VM that KubeVirt refuses: ${violation.message}`,
        detail: violation.message,
      };
    }
    const field = fieldOf(violation.path);
    return {
      code:
        field === 'hugepagesSize'
          ? SHEPHERD_ERROR_CODES.VALIDATION_FAILED
          : CODES[violation.rule],
      field,
      rule: violation.rule,
      message: capitalized(violation.message),
      detail: violation.message,
    };
  });
}

/**
 * The findings of `after` that `before` did not have: what a change to a catalog entry saved
 * before these rules introduces. Such an entry can still be disabled, deprecated or archived.
 */
export function introducedFindings(
  before: readonly KubeVirtFinding[],
  after: readonly KubeVirtFinding[],
): KubeVirtFinding[] {
  const known = new Set(before.map(finding => finding.message));
  return after.filter(finding => !known.has(finding.message));
}
