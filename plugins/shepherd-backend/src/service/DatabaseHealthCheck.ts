import { Knex } from 'knex';
import { ShepherdDatabaseHealth } from '@kubevirt-shepherd/plugin-shepherd-common';
import { databaseEngineOf } from '../database/engine';
import { listAppliedMigrations } from '../database/migrations';

/** How long the check waits for the database before it reports it unreachable. */
export const DATABASE_CHECK_TIMEOUT_MS = 5_000;

class DatabaseCheckTimeoutError extends Error {}

/**
 * Checks that the plugin's database answers and that its schema matches the migrations
 * shipped with this version of the plugin.
 */
export class DatabaseHealthCheck {
  readonly #knex: Knex;
  readonly #shippedMigrations: readonly string[];
  readonly #timeoutMs: number;

  constructor(options: {
    knex: Knex;
    shippedMigrations: readonly string[];
    timeoutMs?: number;
  }) {
    this.#knex = options.knex;
    this.#shippedMigrations = options.shippedMigrations;
    this.#timeoutMs = options.timeoutMs ?? DATABASE_CHECK_TIMEOUT_MS;
  }

  async check(): Promise<ShepherdDatabaseHealth> {
    const engine = databaseEngineOf(this.#knex);
    try {
      return await this.#withTimeout(async () => {
        const startedAt = performance.now();
        await this.#knex.raw('select 1');
        const latencyMs =
          Math.round((performance.now() - startedAt) * 100) / 100;

        const applied = await listAppliedMigrations(this.#knex);
        const appliedSet = new Set(applied);
        const pending = this.#shippedMigrations.filter(
          name => !appliedSet.has(name),
        ).length;
        return {
          status: pending === 0 ? 'ok' : 'error',
          engine,
          latencyMs,
          migrations: {
            applied: applied.length,
            pending,
            latest: applied.at(-1),
          },
          ...(pending > 0 && {
            message: `${pending} database migration(s) have not been applied`,
          }),
        };
      });
    } catch (error) {
      return { status: 'error', engine, message: describeFailure(error) };
    }
  }

  async #withTimeout<T>(work: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DatabaseCheckTimeoutError()),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * A message safe to show to any signed-in user: driver messages can carry host names, user
 * names or connection strings, so only the error code is passed on.
 */
function describeFailure(error: unknown): string {
  if (error instanceof DatabaseCheckTimeoutError) {
    return 'The database did not answer in time';
  }
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : undefined;
  return code
    ? `The database query failed (${code})`
    : 'The database query failed';
}
