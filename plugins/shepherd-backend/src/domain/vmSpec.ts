import {
  CatalogScope,
  Environment,
  RecordedVmSpec,
  SHEPHERD_ERROR_CODES,
  ShepherdErrorCode,
  ShepherdInstanceSize,
  ShepherdTemplate,
  ShepherdWarning,
  VmRequestSpec,
  VmSpec,
  checkComputeShape,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { KubeVirtFinding, checkKubeVirtLimits } from './kubevirtAdmission';

/** A rule a VM spec breaks: the error code, a message and the field. */
export interface SpecViolation {
  code: ShepherdErrorCode;
  message: string;
  field?: string;
}

/** Whether a catalog item is offered in an environment (`unclassified` never is). */
export function isVisibleIn(
  scope: CatalogScope,
  environment: Environment,
): boolean {
  return scope === 'all' || scope === environment;
}

/**
 * The spec a CREATE request asks for: the instance size's shape, with the requester's
 * targets as limits. Requests follow the size's ratio of request to limit, never above the
 * new limit, so a target does not silently remove overcommit or create it.
 */
export function requestedSpec(
  request: VmRequestSpec,
  size: ShepherdInstanceSize,
): VmSpec {
  const cpuCores = request.targetCpuCores ?? size.cpuCores;
  const memoryGi = request.targetMemoryGi ?? size.memoryGi;
  return {
    templateId: request.templateId,
    instanceSizeId: request.instanceSizeId,
    cpuCores,
    cpuRequest: scaleRequest(size.cpuRequest, size.cpuCores, cpuCores),
    memoryGi,
    memoryRequestGi: scaleRequest(
      size.memoryRequestGi,
      size.memoryGi,
      memoryGi,
    ),
    diskGb: request.targetDiskGb ?? size.diskGb,
  };
}

/** The request for a new limit, at the size's ratio, in 0.5 steps, at least 0.5. */
function scaleRequest(
  request: number,
  limit: number,
  newLimit: number,
): number {
  if (request >= limit) {
    return newLimit;
  }
  const scaled = Math.floor(((request / limit) * newLimit) / 0.5) * 0.5;
  return Math.min(newLimit, Math.max(0.5, scaled));
}

/** Fields of a VM spec an approver's replacement must carry. */
export const REQUIRED_SPEC_FIELDS: ReadonlyArray<keyof VmSpec> = [
  'templateId',
  'instanceSizeId',
  'cpuCores',
  'memoryGi',
  'diskGb',
];

/** Every field of a VM spec: what an approver's replacement may carry, and nothing else. */
export const VM_SPEC_FIELDS: ReadonlyArray<keyof VmSpec> = [
  'templateId',
  'instanceSizeId',
  'cpuCores',
  'cpuRequest',
  'memoryGi',
  'memoryRequestGi',
  'diskGb',
  'storageClass',
];

/** Fields no approver may set: they belong to the requester or to the platform. */
export const FORBIDDEN_SPEC_FIELDS: readonly string[] = [
  'namespace',
  'serviceId',
  'systemId',
  'name',
  'vmName',
  'labels',
  'cloudInit',
  'requester',
];

/** Removing this many top-level fields in one replacement is suspicious and logged. */
export const MANY_REMOVED_FIELDS = 5;

/**
 * Checks an approver's replacement of the spec. The replacement is complete and replaces the
 * requested spec as a whole (never merged): it must carry every required field, must carry
 * nothing but the fields of a VM spec (so that nothing else is stored with the approval and
 * shown to the requester), and is reported when it drops many fields.
 */
export function checkSpecReplacement(
  original: Record<string, unknown>,
  replacement: Record<string, unknown>,
): { violations: SpecViolation[]; removedFields: string[] } {
  const violations: SpecViolation[] = [];
  const specFields: readonly string[] = VM_SPEC_FIELDS;
  for (const field of Object.keys(replacement)) {
    if (!specFields.includes(field)) {
      violations.push({
        code: SHEPHERD_ERROR_CODES.FORBIDDEN_MODIFICATION,
        field,
        message: FORBIDDEN_SPEC_FIELDS.includes(field)
          ? `Approvers may not change ${field}`
          : `${field} is not a field of a VM spec; a replacement carries only ${specFields.join(
              ', ',
            )}`,
      });
    }
  }
  for (const field of REQUIRED_SPEC_FIELDS) {
    if (replacement[field] === undefined || replacement[field] === null) {
      violations.push({
        code: SHEPHERD_ERROR_CODES.MODIFIED_SPEC_INVALID,
        field,
        message: `The replacement spec must keep ${field}; a replacement is complete, not a patch`,
      });
    }
  }
  const removedFields = Object.keys(original).filter(
    field => original[field] !== undefined && !(field in replacement),
  );
  return { violations, removedFields };
}

/** Where a KubeVirt finding points in a spec: the template, the size or a shape field. */
const SPEC_FIELD_OF_CATALOG_FIELD: Record<string, keyof VmSpec> = {
  cloudInit: 'templateId',
  hugepagesSize: 'instanceSizeId',
  specOverrides: 'instanceSizeId',
};

/**
 * Checks the effective spec of a VM against its template, instance size and environment:
 * the template is active and both are offered in the environment; the compute shape keeps
 * 0.5 steps, requests within limits, and no overcommit with dedicated CPUs (an error);
 * overcommit in prod is a warning for the approver. A valid shape is then checked as the VM
 * it renders to, spec overrides included, against KubeVirt's admission rules (whole cores
 * for dedicated CPUs, memory in whole hugepages, cloud-init within KubeVirt's inline limit,
 * no spec.running), so that a request or an approver's replacement that KubeVirt would
 * refuse is refused here and not when the worker applies the VM.
 */
export function checkEffectiveSpec(
  spec: VmSpec,
  template: ShepherdTemplate,
  size: ShepherdInstanceSize,
  environment: Environment,
): { violations: SpecViolation[]; warnings: ShepherdWarning[] } {
  const violations: SpecViolation[] = [];
  if (template.status !== 'active') {
    violations.push({
      code: SHEPHERD_ERROR_CODES.TEMPLATE_NOT_ACTIVE,
      field: 'templateId',
      message: `The template '${template.name}' is ${template.status}; only active templates serve new VMs`,
    });
  }
  if (!isVisibleIn(template.catalogScope, environment)) {
    violations.push({
      code: SHEPHERD_ERROR_CODES.NOT_IN_CATALOG,
      field: 'templateId',
      message: `The template '${template.name}' is not offered in ${environment}`,
    });
  }
  if (!size.enabled || !isVisibleIn(size.catalogScope, environment)) {
    violations.push({
      code: SHEPHERD_ERROR_CODES.NOT_IN_CATALOG,
      field: 'instanceSizeId',
      message: `The instance size '${size.name}' is not offered in ${environment}`,
    });
  }
  const shape = checkComputeShape(
    { ...spec, dedicatedCpu: size.dedicatedCpu },
    environment,
  );
  violations.push(...shape.errors);
  if (shape.errors.length === 0) {
    for (const finding of checkKubeVirtLimits({
      cloudInit: template.cloudInit,
      instanceSize: size,
      shape: spec,
    })) {
      violations.push({
        code: finding.code,
        field: SPEC_FIELD_OF_CATALOG_FIELD[finding.field] ?? finding.field,
        message: describeFinding(finding, template, size),
      });
    }
  }
  return { violations, warnings: shape.warnings };
}

/** A finding's message, naming the template or the size it comes from. */
function describeFinding(
  finding: KubeVirtFinding,
  template: ShepherdTemplate,
  size: ShepherdInstanceSize,
): string {
  switch (finding.field) {
    case 'cloudInit':
      return `The template '${template.name}' cannot serve new VMs: ${finding.detail}`;
    case 'specOverrides':
      return `The spec overrides of the instance size '${size.name}' give a VM that KubeVirt refuses: ${finding.detail}`;
    case 'hugepagesSize':
      return `The instance size '${size.name}' cannot serve new VMs: ${finding.detail}`;
    default:
      return `With the instance size '${size.name}', ${finding.detail}`;
  }
}

/**
 * The spec of an existing VM after a modify request: the targets as new limits, requests at
 * the VM's current ratio of request to limit (as for a new VM, so a resize neither creates
 * overcommit nor removes it, and dedicated CPUs keep requests equal to limits); disks only
 * grow.
 */
export function modifiedVmSpec<S extends RecordedVmSpec>(
  current: S,
  targets: {
    targetCpuCores?: number;
    targetMemoryGi?: number;
    targetDiskGb?: number;
  },
): S {
  const cpuCores = targets.targetCpuCores ?? current.cpuCores;
  const memoryGi = targets.targetMemoryGi ?? current.memoryGi;
  return {
    ...current,
    cpuCores,
    cpuRequest: scaleRequest(current.cpuRequest, current.cpuCores, cpuCores),
    memoryGi,
    memoryRequestGi: scaleRequest(
      current.memoryRequestGi,
      current.memoryGi,
      memoryGi,
    ),
    diskGb: Math.max(current.diskGb, targets.targetDiskGb ?? current.diskGb),
  };
}

/**
 * The spec part of a VM record; without template and instance size for an adopted VM, which
 * has neither.
 */
export function vmSpecOf(vm: RecordedVmSpec): RecordedVmSpec {
  return {
    ...(vm.templateId !== undefined && { templateId: vm.templateId }),
    ...(vm.instanceSizeId !== undefined && {
      instanceSizeId: vm.instanceSizeId,
    }),
    cpuCores: vm.cpuCores,
    cpuRequest: vm.cpuRequest,
    memoryGi: vm.memoryGi,
    memoryRequestGi: vm.memoryRequestGi,
    diskGb: vm.diskGb,
    ...(vm.storageClass !== undefined && { storageClass: vm.storageClass }),
  };
}

/**
 * The exact resize from `current` to `target`: only what changes. CPU and memory go as a
 * whole (cores with their request, memory with its request); the disk only when it grows,
 * since not every root disk can be resized (a containerDisk cannot).
 */
export function resizeOf(
  current: RecordedVmSpec,
  target: RecordedVmSpec,
): {
  cpuCores?: number;
  cpuRequest?: number;
  memoryGi?: number;
  memoryRequestGi?: number;
  diskGb?: number;
} {
  return {
    ...((target.cpuCores !== current.cpuCores ||
      target.cpuRequest !== current.cpuRequest) && {
      cpuCores: target.cpuCores,
      cpuRequest: target.cpuRequest,
    }),
    ...((target.memoryGi !== current.memoryGi ||
      target.memoryRequestGi !== current.memoryRequestGi) && {
      memoryGi: target.memoryGi,
      memoryRequestGi: target.memoryRequestGi,
    }),
    ...(target.diskGb !== current.diskGb && { diskGb: target.diskGb }),
  };
}
