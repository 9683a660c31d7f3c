import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/** The PostgreSQL that store and queue tests use unless told otherwise (trust auth). */
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

/**
 * The test databases of every store and queue test: SQLite always, and PostgreSQL from
 * `SHEPHERD_TEST_POSTGRES_URL` (default: the local server on 127.0.0.1:5432).
 *
 * PostgreSQL is never skipped silently: an unreachable server fails the tests that use it.
 * Only `SHEPHERD_TEST_SKIP_POSTGRES=1` leaves it out, on purpose. Docker is never used.
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (process.env.SHEPHERD_TEST_SKIP_POSTGRES !== '1') {
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
      process.env.SHEPHERD_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
    ids.push('POSTGRES_15');
  }
  return TestDatabases.create({ ids, disableDocker: true });
}
