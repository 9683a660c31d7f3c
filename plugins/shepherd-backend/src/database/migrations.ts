import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import { Knex } from 'knex';

/** Where the plugin's knex migrations live, in source checkouts and in published builds. */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@kubevirt-shepherd/plugin-shepherd-backend',
  'migrations',
);

/** The table in which knex records applied migrations (knex's default name). */
const MIGRATIONS_TABLE = 'knex_migrations';

/**
 * Brings the plugin's database schema up to date, unless the deployment manages migrations
 * itself (`backend.database.plugin.shepherd.skipMigrations` / `database.migrations.skip`).
 */
export async function applyDatabaseMigrations(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  }
  return knex;
}

/** File names of the migrations shipped with this version of the plugin, oldest first. */
export async function listShippedMigrations(
  directory: string = MIGRATIONS_DIRECTORY,
): Promise<string[]> {
  const entries = await fs.readdir(directory);
  return entries.filter(name => /^\d+_.+\.js$/.test(name)).sort();
}

/**
 * Names of the migrations applied to the database, oldest first; empty when none ever ran.
 * Read-only: unlike `knex.migrate.list()`, it neither creates the bookkeeping table nor fails
 * when the database already holds migrations of a newer plugin version.
 */
export async function listAppliedMigrations(knex: Knex): Promise<string[]> {
  if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) {
    return [];
  }
  const rows: Array<{ name: string }> = await knex(MIGRATIONS_TABLE)
    .select('name')
    .orderBy('id');
  return rows.map(row => row.name);
}
