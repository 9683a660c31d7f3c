import {
  CatalogScope,
  KubeVirtAdmissionSubject,
  KubeVirtAdmissionViolation,
  SHEPHERD_ERROR_CODES,
  SHEPHERD_INPUT_LIMITS,
  SPEC_OVERRIDE_PREFIX,
  ShepherdApiSchema,
  ShepherdInstanceSize,
  ShepherdWarning,
  applySpecOverrides,
  checkComputeShape,
  checkKubeVirtAdmission,
  cpuQuantity,
  isPrototypeKey,
  isSpecOverrideFieldName,
  memoryQuantity,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { withCode } from '../../common';

/** The size of the memory pages a size with hugepages gets. */
export type HugepagesSize = ShepherdApiSchema<'HugepagesSize'>;

/*
 * What the instance-size form checks before it submits, with the rules of shepherd-common
 * that the backend uses: resource steps, requests within limits and dedicated CPUs without
 * overcommit (checkComputeShape), and KubeVirt's admission rules on the VM the size renders
 * to, spec overrides applied (checkKubeVirtAdmission, applySpecOverrides). The backend also
 * keeps the template's fields (image, disks, cloud-init) out of spec overrides; its refusals
 * come back per key.
 */

/** The largest amounts the API takes (openapi.yaml: CpuAmount, MemoryAmount, DiskAmount). */
export const CPU_MAX = SHEPHERD_INPUT_LIMITS.cpuCoresMax;
export const MEMORY_MAX_GI = SHEPHERD_INPUT_LIMITS.memoryGiMax;
export const DISK_MAX_GB = SHEPHERD_INPUT_LIMITS.diskGbMax;
export const SORT_ORDER_LIMIT = SHEPHERD_INPUT_LIMITS.sortOrderMax;
export const HUGEPAGES_SIZES: readonly HugepagesSize[] = ['2Mi', '1Gi'];

/** One row of the spec overrides editor: a dotted path and its value as JSON text. */
export type OverrideRow = { id: number; key: string; value: string };

/** The form's values, as typed. An empty request means "equal to the limit". */
export type SizeFields = {
  name: string;
  displayName: string;
  description: string;
  catalogScope: CatalogScope;
  enabled: boolean;
  sortOrder: string;
  cpuCores: string;
  cpuRequest: string;
  memoryGi: string;
  memoryRequestGi: string;
  diskGb: string;
  dedicatedCpu: boolean;
  requiresGpu: boolean;
  requiresSriov: boolean;
  requiresHugepages: boolean;
  hugepagesSize: HugepagesSize | '';
  overrides: OverrideRow[];
};

export type NumberField =
  | 'sortOrder'
  | 'cpuCores'
  | 'cpuRequest'
  | 'memoryGi'
  | 'memoryRequestGi'
  | 'diskGb';

/** The numbers of a size, parsed; requests already defaulted to the limits. */
export type SizeValues = Pick<
  ShepherdInstanceSize,
  | 'sortOrder'
  | 'cpuCores'
  | 'cpuRequest'
  | 'memoryGi'
  | 'memoryRequestGi'
  | 'diskGb'
>;

export type SizeCheck = {
  /** Problems per field of the form. */
  problems: Partial<Record<keyof SizeFields, string>>;
  /** Problems per override row id. */
  overrideProblems: Record<number, string>;
  /** Problems of the overrides as a whole. */
  overrideGeneral: string[];
  /** Soft findings: overcommit in a size offered to prod. */
  warnings: ShepherdWarning[];
  /** The parsed numbers and overrides, when they parse. */
  values?: SizeValues;
  overrides: Record<string, unknown>;
};

let nextRowId = 1;
/** A new row of the overrides editor. */
export function overrideRow(key = '', value = ''): OverrideRow {
  nextRowId += 1;
  return { id: nextRowId, key, value };
}

function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** What is wrong with a spec override's key, as shepherd-common's merge would refuse it. */
export function overrideKeyProblem(key: string): string | undefined {
  if (!key.startsWith(SPEC_OVERRIDE_PREFIX)) {
    return withCode(
      `'${key}' must start with '${SPEC_OVERRIDE_PREFIX}'`,
      SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
    );
  }
  const segments = key.split('.');
  if (!segments.every(isSpecOverrideFieldName)) {
    return withCode(
      `'${key}' must be a dotted path of field names, e.g. spec.template.spec.domain.cpu.model`,
      SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
    );
  }
  const unsafe = segments.find(isPrototypeKey);
  if (unsafe) {
    return withCode(
      `'${key}' may not contain '${unsafe}'`,
      SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
    );
  }
  return undefined;
}

/** The parts of the VM a size renders to that KubeVirt's admission reads (as the provider renders them). */
function renderedParts(
  values: SizeValues,
  fields: Pick<
    SizeFields,
    'dedicatedCpu' | 'requiresHugepages' | 'hugepagesSize'
  >,
) {
  return {
    spec: {
      runStrategy: 'Always',
      template: {
        spec: {
          domain: {
            cpu: {
              cores: Math.ceil(values.cpuCores),
              ...(fields.dedicatedCpu ? { dedicatedCpuPlacement: true } : {}),
            },
            resources: {
              requests: {
                cpu: cpuQuantity(values.cpuRequest),
                memory: memoryQuantity(values.memoryRequestGi),
              },
              limits: {
                cpu: cpuQuantity(values.cpuCores),
                memory: memoryQuantity(values.memoryGi),
              },
            },
            ...(fields.requiresHugepages && fields.hugepagesSize
              ? { memory: { hugepages: { pageSize: fields.hugepagesSize } } }
              : {}),
          },
        },
      },
    },
  };
}

function admission(
  vm: object,
  overrides: Record<string, unknown>,
): KubeVirtAdmissionViolation[] {
  try {
    return checkKubeVirtAdmission(
      applySpecOverrides(vm, overrides) as unknown as KubeVirtAdmissionSubject,
    );
  } catch {
    // Keys the merge refuses are reported on their own rows.
    return [];
  }
}

const RULE_CODES: Record<KubeVirtAdmissionViolation['rule'], string> = {
  runningWithRunStrategy: SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
  dedicatedCpuWholeCores: SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
  dedicatedCpuRequestEqualsLimit: SHEPHERD_ERROR_CODES.DEDICATED_CPU_OVERCOMMIT,
  hugepagesMemoryMultiple: SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
  cloudInitUserDataSize: SHEPHERD_ERROR_CODES.CLOUD_INIT_INVALID,
};

/** Where a finding about a field shows: an empty request is its limit, so it shows there. */
function shownField(field: string, fields: SizeFields): keyof SizeFields {
  if (field === 'cpuRequest' && fields.cpuRequest.trim() === '') {
    return 'cpuCores';
  }
  if (field === 'memoryRequestGi' && fields.memoryRequestGi.trim() === '') {
    return 'memoryGi';
  }
  return field in fields ? (field as keyof SizeFields) : 'overrides';
}

/** The form field behind a field of the rendered VM. */
function fieldOf(path: string, fields: SizeFields): keyof SizeFields {
  if (path.endsWith('.resources.limits.cpu')) return 'cpuCores';
  if (path.endsWith('.resources.requests.cpu')) {
    return shownField('cpuRequest', fields);
  }
  if (path.endsWith('.resources.requests.memory')) {
    return shownField('memoryRequestGi', fields);
  }
  if (path.endsWith('.hugepages.pageSize')) return 'hugepagesSize';
  return 'overrides';
}

/** Checks the form as the backend checks the size it would save. */
export function checkSizeFields(fields: SizeFields): SizeCheck {
  const problems: SizeCheck['problems'] = {};
  const overrideProblems: Record<number, string> = {};
  const overrideGeneral: string[] = [];
  const add = (field: keyof SizeFields, message: string) => {
    problems[field] = problems[field]
      ? `${problems[field]}; ${message}`
      : message;
  };

  // Numbers.
  const parsed: Partial<Record<NumberField, number>> = {};
  const numbers: Array<[NumberField, boolean, number]> = [
    ['cpuCores', true, CPU_MAX],
    ['cpuRequest', false, CPU_MAX],
    ['memoryGi', true, MEMORY_MAX_GI],
    ['memoryRequestGi', false, MEMORY_MAX_GI],
    ['diskGb', true, DISK_MAX_GB],
  ];
  for (const [field, required, max] of numbers) {
    const text = fields[field];
    const value = parseNumber(text);
    if (value === undefined) {
      if (text.trim() !== '') add(field, 'Not a number');
      else if (required) add(field, 'Required');
      continue;
    }
    if (value > max) add(field, `At most ${max}`);
    parsed[field] = value;
  }
  const sortOrder = parseNumber(fields.sortOrder) ?? 0;
  if (
    !Number.isInteger(sortOrder) ||
    Math.abs(sortOrder) > SORT_ORDER_LIMIT ||
    (fields.sortOrder.trim() !== '' &&
      parseNumber(fields.sortOrder) === undefined)
  ) {
    add(
      'sortOrder',
      `A whole number between -${SORT_ORDER_LIMIT} and ${SORT_ORDER_LIMIT}`,
    );
  }
  if (fields.requiresHugepages && !fields.hugepagesSize) {
    add('hugepagesSize', 'Choose the hugepages size');
  }

  // Overrides: each row's key and JSON value.
  const overrides: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const row of fields.overrides) {
    const key = row.key.trim();
    if (key === '' && row.value.trim() === '') continue;
    if (key === '') {
      overrideProblems[row.id] = 'A key is required';
      continue;
    }
    if (seen.has(key)) {
      overrideProblems[row.id] = `'${key}' is set twice`;
      continue;
    }
    seen.add(key);
    const keyProblem = overrideKeyProblem(key);
    if (keyProblem) {
      overrideProblems[row.id] = keyProblem;
      continue;
    }
    try {
      overrides[key] = JSON.parse(row.value);
    } catch {
      overrideProblems[row.id] =
        'The value must be JSON, e.g. "host-passthrough", 4, true or {"model": "x"}';
    }
  }

  const complete =
    parsed.cpuCores !== undefined &&
    parsed.memoryGi !== undefined &&
    parsed.diskGb !== undefined;
  if (!complete) {
    return {
      problems,
      overrideProblems,
      overrideGeneral,
      warnings: [],
      overrides,
    };
  }
  const values: SizeValues = {
    sortOrder,
    cpuCores: parsed.cpuCores!,
    cpuRequest: parsed.cpuRequest ?? parsed.cpuCores!,
    memoryGi: parsed.memoryGi!,
    memoryRequestGi: parsed.memoryRequestGi ?? parsed.memoryGi!,
    diskGb: parsed.diskGb!,
  };

  // Resource steps, requests within limits, dedicated CPUs without overcommit.
  const offeredInProd =
    fields.catalogScope === 'prod' || fields.catalogScope === 'all';
  const shape = checkComputeShape(
    { ...values, dedicatedCpu: fields.dedicatedCpu },
    offeredInProd ? 'prod' : undefined,
  );
  for (const finding of shape.errors) {
    add(
      shownField(finding.field, fields),
      withCode(finding.message, finding.code),
    );
  }

  // KubeVirt's admission: the size's own VM, then what each override adds.
  const vm = renderedParts(values, fields);
  const base = admission(vm, {});
  const baseMessages = new Set(base.map(violation => violation.message));
  for (const violation of base) {
    const field = fieldOf(violation.path, fields);
    // checkComputeShape has said it already (or something else is wrong with the field).
    if (problems[field]) continue;
    if (
      violation.rule === 'dedicatedCpuRequestEqualsLimit' &&
      problems.dedicatedCpu
    ) {
      continue;
    }
    add(field, withCode(violation.message, RULE_CODES[violation.rule]));
  }
  const attributed = new Set<string>();
  for (const row of fields.overrides) {
    const key = row.key.trim();
    if (!(key in overrides) || overrideProblems[row.id]) continue;
    const refusals = admission(vm, { [key]: overrides[key] })
      .map(violation => violation.message)
      .filter(message => !baseMessages.has(message));
    refusals.forEach(message => attributed.add(message));
    if (refusals.length > 0) {
      overrideProblems[row.id] = withCode(
        `The VM KubeVirt would get is refused: ${refusals.join('; ')}`,
        SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
      );
    }
  }
  for (const violation of admission(vm, overrides)) {
    if (
      baseMessages.has(violation.message) ||
      attributed.has(violation.message)
    ) {
      continue;
    }
    overrideGeneral.push(
      withCode(
        `Together the overrides give a VM KubeVirt refuses: ${violation.message}`,
        SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
      ),
    );
  }
  return {
    problems,
    overrideProblems,
    overrideGeneral,
    warnings: shape.warnings,
    values,
    overrides,
  };
}

