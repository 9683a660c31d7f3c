import { ShepherdService } from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createMigratedStores } from '../../__testUtils__/migratedStores';
import { ShepherdStore } from '../../ShepherdStore';
import { NewTicket } from './TicketsStore';

const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString();

describe('DatabaseTicketsStore', () => {
  const databases = createMigratedStores();

  async function createStore(databaseId: TestDatabaseId) {
    const { store, fixtures } = await databases.open(databaseId);
    const service = await fixtures.service(await fixtures.system());
    const ticket = (overrides: Partial<NewTicket> = {}) =>
      fixtures.ticket(service, overrides);
    return { store, fixtures, service, ticket };
  }

  const page = { offset: 0, limit: 20 };
  const ids = (tickets: Array<{ id: string }>) => tickets.map(t => t.id);
  /** The ids of the first page of tickets a filter keeps. */
  const listIds = async (store: ShepherdStore, filter: object) =>
    ids((await store.tickets.list({ ...page, ...filter })).items);
  /** Tickets created at the same time, in the order of the list: by id, descending. */
  const sorted = (...tickets: Array<{ id: string }>) =>
    ids(tickets).sort().reverse();

  it.each(databases.eachSupportedId())(
    'lists the newest first, ties by id, and the oldest first on request, %p',
    async databaseId => {
      const { store, ticket } = await createStore(databaseId);
      const [tieA, tieB] = [randomUUID(), randomUUID()].sort();
      const first = await ticket({ createdAt: at(1) });
      await ticket({ id: tieB, createdAt: at(2) });
      await ticket({ id: tieA, createdAt: at(2) });
      const last = await ticket({ createdAt: at(3) });

      const newest = await store.tickets.list(page);
      const oldest = await store.tickets.list({ ...page, oldestFirst: true });
      const second = await store.tickets.list({
        offset: 1,
        limit: 2,
        oldestFirst: true,
      });

      expect(ids(newest.items)).toEqual([last.id, tieB, tieA, first.id]);
      expect(ids(oldest.items)).toEqual([first.id, tieA, tieB, last.id]);
      expect(second).toEqual({
        items: [
          expect.objectContaining({ id: tieA }),
          expect.objectContaining({ id: tieB }),
        ],
        totalItems: 4,
        offset: 1,
        limit: 2,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'orders tickets by a chosen column, ties by id, unnamed VMs last, %p',
    async databaseId => {
      const { store, ticket } = await createStore(databaseId);
      const [idA, idB, idC] = [randomUUID(), randomUUID(), randomUUID()].sort();
      const beta = await ticket({ id: idB, vmName: 'beta', createdAt: at(1) });
      const alpha = await ticket({
        id: idC,
        vmName: 'alpha',
        createdAt: at(3),
      });
      const unnamed = await ticket({ id: idA, createdAt: at(2) });
      const alphaToo = await ticket({
        id: randomUUID(),
        vmName: 'alpha',
        createdAt: at(4),
      });
      const alphas = sorted(alpha, alphaToo);

      expect(await listIds(store, { orderBy: 'vmName' })).toEqual([
        ...[...alphas].reverse(),
        beta.id,
        unnamed.id,
      ]);
      expect(
        await listIds(store, { orderBy: 'vmName', order: 'desc' }),
      ).toEqual([beta.id, ...alphas, unnamed.id]);
      expect(
        await listIds(store, { orderBy: 'createdAt', order: 'asc' }),
      ).toEqual([beta.id, unnamed.id, alpha.id, alphaToo.id]);
      // A chosen column wins over the list's own order (the approval queue's oldest first).
      expect(
        await listIds(store, {
          orderBy: 'createdAt',
          order: 'desc',
          oldestFirst: true,
        }),
      ).toEqual([alphaToo.id, alpha.id, unnamed.id, beta.id]);
    },
  );

  it.each(databases.eachSupportedId())(
    'searches the VM, Service, System, requester and reason in any case, wildcards literally, %p',
    async databaseId => {
      const { store, fixtures, ticket } = await createStore(databaseId);
      const billing = await fixtures.service(
        await fixtures.system({ name: 'finance' }),
        { name: 'billing' },
      );
      const byVm = await ticket({ vmName: 'dev-shop-Cart-01' });
      const byRequester = await ticket({ requester: 'user:default/Zoe' });
      const byReason = await ticket({ reason: 'Load test 100% (ticket_42)' });
      const byNames = await fixtures.ticket(billing);

      const search = (text: string) => listIds(store, { search: text });

      expect(await search('CART')).toEqual([byVm.id]);
      expect(await search('zoe')).toEqual([byRequester.id]);
      expect(await search('100%')).toEqual([byReason.id]);
      expect(await search('ticke__42')).toEqual([]);
      expect(await search('ticket_42')).toEqual([byReason.id]);
      expect(await search('FINANCE')).toEqual([byNames.id]);
      expect(await search('billing')).toEqual([byNames.id]);
      expect(await search('nothing-like-this')).toEqual([]);
      expect(
        await listIds(store, {
          search: 'default',
          requester: 'user:default/Zoe',
        }),
      ).toEqual([byRequester.id]);
    },
  );

  it.each(databases.eachSupportedId())(
    "lists a requester's tickets, or everyone else's, %p",
    async databaseId => {
      const { store, ticket } = await createStore(databaseId);
      const alice = await ticket({ requester: 'user:default/alice' });
      const bob = await ticket({ requester: 'user:default/bob' });
      const carol = await ticket({ requester: 'user:default/carol' });

      const mine = await store.tickets.list({
        ...page,
        requester: 'user:default/alice',
      });
      const others = await store.tickets.list({
        ...page,
        excludeRequester: 'user:default/alice',
        oldestFirst: true,
      });

      expect(ids(mine.items)).toEqual([alice.id]);
      expect(mine.totalItems).toBe(1);
      expect(ids(others.items).sort()).toEqual([bob.id, carol.id].sort());
      expect(others.totalItems).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists tickets of some statuses and operations, %p',
    async databaseId => {
      const { store, ticket } = await createStore(databaseId);
      const pendingCreate = await ticket({ status: 'PENDING' });
      const approvedCreate = await ticket({ status: 'APPROVED' });
      const pendingDelete = await ticket({
        operation: 'DELETE',
        status: 'PENDING',
      });
      const rejectedPower = await ticket({
        operation: 'POWER',
        status: 'REJECTED',
      });

      const list = (filter: object) => listIds(store, filter);

      expect(await list({ statuses: ['PENDING'] })).toEqual(
        sorted(pendingCreate, pendingDelete),
      );
      expect(await list({ statuses: ['APPROVED', 'REJECTED'] })).toEqual(
        sorted(approvedCreate, rejectedPower),
      );
      expect(await list({ operations: ['DELETE', 'POWER'] })).toEqual(
        sorted(pendingDelete, rejectedPower),
      );
      expect(
        await list({ statuses: ['PENDING'], operations: ['CREATE'] }),
      ).toEqual(sorted(pendingCreate));
      expect(await list({ statuses: ['SUCCESS'] })).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the tickets of a System, a Service or a VM; an id of no shape finds none, %p',
    async databaseId => {
      const { store, fixtures, service, ticket } = await createStore(
        databaseId,
      );
      const otherService: ShepherdService = await fixtures.service(
        await fixtures.system(),
      );
      const vmId = randomUUID();
      const ofVm = await ticket({ operation: 'MODIFY', vmId });
      const ofService = await ticket();
      const elsewhere = await fixtures.ticket(otherService, {
        operation: 'MODIFY',
        vmId: randomUUID(),
      });

      const list = (filter: object) => listIds(store, filter);

      expect(await list({ vmId })).toEqual(sorted(ofVm));
      expect(await list({ serviceId: service.id })).toEqual(
        sorted(ofVm, ofService),
      );
      expect(await list({ systemId: otherService.systemId })).toEqual(
        sorted(elsewhere),
      );
      expect(await list({ serviceId: otherService.id, vmId })).toEqual([]);
      for (const filter of [
        { vmId: 'vm-1' },
        { serviceId: 'cart' },
        { systemId: 'shop' },
      ]) {
        expect(await list(filter)).toEqual([]);
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'moves a ticket on only from the statuses given, and says whether it did, %p',
    async databaseId => {
      const { store, fixtures, ticket } = await createStore(databaseId);
      const pending = await ticket({ status: 'PENDING' });
      const template = await fixtures.template();
      const size = await fixtures.instanceSize();
      const decision = {
        status: 'APPROVED' as const,
        approver: 'user:default/approver',
        decisionComment: 'ok',
        clusterId: randomUUID(),
        vmId: randomUUID(),
        vmName: 'dev-shop-cart-01',
        templateSnapshot: template,
        instanceSizeSnapshot: size,
        modifiedSpec: {
          templateId: template.id,
          instanceSizeId: size.id,
          cpuCores: 4,
          cpuRequest: 4,
          memoryGi: 8,
          memoryRequestGi: 8,
          diskGb: 40,
        },
        grantMinutes: 15,
        decidedAt: at(5),
        updatedAt: at(5),
      };

      expect(
        await store.tickets.transition(pending.id, ['APPROVED'], decision),
      ).toBe(false);
      expect(await store.tickets.get(pending.id)).toMatchObject({
        status: 'PENDING',
        updatedAt: pending.updatedAt,
      });
      expect((await store.tickets.get(pending.id))?.approver).toBeUndefined();

      expect(
        await store.tickets.transition(
          pending.id,
          ['PENDING', 'APPROVED'],
          decision,
        ),
      ).toBe(true);
      const { dedupeKey: _key, ...stored } = pending;
      expect(await store.tickets.get(pending.id)).toEqual({
        ...stored,
        ...decision,
      });

      // Fields left undefined stay as they are.
      expect(
        await store.tickets.transition(pending.id, ['APPROVED'], {
          status: 'EXECUTING',
          approver: undefined,
          updatedAt: at(6),
        }),
      ).toBe(true);
      expect(await store.tickets.get(pending.id)).toMatchObject({
        status: 'EXECUTING',
        approver: 'user:default/approver',
        updatedAt: at(6),
      });
      expect(
        await store.tickets.transition(randomUUID(), ['PENDING'], {
          status: 'CANCELLED',
          updatedAt: at(7),
        }),
      ).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets one of concurrent decisions of a ticket win, %p',
    async databaseId => {
      const { store, ticket } = await createStore(databaseId);
      const pending = await ticket({ status: 'PENDING' });

      const outcomes = await Promise.all(
        (['APPROVED', 'REJECTED', 'CANCELLED', 'APPROVED'] as const).map(
          status =>
            store.transaction(tx =>
              tx.tickets.transition(pending.id, ['PENDING'], {
                status,
                updatedAt: at(5),
              }),
            ),
        ),
      );

      expect(outcomes.filter(Boolean)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds the pending ticket of a duplicate key only, %p',
    async databaseId => {
      const { store, ticket } = await createStore(databaseId);
      const key = `DELETE:${randomUUID()}`;
      await ticket({ dedupeKey: key, status: 'REJECTED' });
      const pending = await ticket({ dedupeKey: key, status: 'PENDING' });
      await ticket({ status: 'PENDING' });

      expect((await store.tickets.findPending(key))?.id).toBe(pending.id);
      expect(
        await store.tickets.findPending(`DELETE:${randomUUID()}`),
      ).toBeUndefined();

      await store.tickets.transition(pending.id, ['PENDING'], {
        status: 'APPROVED',
        updatedAt: at(5),
      });
      expect(await store.tickets.findPending(key)).toBeUndefined();
    },
  );
});
