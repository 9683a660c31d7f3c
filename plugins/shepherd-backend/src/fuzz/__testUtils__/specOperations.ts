import { spec } from '../../schema/openapi';

/*
 * The operations of the Shepherd API as the fuzzer sees them, read from the generated spec
 * constant (openapi.yaml), so that an operation added to the spec is fuzzed without a change
 * here: its method and path, its path and query parameters and its JSON body's schema, with
 * every `$ref` of the spec's components resolved.
 */

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The JSON Schema keywords the spec uses (OpenAPI 3.1). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  /** The path as the spec writes it, e.g. `/v1/systems/{systemId}`. */
  path: string;
  pathParameters: SpecParameter[];
  queryParameters: SpecParameter[];
  /** The JSON request body, when the operation takes one. */
  body?: { required: boolean; schema: JsonSchema };
}

type SpecNode = Record<string, any>;

/** The component a `#/components/...` reference names. */
function dereference(node: SpecNode): SpecNode {
  let current = node;
  const seen = new Set<string>();
  while (typeof current?.$ref === 'string') {
    const ref: string = current.$ref;
    if (seen.has(ref)) throw new Error(`Circular reference ${ref}`);
    seen.add(ref);
    if (!ref.startsWith('#/')) throw new Error(`External reference ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<SpecNode>((parent, key) => parent?.[key], spec as SpecNode);
    if (!current) throw new Error(`Unresolved reference ${ref}`);
  }
  return current;
}

/** A schema with its own `$ref` resolved (nested ones are resolved as they are reached). */
export function resolveSchema(schema: JsonSchema): JsonSchema {
  return dereference(schema as SpecNode) as JsonSchema;
}

function parameterOf(node: SpecNode): SpecParameter {
  const parameter = dereference(node);
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    schema: parameter.schema ?? { type: 'string' },
  };
}

/** Every operation of the spec, in the spec's order. */
export function specOperations(): SpecOperation[] {
  return Object.entries(spec.paths as Record<string, SpecNode>).flatMap(
    ([path, pathItem]) => {
      const shared: SpecNode[] = pathItem.parameters ?? [];
      return HTTP_METHODS.filter(method => pathItem[method]).map(method => {
        const operation = pathItem[method] as SpecNode;
        const parameters = [...shared, ...(operation.parameters ?? [])].map(
          parameterOf,
        );
        const requestBody = operation.requestBody
          ? dereference(operation.requestBody)
          : undefined;
        const jsonSchema = requestBody?.content?.['application/json']?.schema;
        return {
          operationId:
            operation.operationId ?? `${method.toUpperCase()} ${path}`,
          method,
          path,
          pathParameters: parameters.filter(p => p.in === 'path'),
          queryParameters: parameters.filter(p => p.in === 'query'),
          body: jsonSchema
            ? { required: requestBody?.required === true, schema: jsonSchema }
            : undefined,
        };
      });
    },
  );
}
