import { createMigratedStores } from '../../__testUtils__/migratedStores';

describe('DatabaseServicesStore', () => {
  const databases = createMigratedStores();

  it.each(databases.eachSupportedId())(
    'finds the Services whose VM names read alike, oldest first, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const ab = await fixtures.system({ name: 'a-b' });
      const a = await fixtures.system({ name: 'a' });
      const abc = await fixtures.system({ name: 'a-b-c' });
      const younger = await fixtures.service(a, {
        name: 'b-c',
        createdAt: '2026-11-02T00:00:00.000Z',
      });
      const older = await fixtures.service(ab, {
        name: 'c',
        createdAt: '2026-11-01T00:00:00.000Z',
      });
      await fixtures.service(abc, { name: 'c' });
      await fixtures.service(ab, { name: 'cd' });

      expect(await store.services.listByVmNameStem('a-b-c')).toEqual([
        { id: older.id, createdAt: '2026-11-01T00:00:00.000Z' },
        { id: younger.id, createdAt: '2026-11-02T00:00:00.000Z' },
      ]);
      expect(await store.services.listByVmNameStem('x-y')).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'skips an instance index only if no approval took it meanwhile, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const service = await fixtures.service(await fixtures.system());
      expect(await store.services.skipInstanceIndex(service.id, 1)).toBe(true);
      expect((await store.services.get(service.id))?.nextInstanceIndex).toBe(2);
      // Index 1 is gone already: nothing moves.
      expect(await store.services.skipInstanceIndex(service.id, 1)).toBe(false);
      expect(await store.services.takeInstanceIndex(service.id)).toBe(2);
    },
  );
});
