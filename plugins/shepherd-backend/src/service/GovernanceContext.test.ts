import { SignalPayload, SignalsService } from '@backstage/plugin-signals-node';
import {
  SHEPHERD_SIGNAL_CHANNELS,
  ShepherdRecordChange,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { Fixtures, FIXED_NOW } from '../__testUtils__/fixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { AuditRecorder } from './audit/AuditRecorder';
import { ChangeSignaller } from './changes/ChangeSignaller';
import { GovernanceContext } from './GovernanceContext';

describe('GovernanceContext: the changed records of a unit of work', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const told: ShepherdRecordChange[][] = [];
    const store = new DatabaseShepherdStore(knex);
    const logger = mockServices.logger.mock();
    // Backstage's signals service as the plugin gets it: what was published, in order.
    const signalled: SignalPayload[] = [];
    const signals: SignalsService = {
      async publish(signal) {
        signalled.push(signal);
      },
    };
    const signaller = new ChangeSignaller(signals, logger);
    const context = new GovernanceContext({
      store,
      auditRecorder: new AuditRecorder(mockServices.auditor.mock(), logger),
      logger,
      onRecordsChanged: changes => {
        told.push(changes);
      },
      onLiveChanges: changes => signaller.signal(changes),
    });
    // Seeds go around the units of work, so only the tested writes are told.
    return {
      context,
      store,
      told,
      signalled,
      signaller,
      seeds: new Fixtures(store),
    };
  }

  it.each(databases.eachSupportedId())(
    'tells the changes of a unit of work once it has committed, one per record, %p',
    async databaseId => {
      const { context, told, seeds } = await createStore(databaseId);
      const system = await seeds.system({ name: 'payments' });
      const serviceId = randomUUID();

      await context.execute(async ({ tx }) => {
        // Written through the unit of work's stores.
        const writes = new Fixtures(tx);
        await tx.systems.update(system.id, {
          description: 'Money',
          updatedAt: FIXED_NOW,
        });
        await writes.service(system, { id: serviceId, name: 'api' });
        await writes.member(system, 'group:default/team-payments', 'owner');
        // Nothing is told before the commit.
        expect(told).toEqual([]);
      });

      expect(told).toEqual([
        [
          { kind: 'system', id: system.id, change: 'upserted' },
          { kind: 'service', id: serviceId, change: 'upserted' },
        ],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells nothing of a unit of work that rolled back, %p',
    async databaseId => {
      const { context, store, told, seeds } = await createStore(databaseId);
      const system = await seeds.system();

      await expect(
        context.execute(async ({ tx }) => {
          await tx.systems.delete(system.id);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');

      expect(told).toEqual([]);
      expect(await store.systems.get(system.id)).toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts a nested unit of work into the one it joins, %p',
    async databaseId => {
      const { context, told, seeds } = await createStore(databaseId);
      const service = await seeds.service(await seeds.system());

      await context.execute(async ({ tx }) => {
        await tx.transaction(inner =>
          inner.services.update(service.id, {
            description: 'inner',
            updatedAt: FIXED_NOW,
          }),
        );
        expect(told).toEqual([]);
        await tx.services.delete(service.id);
      });

      expect(told).toEqual([
        [{ kind: 'service', id: service.id, change: 'removed' }],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the changes of each unit of work on their own, right after its commit, %p',
    async databaseId => {
      const { context, told, seeds } = await createStore(databaseId);
      const [first, second] = [await seeds.system(), await seeds.system()];

      await context.execute(({ tx }) => tx.systems.delete(first.id));
      expect(told).toEqual([
        [{ kind: 'system', id: first.id, change: 'removed' }],
      ]);
      await context.execute(({ tx }) => tx.systems.delete(second.id));

      expect(told).toEqual([
        [{ kind: 'system', id: first.id, change: 'removed' }],
        [{ kind: 'system', id: second.id, change: 'removed' }],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "tells a change of a member as a change of the member's System, %p",
    async databaseId => {
      const { context, store, told, seeds } = await createStore(databaseId);
      const system = await seeds.system({
        members: [
          ['user:default/alice', 'viewer'],
          ['user:default/bob', 'member'],
        ],
      });
      const [alice, bob] = await store.members.listForSystem(system.id);

      await context.execute(({ tx }) =>
        tx.members.updateRole(alice.id, {
          role: 'owner',
          updatedAt: FIXED_NOW,
        }),
      );
      await context.execute(({ tx }) => tx.members.delete(bob.id));

      expect(told).toEqual([
        [{ kind: 'system', id: system.id, change: 'upserted' }],
        [{ kind: 'system', id: system.id, change: 'upserted' }],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells what a VM is, not the state it is in, %p',
    async databaseId => {
      const { context, told, seeds } = await createStore(databaseId);
      const service = await seeds.service(await seeds.system());
      const vm = await seeds.vm(service, { status: 'STARTING' });

      await context.execute(async ({ tx }) => {
        await tx.vms.update(vm.id, {
          status: 'RUNNING',
          statusMessage: 'Booted',
          updatedAt: FIXED_NOW,
        });
        await tx.vms.recordPoll(vm.id, {
          lastPolledAt: FIXED_NOW,
          polledStatus: 'RUNNING',
          status: 'STOPPED',
          updatedAt: FIXED_NOW,
        });
        await tx.services.takeInstanceIndex(service.id);
      });
      expect(told).toEqual([]);

      await context.execute(({ tx }) =>
        tx.vms.update(vm.id, { cpuCores: 4, updatedAt: FIXED_NOW }),
      );
      await context.execute(({ tx }) => tx.vms.delete(vm.id));

      expect(told).toEqual([
        [{ kind: 'vm', id: vm.id, change: 'upserted' }],
        [{ kind: 'vm', id: vm.id, change: 'removed' }],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'passes reads and the other tables through unchanged, %p',
    async databaseId => {
      const { context, store, told, seeds } = await createStore(databaseId);
      const service = await seeds.service(
        await seeds.system({ name: 'payments' }),
        { name: 'api' },
      );

      await context.execute(async ({ tx }) => {
        expect(await tx.services.get(service.id)).toEqual(service);
        expect((await tx.systems.getByName('payments'))?.name).toBe('payments');
        // Written through the unit of work's stores.
        await new Fixtures(tx).namespace({ name: 'dev', environment: 'test' });
      });
      expect((await store.namespaces.getByName('dev'))?.environment).toBe(
        'test',
      );
      expect(told).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'signals the VMs, their status included, and the tickets a unit of work changed once it has committed, %p',
    async databaseId => {
      const { context, signalled, signaller, seeds } = await createStore(
        databaseId,
      );
      const service = await seeds.service(await seeds.system());
      const starting = await seeds.vm(service, { status: 'STARTING' });
      const running = await seeds.vm(service, { status: 'RUNNING' });
      const removed = await seeds.vm(service);
      const pending = await seeds.ticket(service, {
        operation: 'POWER',
        vmId: running.id,
      });
      const newTicketId = randomUUID();

      await context.execute(async ({ tx }) => {
        await tx.vms.update(starting.id, {
          status: 'RUNNING',
          updatedAt: FIXED_NOW,
        });
        // A poll that found the VM stopped on its cluster.
        await tx.vms.recordPoll(running.id, {
          lastPolledAt: FIXED_NOW,
          polledStatus: 'RUNNING',
          status: 'STOPPED',
          updatedAt: FIXED_NOW,
        });
        await tx.vms.delete(removed.id);
        await new Fixtures(tx).ticket(service, { id: newTicketId });
        await tx.tickets.transition(pending.id, ['PENDING'], {
          status: 'APPROVED',
          updatedAt: FIXED_NOW,
        });
        // Nothing is signalled before the commit.
        expect(signalled).toEqual([]);
      });
      await signaller.settled();

      expect(signalled).toEqual([
        {
          recipients: { type: 'broadcast' },
          channel: SHEPHERD_SIGNAL_CHANNELS.vms,
          message: {
            changes: [
              { id: starting.id, change: 'upserted' },
              { id: running.id, change: 'upserted' },
              { id: removed.id, change: 'removed' },
            ],
          },
        },
        {
          recipients: { type: 'broadcast' },
          channel: SHEPHERD_SIGNAL_CHANNELS.tickets,
          message: {
            changes: [
              { id: newTicketId },
              { id: pending.id, vmId: running.id },
            ],
          },
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'signals nothing of a unit of work that rolled back, nor of writes that changed nothing, %p',
    async databaseId => {
      const { context, store, signalled, signaller, seeds } = await createStore(
        databaseId,
      );
      const service = await seeds.service(await seeds.system());
      const vm = await seeds.vm(service, { status: 'RUNNING' });
      const ticket = await seeds.ticket(service, { status: 'REJECTED' });

      await expect(
        context.execute(async ({ tx }) => {
          await tx.vms.update(vm.id, {
            status: 'STOPPED',
            updatedAt: FIXED_NOW,
          });
          await new Fixtures(tx).ticket(service);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await context.execute(async ({ tx }) => {
        // A poll that lost to a newer status, and a transition from a status the ticket left.
        await tx.vms.recordPoll(vm.id, {
          lastPolledAt: FIXED_NOW,
          polledStatus: 'STARTING',
          status: 'STOPPED',
          updatedAt: FIXED_NOW,
        });
        await tx.tickets.transition(ticket.id, ['PENDING'], {
          status: 'CANCELLED',
          updatedAt: FIXED_NOW,
        });
      });
      await signaller.settled();

      expect(signalled).toEqual([]);
      expect((await store.vms.get(vm.id))?.status).toBe('RUNNING');
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the catalog of a VM changed in what it is and in its state in one unit of work, %p',
    async databaseId => {
      const { context, told, seeds } = await createStore(databaseId);
      const vm = await seeds.vm(await seeds.service(await seeds.system()));

      await context.execute(async ({ tx }) => {
        await tx.vms.update(vm.id, { cpuCores: 8, updatedAt: FIXED_NOW });
        await tx.vms.update(vm.id, { status: 'STOPPED', updatedAt: FIXED_NOW });
      });

      expect(told).toEqual([[{ kind: 'vm', id: vm.id, change: 'upserted' }]]);
    },
  );
});
