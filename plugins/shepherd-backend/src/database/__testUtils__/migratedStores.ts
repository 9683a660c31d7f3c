import { TestDatabaseId } from '@backstage/backend-test-utils';
import { Fixtures } from '../../__testUtils__/fixtures';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { DatabaseShepherdStore } from '../DatabaseShepherdStore';

/**
 * The test databases of the tests that use the store directly, each opened with the
 * plugin's schema: `open` gives a fresh database of one engine, its store and fixtures.
 */
export function createMigratedStores() {
  const databases = createTestDatabases();
  return {
    eachSupportedId: () => databases.eachSupportedId(),
    async open(databaseId: TestDatabaseId) {
      const knex = await databases.initMigrated(databaseId);
      const store = new DatabaseShepherdStore(knex);
      return { knex, store, fixtures: new Fixtures(store) };
    },
  };
}
