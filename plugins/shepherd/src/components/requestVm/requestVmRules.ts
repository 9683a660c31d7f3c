import {
  RESOURCE_STEP,
  ShepherdInstanceSize,
  ShepherdService,
  VM_NAME_MAX_LENGTH,
  buildVmName,
  isResourceStep,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { isShepherdApiError } from '../../api/ShepherdApiError';
import { collectFieldMessages, displayNameOf } from '../common';

/*
 * The rules of the Request a VM wizard that are not layout: which field each answer of the
 * backend names, what the targets must look like, and the name the VM will probably get.
 * The backend checks everything again; these only let the user correct early.
 */

/** The fields of the wizard that an error can point at. */
export type WizardField =
  | 'service'
  | 'namespace'
  | 'template'
  | 'instanceSize'
  | 'targetCpuCores'
  | 'targetMemoryGi'
  | 'targetDiskGb'
  | 'sshPublicKey'
  | 'reason';

export type FieldErrors = Partial<Record<WizardField, string>>;

/**
 * The wizard's field for a field the backend names: the request's own fields, and the
 * fields of the effective VM spec its violations point at (`cpuRequest` follows the CPU
 * target, `specOverrides` is the instance size's).
 */
const WIZARD_FIELD_OF: Record<string, WizardField> = {
  serviceId: 'service',
  namespace: 'namespace',
  templateId: 'template',
  cloudInit: 'template',
  instanceSizeId: 'instanceSize',
  dedicatedCpu: 'instanceSize',
  hugepagesSize: 'instanceSize',
  specOverrides: 'instanceSize',
  targetCpuCores: 'targetCpuCores',
  cpuCores: 'targetCpuCores',
  cpuRequest: 'targetCpuCores',
  targetMemoryGi: 'targetMemoryGi',
  memoryGi: 'targetMemoryGi',
  memoryRequestGi: 'targetMemoryGi',
  targetDiskGb: 'targetDiskGb',
  diskGb: 'targetDiskGb',
  sshPublicKey: 'sshPublicKey',
  reason: 'reason',
};

/** The steps of the wizard, in order, with the fields each one holds. */
export const WIZARD_STEPS = [
  { id: 'service', label: 'System and Service', fields: ['service'] },
  { id: 'namespace', label: 'Namespace', fields: ['namespace'] },
  { id: 'template', label: 'Template', fields: ['template'] },
  { id: 'instanceSize', label: 'Instance size', fields: ['instanceSize'] },
  {
    id: 'details',
    label: 'Resources and reason',
    fields: [
      'targetCpuCores',
      'targetMemoryGi',
      'targetDiskGb',
      'sshPublicKey',
      'reason',
    ],
  },
  { id: 'review', label: 'Review and submit', fields: [] },
] as const satisfies ReadonlyArray<{
  id: string;
  label: string;
  fields: readonly WizardField[];
}>;

/** The index of the first step holding one of the fields, or undefined. */
export function firstStepWith(errors: FieldErrors): number | undefined {
  const index = WIZARD_STEPS.findIndex(step =>
    (step.fields as readonly WizardField[]).some(field => errors[field]),
  );
  return index < 0 ? undefined : index;
}

/** A field named by a message of the API's schema validation: `request/body/targetDiskGb must be >= 1`. */
const SCHEMA_FIELD_PATTERN = /\bbody\/([A-Za-z]+)/;
/** The required property a schema validation message names: `must have required property 'reason'`. */
const REQUIRED_FIELD_PATTERN = /required property '([A-Za-z]+)'/;

/**
 * The errors an answer of the backend puts next to the wizard's fields. The backend names
 * fields in `details.violations[].field` (the broken rules of a spec) or `details.field`;
 * errors of its schema validation only in the message. Each field shows its code and
 * message; errors that name no field map to nothing (the page shows them as a whole).
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isShepherdApiError(error)) {
    return {};
  }
  const wizardField = (apiField: unknown) =>
    typeof apiField === 'string' ? WIZARD_FIELD_OF[apiField] : undefined;
  const { messages, add } = collectFieldMessages(error, wizardField);
  if (Object.keys(messages).length === 0) {
    const named =
      SCHEMA_FIELD_PATTERN.exec(error.message)?.[1] ??
      REQUIRED_FIELD_PATTERN.exec(error.message)?.[1];
    add(wizardField(named), error.code, error.message);
  }
  return messages;
}

/** The wizard's optional targets and reason, as typed. */
export type DetailFields = {
  targetCpuCores: string;
  targetMemoryGi: string;
  targetDiskGb: string;
  sshPublicKey: string;
  reason: string;
};

/** Hugepages of this size back memory in whole GiB. */
const GIB_HUGEPAGES = '1Gi';

/**
 * What is wrong with the typed targets for the chosen size: CPU and memory in steps of 0.5,
 * the disk in whole GiB; whole cores for dedicated CPUs and whole GiB for 1Gi hugepages
 * (KubeVirt's admission rules, which the backend applies to the request).
 */
export function checkTargets(
  fields: Omit<DetailFields, 'reason' | 'sshPublicKey'>,
  size: ShepherdInstanceSize | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  const cpu = fields.targetCpuCores.trim();
  const memory = fields.targetMemoryGi.trim();
  const disk = fields.targetDiskGb.trim();
  if (cpu) {
    const value = Number(cpu);
    if (!isResourceStep(value)) {
      errors.targetCpuCores = `CPU comes in steps of ${RESOURCE_STEP} cores`;
    } else if (size?.dedicatedCpu && !Number.isInteger(value)) {
      errors.targetCpuCores = `${displayNameOf(
        size,
      )} has dedicated CPUs, which take whole cores`;
    }
  }
  if (memory) {
    const value = Number(memory);
    if (!isResourceStep(value)) {
      errors.targetMemoryGi = `Memory comes in steps of ${RESOURCE_STEP} GiB`;
    } else if (
      size?.requiresHugepages &&
      size.hugepagesSize === GIB_HUGEPAGES &&
      !Number.isInteger(value)
    ) {
      errors.targetMemoryGi = `${displayNameOf(
        size,
      )} uses 1Gi hugepages, which take whole GiB`;
    }
  }
  if (disk) {
    const value = Number(disk);
    if (!Number.isInteger(value) || value < 1) {
      errors.targetDiskGb = 'The disk is a whole number of GiB, at least 1';
    }
  }
  return errors;
}

/** A typed target as the API takes it: undefined when left empty. */
export function targetValue(typed: string): number | undefined {
  const trimmed = typed.trim();
  return trimmed ? Number(trimmed) : undefined;
}

/**
 * The name the VM will probably get: `{namespace}-{system}-{service}-{NN}` with the Service's
 * next free index now. The index is only taken when an approver approves, so requests
 * approved earlier move it on.
 */
export function probableVmName(
  namespace: string,
  service: Pick<ShepherdService, 'systemName' | 'name' | 'nextInstanceIndex'>,
): { name: string; tooLong: boolean } {
  const name = buildVmName({
    namespace,
    system: service.systemName,
    service: service.name,
    index: service.nextInstanceIndex,
  });
  return { name, tooLong: name.length > VM_NAME_MAX_LENGTH };
}
