import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  MIGRATIONS_DIRECTORY,
  listAppliedMigrations,
  listShippedMigrations,
} from './migrations';

describe('migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'apply and revert one by one, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const shipped = await listShippedMigrations();
      expect(shipped.length).toBeGreaterThan(0);

      for (const name of shipped) {
        await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY, name });
      }
      expect(await listAppliedMigrations(knex)).toEqual(shipped);
      expect(await knex.schema.hasTable('audit_logs')).toBe(true);

      await knex('audit_logs').insert({
        id: '5b7e3f3c-8d1e-4a51-9b0e-3f0c2c8f1a11',
        action: 'system.create',
        outcome: 'success',
        actor: 'user:default/engineer-test',
        resource_type: 'system',
        resource_id: 'payments',
        details: JSON.stringify({ description: 'Payments' }),
      });
      const [row] = await knex('audit_logs').select();
      expect(row).toMatchObject({
        action: 'system.create',
        actor: 'user:default/engineer-test',
        archived_at: null,
      });
      expect(row.created_at).toBeTruthy();

      for (let remaining = shipped.length; remaining > 0; remaining--) {
        await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
      }
      expect(await knex.schema.hasTable('audit_logs')).toBe(false);
      expect(await listAppliedMigrations(knex)).toEqual([]);

      await knex.destroy();
    },
  );
});
