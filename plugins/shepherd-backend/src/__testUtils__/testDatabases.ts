import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import {
  MIGRATIONS_DIRECTORY,
  listShippedMigrations,
} from '../database/migrations';

/** The PostgreSQL that store and queue tests use unless told otherwise (trust auth). */
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';
const POSTGRES_URL_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/** Databases of migrated schemas are cloned from a template named after the migrations. */
const TEMPLATE_PREFIX = 'shepherd_test_template_';
/** Clones are named so that a run that was killed can be told from the server's own. */
const CLONE_PREFIX = 'shepherd_test_';
/** Serialises building the template between the test processes that run in parallel. */
const TEMPLATE_LOCK_KEY = 7_203_117;
/**
 * Dropping a database waits on the server; under load (two cores, a portal and a browser
 * beside the tests) a file's databases take longer than Backstage's 60-second shutdown hook.
 */
const DROP_TIMEOUT_MS = 10 * 60_000;

/** Test databases, fresh or with the plugin's schema already in place. */
export interface ShepherdTestDatabases {
  eachSupportedId(): Array<[TestDatabaseId]>;
  /** A fresh, empty database (for tests of the migrations themselves). */
  init(id: TestDatabaseId): Promise<Knex>;
  /** A fresh database holding the plugin's migrated schema and no rows. */
  initMigrated(id: TestDatabaseId): Promise<Knex>;
}

/**
 * The test databases of every store and queue test: SQLite always, and PostgreSQL from
 * `SHEPHERD_TEST_POSTGRES_URL` (default: the local server on 127.0.0.1:5432).
 *
 * PostgreSQL is never skipped silently: an unreachable server fails the tests that use it.
 * Only `SHEPHERD_TEST_SKIP_POSTGRES=1` leaves it out, on purpose. Docker is never used.
 *
 * Migrated PostgreSQL databases are clones of a template migrated once (per set of
 * migrations, shared by runs and test processes): migrating takes seconds per database
 * on a busy machine, cloning a fraction of that. Clones are dropped together after the
 * file's tests, under a timeout that allows for a busy server.
 */
export function createTestDatabases(): ShepherdTestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (process.env.SHEPHERD_TEST_SKIP_POSTGRES !== '1') {
    process.env[POSTGRES_URL_VARIABLE] ??=
      process.env.SHEPHERD_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
    ids.push('POSTGRES_15');
  }
  const databases = TestDatabases.create({ ids, disableDocker: true });
  const clones: Array<{ name: string; knex: Knex }> = [];
  afterAll(async () => {
    const dropping = clones.splice(0);
    if (dropping.length === 0) return;
    await Promise.all(dropping.map(clone => clone.knex.destroy()));
    await withAdminConnection(admin =>
      Promise.all(
        dropping.map(clone =>
          admin
            .raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [clone.name])
            .catch(() => {}),
        ),
      ),
    );
  }, DROP_TIMEOUT_MS);

  return {
    eachSupportedId: () => databases.eachSupportedId(),
    init: id => databases.init(id),
    async initMigrated(id) {
      if (id !== 'POSTGRES_15') {
        const knex = await databases.init(id);
        await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
        return knex;
      }
      const template = await migratedTemplate();
      const name = `${CLONE_PREFIX}${Date.now()}_${randomBytes(6).toString(
        'hex',
      )}`;
      await withAdminConnection(admin =>
        admin.raw('CREATE DATABASE ?? TEMPLATE ??', [name, template]),
      );
      const knex = connect(name, { min: 0, max: 5 });
      clones.push({ name, knex });
      return knex;
    },
  };
}

let templateName: Promise<string> | undefined;

/** The template of this set of migrations, built by the first test process that needs it. */
function migratedTemplate(): Promise<string> {
  templateName ??= buildTemplate().catch(error => {
    templateName = undefined;
    throw error;
  });
  return templateName;
}

async function buildTemplate(): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${await migrationsFingerprint()}`;
  // One connection holds the session lock while the template is checked and built.
  const admin = connect('postgres', { min: 1, max: 1 });
  try {
    await admin.raw('SELECT pg_advisory_lock(?)', [TEMPLATE_LOCK_KEY]);
    const existing = await admin('pg_database')
      .where('datname', name)
      .first('datname');
    if (existing) return name;
    const building = `${name}_building`;
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [building]);
    await admin.raw('CREATE DATABASE ??', [building]);
    const knex = connect(building, { min: 0, max: 1 });
    try {
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    } finally {
      await knex.destroy();
    }
    // Renamed only once complete: a process killed while building leaves no template.
    await admin.raw('ALTER DATABASE ?? RENAME TO ??', [building, name]);
    // Templates of earlier migrations are of no further use.
    const stale = await admin('pg_database')
      .where('datname', 'like', `${TEMPLATE_PREFIX}%`)
      .whereNot('datname', name)
      .pluck('datname');
    for (const old of stale) {
      await admin.raw('DROP DATABASE IF EXISTS ??', [old]).catch(() => {});
    }
    return name;
  } finally {
    await admin
      .raw('SELECT pg_advisory_unlock(?)', [TEMPLATE_LOCK_KEY])
      .catch(() => {});
    await admin.destroy();
  }
}

/** A hash of the migration files' names and contents. */
async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listShippedMigrations()) {
    hash.update(file);
    hash.update(readFileSync(join(MIGRATIONS_DIRECTORY, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function withAdminConnection<T>(
  work: (admin: Knex) => Promise<T>,
): Promise<T> {
  const admin = connect('postgres', { min: 0, max: 4 });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

function connect(database: string, pool: Knex.PoolConfig): Knex {
  const url = new URL(process.env[POSTGRES_URL_VARIABLE]!);
  url.pathname = `/${database}`;
  return knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { acquireTimeoutMillis: 60_000, ...pool },
  });
}
