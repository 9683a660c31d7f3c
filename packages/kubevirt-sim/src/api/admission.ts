import { randomBytes } from 'node:crypto';
import { CDI_GROUP, KUBEVIRT_GROUP } from '../constants';
import { KubeObject } from '../types';
import { ResourceType } from './resources';
import { ApiError, StatusCause, errors } from './status';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const RUN_STRATEGIES = [
  'Always',
  'Halted',
  'Manual',
  'RerunOnFailure',
  'Once',
  'WaitAsReceiver',
];

/** `generateName` + 5 random characters, as the apiserver does. */
export function generateName(prefix: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const bytes = randomBytes(5);
  let suffix = '';
  for (const byte of bytes) suffix += alphabet[byte % alphabet.length];
  return `${prefix}${suffix}`;
}

function validateName(type: ResourceType, name: string): StatusCause[] {
  const label = type.plural === 'namespaces';
  const pattern = label ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
  if (name.length > (label ? 63 : 253) || !pattern.test(name)) {
    return [
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `Invalid value: "${name}": a lowercase RFC 1123 ${
          label ? 'label' : 'subdomain'
        } must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      },
    ];
  }
  return [];
}

/** The apiserver's limit on all annotations of one object together (keys and values). */
export const MAX_ANNOTATIONS_BYTES = 256 * 1024;

function validateAnnotations(object: KubeObject): StatusCause[] {
  let size = 0;
  for (const [key, value] of Object.entries(
    object.metadata.annotations ?? {},
  )) {
    size += Buffer.byteLength(key) + Buffer.byteLength(String(value));
  }
  if (size <= MAX_ANNOTATIONS_BYTES) return [];
  return [
    {
      reason: 'FieldValueTooLong',
      field: 'metadata.annotations',
      message: `Too long: must have at most ${MAX_ANNOTATIONS_BYTES} bytes`,
    },
  ];
}

/**
 * KubeVirt's VirtualMachine validating webhook, for the rules a provider can trip over:
 * exactly one of `spec.running` (deprecated) and `spec.runStrategy`, a known strategy,
 * and a template.
 */
function validateVirtualMachine(vm: KubeObject): StatusCause[] {
  const spec = vm.spec ?? {};
  const causes: StatusCause[] = [];
  const hasRunning = spec.running !== undefined && spec.running !== null;
  const hasStrategy =
    spec.runStrategy !== undefined && spec.runStrategy !== null;
  if (hasRunning && hasStrategy) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'spec.running',
      message:
        'Running and RunStrategy are mutually exclusive. Note that Running is deprecated, please use RunStrategy instead',
    });
  } else if (!hasRunning && !hasStrategy) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'spec.runStrategy',
      message: 'One of Running or RunStrategy must be specified',
    });
  }
  if (hasStrategy && !RUN_STRATEGIES.includes(spec.runStrategy)) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'spec.runStrategy',
      message: `Invalid RunStrategy (${spec.runStrategy})`,
    });
  }
  if (!spec.template || typeof spec.template !== 'object') {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'spec.template',
      message: 'missing virtual machine template.',
    });
  }
  return causes;
}

/** CDI's DataVolume webhook: a source and a storage request are required. */
function validateDataVolume(dv: KubeObject): StatusCause[] {
  const spec = dv.spec ?? {};
  const causes: StatusCause[] = [];
  if (!spec.source && !spec.sourceRef) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'spec.source',
      message:
        'Data volume should have either Source or SourceRef, or be externally populated',
    });
  }
  if (!spec.pvc && !spec.storage) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'spec',
      message: 'Missing Data volume PVC',
    });
  }
  return causes;
}

/**
 * Validation an object must pass before it is stored: name rules, the size of annotations,
 * required fields of the built-in types, and the KubeVirt/CDI webhooks. Errors are 422 Invalid, like both the
 * apiserver's validation and an admission webhook's denial.
 */
export function validate(type: ResourceType, object: KubeObject): void {
  const name = object.metadata.name ?? '';
  const causes: StatusCause[] = [
    ...validateName(type, name),
    ...validateAnnotations(object),
  ];
  let webhook: string | undefined;
  if (type.group === KUBEVIRT_GROUP && type.kind === 'VirtualMachine') {
    const vmCauses = validateVirtualMachine(object);
    if (vmCauses.length > 0) webhook = 'virtualmachine-validator.kubevirt.io';
    causes.push(...vmCauses);
  }
  if (type.group === CDI_GROUP && type.kind === 'DataVolume') {
    const dvCauses = validateDataVolume(object);
    if (dvCauses.length > 0) webhook = 'datavolume-validate.cdi.kubevirt.io';
    causes.push(...dvCauses);
  }
  if (type.kind === 'StorageClass' && !object.provisioner) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'provisioner',
      message: 'Required value',
    });
  }
  if (causes.length === 0) return;
  const error = errors.invalid(type, name, causes);
  if (webhook) {
    // What the apiserver answers when a validating webhook denies a request.
    throw new ApiError(
      422,
      'Invalid',
      `admission webhook "${webhook}" denied the request: ${causes
        .map(c => `${c.field}: ${c.message}`)
        .join(', ')}`,
      error.details,
    );
  }
  throw error;
}

/** Defaults the apiserver fills in on create. */
export function applyCreateDefaults(
  type: ResourceType,
  object: KubeObject,
): void {
  if (type.plural === 'namespaces' && !type.group) {
    object.metadata.labels = {
      ...object.metadata.labels,
      'kubernetes.io/metadata.name': object.metadata.name!,
    };
    object.spec = { finalizers: ['kubernetes'], ...object.spec };
    object.status = { phase: 'Active' };
  }
  if (type.kind === 'StorageClass') {
    object.reclaimPolicy ??= 'Delete';
    object.volumeBindingMode ??= 'Immediate';
  }
}
