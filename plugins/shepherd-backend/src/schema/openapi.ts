import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from './openapi.generated';

export { spec };

/**
 * An Express router typed by, and validating requests against, the Shepherd OpenAPI spec.
 * The spec documents the Backstage token as its security scheme, but authentication stays
 * with Backstage's `httpAuth` (tokens, cookies, service principals), so the validator does
 * not check it.
 */
export function createOpenApiRouter() {
  return createValidatedOpenApiRouter<typeof spec>(spec, {
    validatorOptions: { validateSecurity: false },
  });
}
