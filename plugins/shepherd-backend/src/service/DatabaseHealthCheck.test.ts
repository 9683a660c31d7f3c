import knexFactory, { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  MIGRATIONS_DIRECTORY,
  listShippedMigrations,
} from '../database/migrations';
import { DatabaseHealthCheck } from './DatabaseHealthCheck';

describe('DatabaseHealthCheck', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'reports a migrated database healthy, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
      const shippedMigrations = await listShippedMigrations();

      const result = await new DatabaseHealthCheck({
        knex,
        shippedMigrations,
      }).check();

      expect(result).toEqual({
        status: 'ok',
        engine: databaseId === 'SQLITE_3' ? 'sqlite' : 'postgres',
        latencyMs: expect.any(Number),
        migrations: {
          applied: shippedMigrations.length,
          pending: 0,
          latest: shippedMigrations.at(-1),
        },
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'reports pending migrations as an error, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const shippedMigrations = await listShippedMigrations();

      const result = await new DatabaseHealthCheck({
        knex,
        shippedMigrations,
      }).check();

      expect(result).toMatchObject({
        status: 'error',
        migrations: { applied: 0, pending: shippedMigrations.length },
        message: `${shippedMigrations.length} database migration(s) have not been applied`,
      });
      // The check only reads: it must not create knex's bookkeeping table.
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
      await knex.destroy();
    },
  );

  it('reports an unreachable database without leaking connection details', async () => {
    const knex = knexFactory({
      client: 'pg',
      connection:
        'postgresql://shepherd:s3cret-password@127.0.0.1:1/shepherd_missing',
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 2_000,
    });

    const result = await new DatabaseHealthCheck({
      knex,
      shippedMigrations: ['20261123000000_audit_logs.js'],
    }).check();

    expect(result).toEqual({
      status: 'error',
      engine: 'postgres',
      message: 'The database query failed (ECONNREFUSED)',
    });
    expect(JSON.stringify(result)).not.toContain('s3cret-password');
    await knex.destroy();
  });

  it('gives up on a database that does not answer in time', async () => {
    jest.useFakeTimers();
    try {
      const hangingKnex = {
        client: { config: { client: 'pg' } },
        raw: () => new Promise(() => {}),
      } as unknown as Knex;

      const pending = new DatabaseHealthCheck({
        knex: hangingKnex,
        shippedMigrations: [],
        timeoutMs: 5_000,
      }).check();
      await jest.advanceTimersByTimeAsync(5_000);

      await expect(pending).resolves.toEqual({
        status: 'error',
        engine: 'postgres',
        message: 'The database did not answer in time',
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
