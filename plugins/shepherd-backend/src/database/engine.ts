import { Knex } from 'knex';
import { ShepherdDatabaseHealth } from '@kubevirt-shepherd/plugin-shepherd-common';

/** The database engine behind a knex client, as named in Shepherd's health report. */
export function databaseEngineOf(knex: Knex): ShepherdDatabaseHealth['engine'] {
  const client = String(knex.client.config.client ?? '');
  if (client.includes('sqlite')) {
    return 'sqlite';
  }
  if (client === 'pg' || client.includes('postgres')) {
    return 'postgres';
  }
  if (client.includes('mysql')) {
    return 'mysql';
  }
  return 'unknown';
}
