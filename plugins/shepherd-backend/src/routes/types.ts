import { createOpenApiRouter } from '../schema/openapi';

/** The typed, validating router every route module registers on. */
export type ShepherdApiRouter = ReturnType<typeof createOpenApiRouter>;
