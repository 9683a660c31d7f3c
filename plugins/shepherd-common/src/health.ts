/**
 * Overall state of the Shepherd backend: `ok` when every check passes, `degraded` otherwise.
 *
 * @public
 */
export type ShepherdHealthStatus = 'ok' | 'degraded';

/** @public */
export type ShepherdCheckStatus = 'ok' | 'error';

/**
 * The database check of `GET /api/shepherd/health`.
 *
 * @public
 */
export interface ShepherdDatabaseHealth {
  status: ShepherdCheckStatus;
  /** The database engine behind the plugin's knex client. */
  engine: 'sqlite' | 'postgres' | 'mysql' | 'unknown';
  /** Round-trip time of a trivial query, in milliseconds. */
  latencyMs?: number;
  migrations?: {
    /** Number of migrations applied to the plugin's database. */
    applied: number;
    /** Number of migrations shipped with the plugin that are not applied yet. */
    pending: number;
    /** File name of the newest applied migration. */
    latest?: string;
  };
  /** Set when `status` is `error`; never contains connection strings or credentials. */
  message?: string;
}

/**
 * A VM provider registered with the backend through the provider extension point.
 *
 * @public
 */
export interface ShepherdProviderHealth {
  type: string;
}

/**
 * Response of `GET /api/shepherd/health`.
 *
 * @public
 */
export interface ShepherdHealth {
  status: ShepherdHealthStatus;
  checkedAt: string;
  version: string;
  database: ShepherdDatabaseHealth;
  providers: ShepherdProviderHealth[];
}
