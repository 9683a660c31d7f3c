import { randomUUID } from 'node:crypto';
import { FIXED_NOW } from '../../../__testUtils__/fixtures';
import { createMigratedStores } from '../../__testUtils__/migratedStores';
import { NewPendingAdoption } from './PendingAdoptionsStore';

const LATER = '2026-11-23T10:05:00.000Z';

describe('DatabasePendingAdoptionsStore', () => {
  const databases = createMigratedStores();

  function adoption(
    clusterId: string,
    overrides: Partial<NewPendingAdoption> = {},
  ): NewPendingAdoption {
    return {
      id: randomUUID(),
      clusterId,
      namespace: 'dev',
      resourceName: 'legacy-db-7',
      resourceType: 'VirtualMachine',
      uid: randomUUID(),
      status: 'PENDING',
      runtimeStatus: 'RUNNING',
      labels: { app: 'legacy-db' },
      size: { cpuCores: 2, memoryGi: 4, diskGb: 30, image: 'quay.io/db:1' },
      discoveredBy: 'service:shepherd',
      createdAt: FIXED_NOW,
      lastSeenAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      ...overrides,
    };
  }

  it.each(databases.eachSupportedId())(
    'keeps one proposal per object, reads it back with its cluster, lists and filters, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const east = await fixtures.cluster({ name: 'east' });
      const west = await fixtures.cluster({ name: 'west' });
      const first = adoption(east.id);
      expect(await store.pendingAdoptions.propose(first)).toBe(true);
      // The same object again (a concurrent scan) is not a second proposal.
      expect(
        await store.pendingAdoptions.propose({ ...first, id: randomUUID() }),
      ).toBe(false);
      // The same name with another uid is another object.
      const replacement = adoption(east.id, { createdAt: LATER });
      expect(await store.pendingAdoptions.propose(replacement)).toBe(true);
      const elsewhere = adoption(west.id, {
        namespace: 'qa',
        resourceName: 'web-1',
      });
      await store.pendingAdoptions.propose(elsewhere);

      expect(await store.pendingAdoptions.get(first.id)).toEqual({
        ...first,
        clusterName: 'east',
      });
      const all = await store.pendingAdoptions.list({ offset: 0, limit: 10 });
      expect(all.totalItems).toBe(3);
      // Newest first.
      expect(all.items[0].id).toBe(replacement.id);
      const ofEast = await store.pendingAdoptions.list({
        offset: 0,
        limit: 10,
        clusterId: east.id,
      });
      expect(ofEast.items.map(item => item.id).sort()).toEqual(
        [first.id, replacement.id].sort(),
      );
      const searched = await store.pendingAdoptions.list({
        offset: 0,
        limit: 10,
        search: 'WEB',
      });
      expect(searched.items.map(item => item.id)).toEqual([elsewhere.id]);
      const inQa = await store.pendingAdoptions.list({
        offset: 0,
        limit: 10,
        namespace: 'qa',
      });
      expect(inQa.items.map(item => item.id)).toEqual([elsewhere.id]);
      expect(
        (await store.pendingAdoptions.listOfCluster(west.id)).map(a => a.id),
      ).toEqual([elsewhere.id]);
    },
  );

  it.each(databases.eachSupportedId())(
    'decides a PENDING adoption once; withdraws and refreshes only PENDING ones, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const cluster = await fixtures.cluster();
      const rejected = adoption(cluster.id);
      const pending = adoption(cluster.id, { resourceName: 'other-vm' });
      await store.pendingAdoptions.propose(rejected);
      await store.pendingAdoptions.propose(pending);

      const decision = {
        status: 'REJECTED' as const,
        decisionReason: 'a lab VM that goes away next week',
        decidedBy: 'user:default/platform-admin',
        decidedAt: LATER,
      };
      expect(await store.pendingAdoptions.decide(rejected.id, decision)).toBe(
        true,
      );
      // A second decision (a concurrent admin) loses.
      expect(
        await store.pendingAdoptions.decide(rejected.id, {
          ...decision,
          status: 'ADOPTED',
        }),
      ).toBe(false);
      expect(await store.pendingAdoptions.get(rejected.id)).toMatchObject({
        status: 'REJECTED',
        decisionReason: decision.decisionReason,
        decidedBy: decision.decidedBy,
        decidedAt: LATER,
        updatedAt: LATER,
      });

      const sighting = {
        runtimeStatus: 'STOPPED' as const,
        labels: {},
        size: { cpuCores: 4 },
        lastSeenAt: LATER,
        updatedAt: LATER,
      };
      await store.pendingAdoptions.recordSighting(rejected.id, sighting);
      await store.pendingAdoptions.recordSighting(pending.id, sighting);
      expect(await store.pendingAdoptions.get(rejected.id)).toMatchObject({
        runtimeStatus: 'RUNNING',
      });
      expect(await store.pendingAdoptions.get(pending.id)).toMatchObject(
        sighting,
      );

      expect(
        await store.pendingAdoptions.withdraw([rejected.id, pending.id]),
      ).toBe(1);
      expect(await store.pendingAdoptions.get(pending.id)).toBeUndefined();
      expect(await store.pendingAdoptions.get(rejected.id)).toBeDefined();
      expect(await store.pendingAdoptions.withdraw([])).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'records an adopted VM without ticket, template or instance size, %p',
    async databaseId => {
      const { store, fixtures } = await databases.open(databaseId);
      const system = await fixtures.system({ name: 'shop' });
      const service = await fixtures.service(system, { name: 'cart' });
      const vm = await fixtures.vm(service, {
        name: 'legacy-db-7',
        instance: '7',
        ticketId: undefined,
        templateId: undefined,
        instanceSizeId: undefined,
      });
      const stored = await store.vms.get(vm.id);
      expect(stored).toMatchObject({ name: 'legacy-db-7', instance: '7' });
      expect(stored?.ticketId).toBeUndefined();
      expect(stored?.templateId).toBeUndefined();
      expect(stored?.instanceSizeId).toBeUndefined();
    },
  );
});