/** The form's values of a size; a request equal to its limit shows empty ("= limit"). */
export function fieldsOfSize(size?: ShepherdInstanceSize): SizeFields {
  const request = (value: number, limit: number) =>
    value === limit ? '' : String(value);
  return {
    name: size?.name ?? '',
    displayName: size?.displayName ?? '',
    description: size?.description ?? '',
    catalogScope: size?.catalogScope ?? 'unclassified',
    enabled: size?.enabled ?? true,
    sortOrder: size ? String(size.sortOrder) : '',
    cpuCores: size ? String(size.cpuCores) : '',
    cpuRequest: size ? request(size.cpuRequest, size.cpuCores) : '',
    memoryGi: size ? String(size.memoryGi) : '',
    memoryRequestGi: size ? request(size.memoryRequestGi, size.memoryGi) : '',
    diskGb: size ? String(size.diskGb) : '',
    dedicatedCpu: size?.dedicatedCpu ?? false,
    requiresGpu: size?.requiresGpu ?? false,
    requiresSriov: size?.requiresSriov ?? false,
    requiresHugepages: size?.requiresHugepages ?? false,
    hugepagesSize: (size?.hugepagesSize as HugepagesSize | undefined) ?? '',
    overrides: Object.entries(size?.specOverrides ?? {}).map(([key, value]) =>
      overrideRow(key, JSON.stringify(value)),
    ),
  };
}

/** Sizes in the order requesters see them: by sort order, then name. */
export function bySortOrder(
  a: Pick<ShepherdInstanceSize, 'sortOrder' | 'name'>,
  b: Pick<ShepherdInstanceSize, 'sortOrder' | 'name'>,
): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);
}
