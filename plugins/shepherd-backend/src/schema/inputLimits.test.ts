import {
  POSTGRES_INTEGER_MAX,
  SHEPHERD_INPUT_LIMITS,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { spec } from './openapi';

type Schema = Record<string, any>;

/** The pattern of an id: a UUID, as the stores check it (isUuid). */
const UUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A schema or parameter with its `$ref` followed, its own keywords over the target's. */
function resolve(node: Schema): Schema {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    const { $ref, ...own } = current;
    const target = ($ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce((at: any, key) => at[key], spec);
    current = { ...target, ...own };
  }
  return current;
}

const schemas = spec.components.schemas as Record<string, Schema>;
const parameters = spec.components.parameters as Record<string, Schema>;

/** Every input of every operation: its parameters' schemas and its request bodies. */
function operationInputs(): Array<[where: string, schema: Schema]> {
  const inputs: Array<[string, Schema]> = [];
  for (const [path, item] of Object.entries(spec.paths) as Array<
    [string, Schema]
  >) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const operationParameters = [
        ...((item.parameters as Schema[]) ?? []),
        ...((operation.parameters as Schema[]) ?? []),
      ].map(resolve);
      for (const parameter of operationParameters) {
        inputs.push([
          `${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`,
          parameter.schema,
        ]);
      }
      const body = operation.requestBody as Schema | undefined;
      for (const media of Object.values(body?.content ?? {}) as Schema[]) {
        inputs.push([`${method.toUpperCase()} ${path} body`, media.schema]);
      }
    }
  }
  return inputs;
}

/** The places under `where` where a value has no upper bound, or one beyond an int32. */
function unbounded(where: string, node: Schema): string[] {
  const schema = resolve(node);
  const types: string[] = [schema.type ?? []].flat();
  const problems: string[] = [];
  if (schema.enum) return problems;
  if (types.includes('string') && schema.maxLength === undefined) {
    problems.push(`${where}: a string without maxLength`);
  }
  if (types.includes('number') || types.includes('integer')) {
    if (schema.maximum === undefined) {
      problems.push(`${where}: a number without maximum`);
    } else if (schema.maximum > POSTGRES_INTEGER_MAX) {
      problems.push(`${where}: a maximum beyond an integer column`);
    }
  }
  if (types.includes('array')) {
    if (schema.maxItems === undefined) {
      problems.push(`${where}: an array without maxItems`);
    }
    problems.push(...unbounded(`${where}[]`, schema.items));
  }
  if (types.includes('object')) {
    if (
      schema.additionalProperties !== false &&
      schema.maxProperties === undefined
    ) {
      problems.push(`${where}: an open object without maxProperties`);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      problems.push(...unbounded(`${where}.${name}`, property as Schema));
    }
  }
  if (types.length === 0) {
    problems.push(`${where}: a value without a type`);
  }
  return problems;
}

