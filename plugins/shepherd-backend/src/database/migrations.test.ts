import { randomUUID } from 'node:crypto';
import { FIXED_NOW, Fixtures } from '../__testUtils__/fixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseShepherdStore } from './DatabaseShepherdStore';
import {
  MIGRATIONS_DIRECTORY,
  listAppliedMigrations,
  listShippedMigrations,
} from './migrations';

describe('migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'apply and revert one by one, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const shipped = await listShippedMigrations();
      expect(shipped.length).toBeGreaterThan(0);

      for (const name of shipped) {
        await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY, name });
      }
      expect(await listAppliedMigrations(knex)).toEqual(shipped);
      expect(await knex.schema.hasTable('audit_logs')).toBe(true);

      await knex('audit_logs').insert({
        id: '5b7e3f3c-8d1e-4a51-9b0e-3f0c2c8f1a11',
        action: 'system.create',
        outcome: 'success',
        actor: 'user:default/engineer-test',
        resource_type: 'system',
        resource_id: 'payments',
        details: JSON.stringify({ description: 'Payments' }),
      });
      const [row] = await knex('audit_logs').select();
      expect(row).toMatchObject({
        action: 'system.create',
        actor: 'user:default/engineer-test',
        archived_at: null,
      });
      expect(row.created_at).toBeTruthy();

      for (let remaining = shipped.length; remaining > 0; remaining--) {
        await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
      }
      expect(await knex.schema.hasTable('audit_logs')).toBe(false);
      expect(await listAppliedMigrations(knex)).toEqual([]);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps VMs and their revisions when adoption makes their ticket, template and size optional, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const shipped = await listShippedMigrations();
      const adoption = shipped.findIndex(name =>
        name.includes('pending_adoptions'),
      );
      for (const name of shipped.slice(0, adoption)) {
        await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY, name });
      }
      const store = new DatabaseShepherdStore(knex);
      const fixtures = new Fixtures(store);
      const system = await fixtures.system({ name: 'shop' });
      const service = await fixtures.service(system, { name: 'cart' });
      const vm = await fixtures.vm(service, { name: 'dev-shop-cart-01' });
      await store.revisions.insert({
        id: randomUUID(),
        vmId: vm.id,
        revision: 1,
        spec: {
          templateId: vm.templateId!,
          instanceSizeId: vm.instanceSizeId!,
          cpuCores: 2,
          cpuRequest: 1,
          memoryGi: 4,
          memoryRequestGi: 2,
          diskGb: 20,
        },
        changeReason: 'created',
        changedBy: 'user:default/approver',
        createdAt: FIXED_NOW,
      });

      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });

      expect(await store.vms.get(vm.id)).toMatchObject({
        name: 'dev-shop-cart-01',
        ticketId: vm.ticketId,
        templateId: vm.templateId,
      });
      expect(await store.revisions.listForVm(vm.id)).toHaveLength(1);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'folds the refs that name people to their normal form, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const shipped = await listShippedMigrations();
      const folding = shipped.findIndex(name =>
        name.includes('person_refs_in_normal_form'),
      );
      expect(folding).toBeGreaterThan(0);
      for (const name of shipped.slice(0, folding)) {
        await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY, name });
      }
      const store = new DatabaseShepherdStore(knex);
      const fixtures = new Fixtures(store);
      const system = await fixtures.system({ name: 'shop' });
      await fixtures.member(system, 'user:default/alice', 'owner');
      await fixtures.member(system, 'user:default/bob', 'member');
      const service = await fixtures.service(system, { name: 'cart' });
      const ticket = await fixtures.ticket(service, { status: 'APPROVED' });
      const vm = await fixtures.vm(service, { name: 'dev-shop-cart-01' });
      await store.consoleGrants.insert({
        id: randomUUID(),
        vmId: vm.id,
        userRef: 'user:default/alice',
        grantedBy: 'user:default/approver',
        expiresAt: FIXED_NOW,
        createdAt: FIXED_NOW,
      });
      await store.consoleSessionTokens.consume({
        tokenId: randomUUID(),
        vmId: vm.id,
        grantId: randomUUID(),
        userRef: 'user:default/alice',
        expiresAt: FIXED_NOW,
        consumedAt: FIXED_NOW,
      });
      // As an earlier version kept them: as the sign-in issued them. Alice's membership
      // also exists folded, Bob's only in the sign-in's case.
      await knex('tickets').update({
        requester: 'user:default/Alice',
        approver: 'User:Default/Approver',
      });
      await knex('vms').update({ created_by: 'user:default/Alice' });
      await knex('console_grants').update({ user_ref: 'user:default/Alice' });
      await knex('console_session_tokens').update({
        user_ref: 'user:default/Alice',
      });
      await knex('system_members')
        .where({ member_ref: 'user:default/bob' })
        .update({ member_ref: 'user:default/Bob' });
      await knex('system_members').insert({
        id: randomUUID(),
        system_id: system.id,
        member_ref: 'user:default/ALICE',
        role: 'viewer',
        granted_by: 'user:default/creator',
        created_at: FIXED_NOW,
        updated_at: FIXED_NOW,
      });

      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });

      expect(await store.tickets.get(ticket.id)).toMatchObject({
        requester: 'user:default/alice',
        approver: 'user:default/approver',
      });
      expect((await store.vms.get(vm.id))?.createdBy).toBe(
        'user:default/alice',
      );
      expect(await knex('console_grants').pluck('user_ref')).toEqual([
        'user:default/alice',
      ]);
      expect(await knex('console_session_tokens').pluck('user_ref')).toEqual([
        'user:default/alice',
      ]);
      const members = await store.members.listForSystem(system.id);
      expect(members.map(m => `${m.memberRef} ${m.role}`).sort()).toEqual([
        'user:default/ALICE viewer',
        'user:default/alice owner',
        'user:default/bob member',
      ]);
      await knex.destroy();
    },
  );
});
