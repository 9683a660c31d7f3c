import extracted from './kubevirt-virtualmachine.schema.json';

/** A swagger 2.0 schema, as far as KubeVirt's definitions of a VirtualMachine use it. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: unknown[];
  nullable?: boolean;
}

interface VirtualMachineSchema {
  root: string;
  definitions: Record<string, Schema>;
}

/** Imported, not read from disk, so that builds bundle it. */
const SCHEMA = extracted as unknown as VirtualMachineSchema;

const REF_PREFIX = '#/definitions/';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function check(
  definitions: Record<string, Schema>,
  value: unknown,
  given: Schema,
  path: string,
  violations: string[],
): void {
  const node = given.$ref
    ? definitions[given.$ref.slice(REF_PREFIX.length)]
    : given;
  if (!node) {
    violations.push(`${path}: unknown definition ${given.$ref}`);
    return;
  }
  const actual = typeOf(value);
  if (actual === 'null' && node.nullable) return;
  const types = node.type === undefined ? [] : [node.type].flat();
  if (types.length > 0 && !types.some(type => typeMatches(type, actual))) {
    violations.push(`${path}: expected ${types.join(' or ')}, got ${actual}`);
    return;
  }
  if (node.enum && !node.enum.includes(value)) {
    violations.push(
      `${path}: ${JSON.stringify(value)} is not one of ${node.enum.join(', ')}`,
    );
  }
  if (actual === 'array' && node.items) {
    (value as unknown[]).forEach((item, index) =>
      check(definitions, item, node.items!, `${path}[${index}]`, violations),
    );
  }
  if (actual !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const name of node.required ?? []) {
    if (!(name in object)) violations.push(`${path}.${name}: required`);
  }
  const { properties, additionalProperties } = node;
  for (const [name, child] of Object.entries(object)) {
    const property = properties?.[name];
    if (property) {
      check(definitions, child, property, `${path}.${name}`, violations);
    } else if (typeof additionalProperties === 'object') {
      check(
        definitions,
        child,
        additionalProperties,
        `${path}.${name}`,
        violations,
      );
    } else if (properties) {
      // The API server's strict field validation refuses fields KubeVirt does not define.
      violations.push(`${path}.${name}: unknown field`);
    }
    // An object schema without properties (e.g. `masquerade: {}`) takes any content.
  }
}

/**
 * What in an object KubeVirt's OpenAPI definition of a VirtualMachine refuses: wrong types,
 * values outside an enum, missing required fields and, as the API server's strict field
 * validation does, fields KubeVirt does not define. Empty when the object is a valid
 * VirtualMachine.
 *
 * Tests use it to hold what Shepherd writes to KubeVirt's contract, not to the simulator's
 * leniency (the simulator stores what it is given). The definitions are
 * `kubevirt-virtualmachine.schema.json` beside this file, extracted from KubeVirt's official
 * OpenAPI by `scripts/extract-kubevirt-schema.mjs`.
 *
 * @public
 */
export function virtualMachineSchemaViolations(object: unknown): string[] {
  const violations: string[] = [];
  const { root, definitions } = SCHEMA;
  check(definitions, object, { $ref: `${REF_PREFIX}${root}` }, '', violations);
  return violations;
}
