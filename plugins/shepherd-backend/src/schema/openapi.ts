import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { spec } from './openapi.generated';
import { canonicalQueryEncoding } from './queryEncoding';

export { spec };

/**
 * An Express router typed by, and validating requests against, the Shepherd OpenAPI spec.
 * The spec documents the Backstage token as its security scheme, but authentication stays
 * with Backstage's `httpAuth` (tokens, cookies, service principals), so the validator does
 * not check it. Query strings reach the validator in one canonical encoding, so that values
 * encoded by any standard client (`+` or `%20` for a space) pass alike.
 */
export function createOpenApiRouter() {
  return createValidatedOpenApiRouter<typeof spec>(spec, {
    // The default middleware (a JSON body parser), then the query's canonical encoding.
    middleware: [express.json(), canonicalQueryEncoding()],
    validatorOptions: { validateSecurity: false },
  });
}