describe('Bounds of the API input in the OpenAPI spec', () => {
  it('bounds every number, string, array and open object an operation takes', () => {
    const inputs = operationInputs();
    expect(inputs.length).toBeGreaterThan(100);
    expect(
      inputs.flatMap(([where, schema]) => unbounded(where, schema)),
    ).toEqual([]);
  });

  it('takes every id of a path or a body as a UUID, and filters by ids of at most 64 characters', () => {
    const ids = operationInputs().flatMap(([where, node]) => {
      const schema = resolve(node);
      const named = (name: string, value: Schema) =>
        /(^|\.| )(id|[a-zA-Z]+Id)$/.test(name) ? [[name, value]] : [];
      if (schema.type === 'object') {
        return Object.entries(schema.properties ?? {}).flatMap(([name, v]) =>
          named(`${where}.${name}`, v as Schema),
        );
      }
      return named(where, node);
    }) as Array<[string, Schema]>;
    const filters = ids.filter(
      ([where]) =>
        / query /.test(where) &&
        // The audit log's resource ids are also names (AuditFilterText).
        !where.endsWith(' query resourceId'),
    );
    const others = ids.filter(([where]) => !/ query /.test(where));
    expect(others.length).toBeGreaterThan(30);
    expect(
      others
        .filter(([, schema]) => resolve(schema).pattern !== UUID_PATTERN)
        .map(([where]) => where),
    ).toEqual([]);
    expect(filters.length).toBeGreaterThan(5);
    expect(
      filters
        .filter(
          ([, schema]) =>
            !(
              resolve(schema).maxLength <=
              SHEPHERD_INPUT_LIMITS.idFilterMaxLength
            ),
        )
        .map(([where]) => where),
    ).toEqual([]);
  });

  it("states the product's limits, as shepherd-common has them", () => {
    const limits = SHEPHERD_INPUT_LIMITS;
    expect({
      cpuCoresMax: schemas.CpuAmount.maximum,
      memoryGiMax: schemas.MemoryAmount.maximum,
      diskGbMax: schemas.DiskAmount.maximum,
      diskTargetMax: schemas.DiskTarget.maximum,
      sortOrderMax: schemas.SortOrder.maximum,
      sortOrderMin: schemas.SortOrder.minimum,
      pageOffsetMax: parameters.Offset.schema.maximum,
      pageSizeMax: parameters.Limit.schema.maximum,
      consoleGrantMinutesMax: schemas.GrantMinutes.maximum,
      idFilterMaxLength: schemas.IdFilter.maxLength,
      freeTextMaxLength: schemas.FreeText.maxLength,
      nameMaxLength: schemas.Name.maxLength,
      catalogNameMaxLength: schemas.CatalogName.maxLength,
      confirmationNameMaxLength: schemas.ConfirmationName.maxLength,
      entityRefMaxLength: schemas.EntityRef.maxLength,
      namespaceMaxLength: schemas.NamespaceName.maxLength,
      storageClassMaxLength: schemas.StorageClassName.maxLength,
      searchMaxLength: schemas.SearchText.maxLength,
      auditFilterMaxLength: schemas.AuditFilterText.maxLength,
      cloudInitMaxLength: schemas.CloudInit.maxLength,
      kubeconfigMaxLength: schemas.Kubeconfig.maxLength,
      specOverridesMaxProperties: schemas.SpecOverrides.maxProperties,
      specOverrideKeyMaxLength: schemas.SpecOverrides.propertyNames.maxLength,
      specReplacementMaxProperties: schemas.VmSpecReplacement.maxProperties,
      specFieldNameMaxLength: schemas.VmSpecReplacement.propertyNames.maxLength,
    }).toEqual({
      cpuCoresMax: limits.cpuCoresMax,
      memoryGiMax: limits.memoryGiMax,
      diskGbMax: limits.diskGbMax,
      diskTargetMax: limits.diskGbMax,
      sortOrderMax: limits.sortOrderMax,
      sortOrderMin: -limits.sortOrderMax,
      pageOffsetMax: limits.pageOffsetMax,
      pageSizeMax: limits.pageSizeMax,
      consoleGrantMinutesMax: limits.consoleGrantMinutesMax,
      idFilterMaxLength: limits.idFilterMaxLength,
      freeTextMaxLength: limits.freeTextMaxLength,
      nameMaxLength: limits.nameMaxLength,
      catalogNameMaxLength: limits.nameMaxLength,
      confirmationNameMaxLength: limits.nameMaxLength,
      entityRefMaxLength: limits.entityRefMaxLength,
      namespaceMaxLength: limits.namespaceMaxLength,
      storageClassMaxLength: limits.storageClassMaxLength,
      searchMaxLength: limits.searchMaxLength,
      auditFilterMaxLength: limits.auditFilterMaxLength,
      cloudInitMaxLength: limits.cloudInitMaxLength,
      kubeconfigMaxLength: limits.kubeconfigMaxLength,
      specOverridesMaxProperties: limits.specOverridesMaxProperties,
      specOverrideKeyMaxLength: limits.specOverrideKeyMaxLength,
      specReplacementMaxProperties: limits.specReplacementMaxProperties,
      specFieldNameMaxLength: limits.specFieldNameMaxLength,
    });
  });

  it('keeps the stored amounts of the largest VM within integer columns', () => {
    const { cpuCoresMax, memoryGiMax, diskGbMax } = SHEPHERD_INPUT_LIMITS;
    // CPU is stored in millicores, memory in MiB, disks in GiB.
    expect(cpuCoresMax * 1000).toBeLessThanOrEqual(POSTGRES_INTEGER_MAX);
    expect(memoryGiMax * 1024).toBeLessThanOrEqual(POSTGRES_INTEGER_MAX);
    expect(diskGbMax).toBeLessThanOrEqual(POSTGRES_INTEGER_MAX);
  });
});
