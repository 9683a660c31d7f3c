import { ShepherdApiSchema } from './schema';

/**
 * Overall state of the Shepherd backend: `ok` when every check passes, `degraded` otherwise.
 *
 * @public
 */
export type ShepherdHealthStatus = ShepherdHealth['status'];

/** @public */
export type ShepherdCheckStatus = ShepherdDatabaseHealth['status'];

/**
 * The database check of `GET /api/shepherd/health`: reachability, round-trip time of a
 * trivial query, applied and pending migrations; its message never contains connection
 * strings or credentials.
 *
 * @public
 */
export type ShepherdDatabaseHealth = ShepherdApiSchema<'DatabaseHealth'>;

/**
 * A VM provider registered with the backend through the provider extension point.
 *
 * @public
 */
export type ShepherdProviderHealth = ShepherdApiSchema<'ProviderHealth'>;

/**
 * Response of `GET /api/shepherd/health`.
 *
 * @public
 */
export type ShepherdHealth = ShepherdApiSchema<'Health'>;
