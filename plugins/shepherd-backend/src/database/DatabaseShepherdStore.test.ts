import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { FIXED_NOW } from '../__testUtils__/fixtures';
import { createMigratedStores } from './__testUtils__/migratedStores';

describe('DatabaseShepherdStore', () => {
  const databases = createMigratedStores();

  it.each(databases.eachSupportedId())(
    'round-trips Systems, Services and members with their timestamps, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const system = await fixtures.system({
        name: 'payments',
        description: 'Money',
        members: [['group:default/team-payments', 'owner']],
      });
      const service = await fixtures.service(system, { name: 'api' });

      expect(await store.systems.getByName('payments')).toEqual(system);
      expect(await store.services.get(service.id)).toEqual(service);
      const members = await store.members.listForSystem(system.id);
      expect(members).toEqual([
        expect.objectContaining({
          memberRef: 'group:default/team-payments',
          role: 'owner',
          createdAt: FIXED_NOW,
        }),
      ]);
      const page = await store.services.list({
        offset: 0,
        limit: 10,
        search: 'AP',
      });
      expect(page.totalItems).toBe(1);
      expect(page.items[0].systemName).toBe('payments');
    },
  );

  it.each(databases.eachSupportedId())(
    'hands out every instance index once, even to concurrent callers, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const service = await fixtures.service(await fixtures.system());

      const indexes = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.transaction(tx => tx.services.takeInstanceIndex(service.id)),
        ),
      );

      expect([...indexes].sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      expect((await store.services.get(service.id))?.nextInstanceIndex).toBe(9);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a second pending ticket with the same target in the database, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const service = await fixtures.service(await fixtures.system());
      const first = await fixtures.ticket(service, {
        dedupeKey: 'vm-1:DELETE',
      });

      const failure = await fixtures
        .ticket(service, { dedupeKey: 'vm-1:DELETE' })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isDatabaseConflictError(failure)).toBe(true);
      expect((await store.tickets.findPending('vm-1:DELETE'))?.id).toBe(
        first.id,
      );

      // Once the first one is decided, the same target can be requested again.
      await store.tickets.transition(first.id, ['PENDING'], {
        status: 'CANCELLED',
        updatedAt: FIXED_NOW,
      });
      await expect(
        fixtures.ticket(service, { dedupeKey: 'vm-1:DELETE' }),
      ).resolves.toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'lets only one of two concurrent decisions win, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const ticket = await fixtures.ticket(
        await fixtures.service(await fixtures.system()),
      );

      const outcomes = await Promise.all([
        store.transaction(tx =>
          tx.tickets.transition(ticket.id, ['PENDING'], {
            status: 'APPROVED',
            approver: 'user:default/approver',
            updatedAt: FIXED_NOW,
          }),
        ),
        store.transaction(tx =>
          tx.tickets.transition(ticket.id, ['PENDING'], {
            status: 'REJECTED',
            approver: 'user:default/other',
            updatedAt: FIXED_NOW,
          }),
        ),
      ]);

      expect(outcomes.filter(Boolean)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'never reads cluster credentials with the cluster, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const cluster = await fixtures.cluster({
        featureGates: ['LiveMigration'],
        storageClasses: ['fast', 'standard'],
      });

      const read = await store.clusters.get(cluster.id);
      expect(read).toEqual(cluster);
      expect(JSON.stringify(read)).not.toContain('ciphertext');
      expect(await store.clusters.getCredentials(cluster.id)).toEqual({
        encryptedKubeconfig: 'ciphertext',
        encryptionKeyId: 'k1',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps half CPU cores and half GiB exact, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const size = await fixtures.instanceSize({
        cpuCores: 1.5,
        cpuRequest: 0.5,
        memoryGi: 2.5,
        memoryRequestGi: 1.5,
        specOverrides: {
          'spec.template.spec.domain.cpu.model': 'host-passthrough',
        },
      });
      expect(await store.instanceSizes.get(size.id)).toEqual(size);
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls a unit of work back entirely when it fails, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const system = await fixtures.system();

      await expect(
        store.transaction(async tx => {
          await tx.systems.update(system.id, {
            description: 'changed',
            updatedAt: FIXED_NOW,
          });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');

      expect((await store.systems.get(system.id))?.description).toBe('');
    },
  );
});
