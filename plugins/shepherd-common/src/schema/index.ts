import type { components, operations, paths } from './openapi.generated';

/*
 * Names for the types openapi-typescript generates from the API contract
 * (plugins/shepherd-backend/src/schema/openapi.yaml, see openapi.generated.ts): every model of
 * ../api/types.ts and every request and query type of the clients is one of these.
 */

/** The paths of the Shepherd API with their operations, as the typed client takes them. @public */
export type ShepherdApiPaths = paths;

/** The operations of the Shepherd API by operationId. @public */
export type ShepherdApiOperations = operations;

/** The operationId of an operation of the Shepherd API, e.g. `ListVms`. @public */
export type ShepherdApiOperationId = keyof operations;

/** A schema of the Shepherd API (`components.schemas` of openapi.yaml) by name. @public */
export type ShepherdApiSchema<Name extends keyof components['schemas']> =
  components['schemas'][Name];

/** The query parameters of an operation, e.g. `ShepherdApiQuery<'ListVms'>`. @public */
export type ShepherdApiQuery<Id extends ShepherdApiOperationId> = NonNullable<
  operations[Id]['parameters']['query']
>;

/** The JSON body of an operation's request, e.g. `ShepherdApiRequestBody<'RequestVm'>`. @public */
export type ShepherdApiRequestBody<Id extends ShepherdApiOperationId> =
  NonNullable<operations[Id]['requestBody']> extends {
    content: { 'application/json': infer Body };
  }
    ? Body
    : never;
