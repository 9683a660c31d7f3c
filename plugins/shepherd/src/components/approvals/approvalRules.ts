import {
  ApprovalTask,
  Environment,
  SHEPHERD_ERROR_CODES,
  ShepherdInstanceSize,
  ShepherdWarning,
  VmSpec,
  checkComputeShape,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { isShepherdApiError } from '../../api/ShepherdApiError';
import { collectFieldMessages, withCode } from '../common';

/*
 * The rules of the approval workbench that are not layout: how old a task looks, what an
 * approver's replacement spec must keep to, and which field an answer of the backend names.
 * The backend checks everything again.
 */

/** How urgent a pending request looks by its age: 0–3 days normal, 4–7 warning, older alert. */
export type AgeLevel = 'normal' | 'warning' | 'alert';

/** The last age in whole days that is still normal, and the last that is a warning. */
export const AGE_NORMAL_MAX_DAYS = 3;
export const AGE_WARNING_MAX_DAYS = 7;

export function ageLevelOf(ageDays: number): AgeLevel {
  if (ageDays > AGE_WARNING_MAX_DAYS) return 'alert';
  if (ageDays > AGE_NORMAL_MAX_DAYS) return 'warning';
  return 'normal';
}

/** `today`, `1 day`, `5 days`. */
export function formatAgeDays(ageDays: number): string {
  if (ageDays <= 0) return 'today';
  return ageDays === 1 ? '1 day' : `${ageDays} days`;
}

/** Oldest first, so the requests waiting longest are decided first. */
export function sortByAge(tasks: readonly ApprovalTask[]): ApprovalTask[] {
  return [...tasks].sort((a, b) => b.ageDays - a.ageDays);
}

/** How many characters of a requester's reason the queue shows; the rest is on hover. */
export const QUEUE_REASON_PREVIEW_LENGTH = 60;

/**
 * The start of a text to show in a narrow column, ending in an ellipsis when cut, and
 * whether it was cut.
 */
export function truncateText(
  text: string,
  maxLength: number,
): { shown: string; truncated: boolean } {
  const whole = text.trim();
  if (whole.length <= maxLength) {
    return { shown: whole, truncated: false };
  }
  return { shown: `${whole.slice(0, maxLength).trimEnd()}…`, truncated: true };
}

/** An approver's replacement of the VM spec, as typed. */
export type SpecFields = {
  templateId: string;
  instanceSizeId: string;
  cpuCores: string;
  cpuRequest: string;
  memoryGi: string;
  memoryRequestGi: string;
  diskGb: string;
};

export type SpecField = keyof SpecFields;

const NUMBER_FIELDS: ReadonlyArray<
  Exclude<SpecField, 'templateId' | 'instanceSizeId'>
> = ['cpuCores', 'cpuRequest', 'memoryGi', 'memoryRequestGi', 'diskGb'];

export function specFieldsOf(spec: VmSpec): SpecFields {
  return {
    templateId: spec.templateId,
    instanceSizeId: spec.instanceSizeId,
    cpuCores: String(spec.cpuCores),
    cpuRequest: String(spec.cpuRequest),
    memoryGi: String(spec.memoryGi),
    memoryRequestGi: String(spec.memoryRequestGi),
    diskGb: String(spec.diskGb),
  };
}

/** The shape fields of a size, to start a replacement from when the size changes. */
export function shapeFieldsOf(
  size: ShepherdInstanceSize,
): Omit<SpecFields, 'templateId' | 'instanceSizeId'> {
  return {
    cpuCores: String(size.cpuCores),
    cpuRequest: String(size.cpuRequest),
    memoryGi: String(size.memoryGi),
    memoryRequestGi: String(size.memoryRequestGi),
    diskGb: String(size.diskGb),
  };
}

/**
 * The replacement as the API takes it: complete, never a patch. The storage class is
 * decided beside it.
 */
export function toVmSpec(fields: SpecFields): VmSpec {
  return {
    templateId: fields.templateId,
    instanceSizeId: fields.instanceSizeId,
    cpuCores: Number(fields.cpuCores),
    cpuRequest: Number(fields.cpuRequest),
    memoryGi: Number(fields.memoryGi),
    memoryRequestGi: Number(fields.memoryRequestGi),
    diskGb: Number(fields.diskGb),
  };
}

/** Where a finding about dedicated CPUs is shown: next to the requests that overcommit. */
const FIELD_OF_SHAPE_FINDING: Record<string, SpecField> = {
  dedicatedCpu: 'cpuRequest',
};

/**
 * Checks a replacement with the rules of shepherd-common the backend applies: 0.5 steps,
 * requests within limits, a whole disk, no overcommit with dedicated CPUs; overcommit in
 * prod is a warning. Errors carry the backend's code.
 */
export function checkSpecFields(
  fields: SpecFields,
  size: ShepherdInstanceSize | undefined,
  environment: Environment,
): {
  errors: Partial<Record<SpecField, string>>;
  warnings: ShepherdWarning[];
} {
  const errors: Partial<Record<SpecField, string>> = {};
  for (const field of NUMBER_FIELDS) {
    if (!fields[field].trim() || !Number.isFinite(Number(fields[field]))) {
      errors[field] = 'Required: a replacement is complete, not a patch';
    }
  }
  if (!fields.templateId) errors.templateId = 'Required';
  if (!fields.instanceSizeId) errors.instanceSizeId = 'Required';
  if (Object.keys(errors).length > 0) {
    return { errors, warnings: [] };
  }
  const spec = toVmSpec(fields);
  const shape = checkComputeShape(
    { ...spec, dedicatedCpu: size?.dedicatedCpu ?? false },
    environment,
  );
  for (const finding of shape.errors) {
    const field =
      FIELD_OF_SHAPE_FINDING[finding.field] ?? (finding.field as SpecField);
    if (!errors[field]) {
      errors[field] = withCode(finding.message, finding.code);
    }
  }
  return { errors, warnings: shape.warnings };
}

/** The fields of an approval an error can point at. */
export type DecisionField =
  | SpecField
  | 'clusterId'
  | 'storageClass'
  | 'grantMinutes';

const DECISION_FIELD_OF: Record<string, DecisionField> = {
  templateId: 'templateId',
  cloudInit: 'templateId',
  instanceSizeId: 'instanceSizeId',
  hugepagesSize: 'instanceSizeId',
  specOverrides: 'instanceSizeId',
  cpuCores: 'cpuCores',
  cpuRequest: 'cpuRequest',
  dedicatedCpu: 'cpuRequest',
  memoryGi: 'memoryGi',
  memoryRequestGi: 'memoryRequestGi',
  diskGb: 'diskGb',
  storageClass: 'storageClass',
  clusterId: 'clusterId',
  grantMinutes: 'grantMinutes',
};

/** Codes that are about the chosen cluster or storage class, though they name no field. */
const DECISION_FIELD_OF_CODE: Record<string, DecisionField> = {
  [SHEPHERD_ERROR_CODES.CLUSTER_REQUIRED]: 'clusterId',
  [SHEPHERD_ERROR_CODES.CLUSTER_ENVIRONMENT_MISMATCH]: 'clusterId',
  [SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE]: 'clusterId',
  [SHEPHERD_ERROR_CODES.STORAGE_CLASS_UNKNOWN]: 'storageClass',
};

/**
 * The errors an answer to an approval puts next to the decision's fields: the violations of
 * a replacement spec (`details.violations[].field`), `details.field`, and the codes about
 * the cluster and its storage classes.
 */
export function decisionFieldErrorsOf(
  error: unknown,
): Partial<Record<DecisionField, string>> {
  if (!isShepherdApiError(error)) {
    return {};
  }
  const { messages, add } = collectFieldMessages(error, field =>
    typeof field === 'string' ? DECISION_FIELD_OF[field] : undefined,
  );
  if (error.code) {
    add(DECISION_FIELD_OF_CODE[error.code], error.code, error.message);
  }
  return messages;
}

/** What a failed approval means for the request, by the backend's code. */
export function approvalFailureHint(error: unknown): string {
  const code = isShepherdApiError(error) ? error.code : undefined;
  switch (code) {
    case SHEPHERD_ERROR_CODES.VALIDATION_FAILED:
      return 'The cluster refused the VM in its dry run (admission webhooks included), or the decision broke a rule. The request stays pending: change the cluster or the spec and approve again, or reject it.';
    case SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE:
      return 'The cluster could not be reached for the dry run, or cannot take VMs now. The request stays pending: try again, or choose another cluster.';
    case SHEPHERD_ERROR_CODES.TICKET_NOT_PENDING:
      return 'The request was decided or withdrawn in the meantime.';
    case SHEPHERD_ERROR_CODES.SELF_APPROVAL_FORBIDDEN:
      return 'Someone other than the requester must decide this request.';
    case SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED:
    case SHEPHERD_ERROR_CODES.CONFIRMATION_NAME_MISMATCH:
      return "Deleting a production VM is approved with the VM's name typed exactly. The request stays pending.";
    default:
      return 'The request stays pending.';
  }
}
