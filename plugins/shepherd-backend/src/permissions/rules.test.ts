import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  ShepherdPermissionFilter,
  shepherdPermissionRules,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { Fixtures } from '../__testUtils__/fixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { ResourceLoader } from './ResourceLoader';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const TEAM = 'group:default/team';
const BOB = 'user:default/bob';

const memberParams = [
  { claims: [ALICE] },
  { claims: [TEAM], roles: ['owner' as const, 'admin' as const] },
  { claims: [ALICE, TEAM], roles: ['viewer' as const] },
  { claims: [BOB] },
  { claims: [] },
];
const environmentParams = [
  { environments: ['test' as const] },
  { environments: ['prod' as const] },
  { environments: ['test' as const, 'prod' as const] },
  { environments: [] },
];
const requesterParams = [
  { claims: [ALICE] },
  { claims: [BOB, TEAM] },
  { claims: [] },
];

/** Combines two leaves the way policies do, to cover allOf, anyOf and not. */
function combinations(
  a: PermissionCriteria<ShepherdPermissionFilter>,
  b: PermissionCriteria<ShepherdPermissionFilter>,
) {
  return [
    { allOf: [a, b] },
    { anyOf: [a, b] },
    { not: a },
    { allOf: [a, { not: b }] },
  ] as PermissionCriteria<ShepherdPermissionFilter>[];
}

describe('permission rules: apply and toQuery agree', () => {
  const databases = createTestDatabases();

  async function seed(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const store = new DatabaseShepherdStore(knex);
    const fixtures = new Fixtures(store);
    const owned = await fixtures.system({
      members: [
        [ALICE, 'member'],
        [TEAM, 'owner'],
      ],
    });
    const viewed = await fixtures.system({ members: [[ALICE, 'viewer']] });
    const foreign = await fixtures.system({ members: [[BOB, 'admin']] });
    const services = [
      await fixtures.service(owned),
      await fixtures.service(viewed),
      await fixtures.service(foreign),
    ];
    let index = 0;
    for (const service of services) {
      for (const environment of ['test', 'prod'] as const) {
        for (const requester of [ALICE, BOB]) {
          index += 1;
          await fixtures.vm(service, {
            name: `vm-${index}`,
            environment,
            createdBy: requester,
          });
          await fixtures.ticket(service, {
            environment,
            requester,
            status: index % 3 === 0 ? 'APPROVED' : 'PENDING',
          });
        }
      }
    }
    await fixtures.namespace({ environment: 'test' });
    await fixtures.namespace({ environment: 'prod' });
    return { store, loader: new ResourceLoader(store) };
  }

  /** Evaluates a criteria tree with the rules' apply. */
  function evaluate<TResource>(
    rules: Record<
      string,
      { name: string; apply: (r: TResource, p: any) => boolean }
    >,
    criteria: PermissionCriteria<any>,
    resource: TResource,
  ): boolean {
    if ('allOf' in criteria) {
      return criteria.allOf.every((c: any) => evaluate(rules, c, resource));
    }
    if ('anyOf' in criteria) {
      return criteria.anyOf.some((c: any) => evaluate(rules, c, resource));
    }
    if ('not' in criteria) {
      return !evaluate(rules, criteria.not, resource);
    }
    const rule = Object.values(rules).find(r => r.name === criteria.rule)!;
    return rule.apply(resource, criteria.params);
  }

  /** Turns a criteria tree of rule conditions into the store's filter tree. */
  function toQuery(
    rules: Record<string, { name: string; toQuery: (p: any) => any }>,
    criteria: PermissionCriteria<any>,
  ): PermissionCriteria<ShepherdPermissionFilter> {
    if ('allOf' in criteria) {
      return {
        allOf: criteria.allOf.map((c: any) => toQuery(rules, c)),
      } as any;
    }
    if ('anyOf' in criteria) {
      return {
        anyOf: criteria.anyOf.map((c: any) => toQuery(rules, c)),
      } as any;
    }
    if ('not' in criteria) {
      return { not: toQuery(rules, criteria.not) };
    }
    const rule = Object.values(rules).find(r => r.name === criteria.rule)!;
    return rule.toQuery(criteria.params);
  }

  function conditionsFor(
    rules: Record<string, { name: string }>,
    paramsByRule: Record<string, object[]>,
  ) {
    const leaves = Object.entries(paramsByRule).flatMap(([key, paramsList]) =>
      paramsList.map(params => ({
        rule: (rules as any)[key].name,
        resourceType: 'x',
        params,
      })),
    );
    return [
      ...leaves,
      ...leaves.flatMap((a, i) =>
        combinations(a as any, leaves[(i + 1) % leaves.length] as any),
      ),
    ] as PermissionCriteria<any>[];
  }

  const PAGE = { offset: 0, limit: 1000 };

  it.each(databases.eachSupportedId())('for VMs, %p', async databaseId => {
    const { store, loader } = await seed(databaseId);
    const rules = shepherdPermissionRules.vm;
    const vms = (await store.vms.list(PAGE)).items;
    const resources = await loader.vms(vms);
    for (const criteria of conditionsFor(rules, {
      isSystemMember: memberParams,
      isInEnvironment: environmentParams,
      isRequester: requesterParams,
    })) {
      const expected = vms
        .filter((_, i) => evaluate(rules, criteria, resources[i]))
        .map(vm => vm.id)
        .sort();
      const listed = await store.vms.list({
        ...PAGE,
        conditions: toQuery(rules, criteria),
      });
      expect([listed.items.map(vm => vm.id).sort(), criteria]).toEqual([
        expected,
        criteria,
      ]);
    }
  });

  it.each(databases.eachSupportedId())('for tickets, %p', async databaseId => {
    const { store, loader } = await seed(databaseId);
    const rules = shepherdPermissionRules.ticket;
    const tickets = (await store.tickets.list(PAGE)).items;
    const resources = await loader.tickets(tickets);
    for (const criteria of conditionsFor(rules, {
      isSystemMember: memberParams,
      isInEnvironment: environmentParams,
      isRequester: requesterParams,
      hasTicketStatus: [
        { statuses: ['PENDING'] },
        { statuses: ['APPROVED', 'REJECTED'] },
        { statuses: [] },
      ],
    })) {
      const expected = tickets
        .filter((_, i) => evaluate(rules, criteria, resources[i]))
        .map(t => t.id)
        .sort();
      const listed = await store.tickets.list({
        ...PAGE,
        conditions: toQuery(rules, criteria),
      });
      expect([listed.items.map(t => t.id).sort(), criteria]).toEqual([
        expected,
        criteria,
      ]);
    }
  });

  it.each(databases.eachSupportedId())(
    'for Systems, Services and namespaces, %p',
    async databaseId => {
      const { store, loader } = await seed(databaseId);

      const systems = (await store.systems.list(PAGE)).items;
      const systemResources = await loader.systems(systems);
      for (const criteria of conditionsFor(shepherdPermissionRules.system, {
        isSystemMember: memberParams,
      })) {
        const expected = systems
          .filter((_, i) =>
            evaluate(
              shepherdPermissionRules.system,
              criteria,
              systemResources[i],
            ),
          )
          .map(s => s.id)
          .sort();
        const listed = await store.systems.list({
          ...PAGE,
          conditions: toQuery(shepherdPermissionRules.system, criteria),
        });
        expect(listed.items.map(s => s.id).sort()).toEqual(expected);
      }

      const services = (await store.services.list(PAGE)).items;
      const serviceResources = await loader.services(services);
      for (const criteria of conditionsFor(shepherdPermissionRules.service, {
        isSystemMember: memberParams,
      })) {
        const expected = services
          .filter((_, i) =>
            evaluate(
              shepherdPermissionRules.service,
              criteria,
              serviceResources[i],
            ),
          )
          .map(s => s.id)
          .sort();
        const listed = await store.services.list({
          ...PAGE,
          conditions: toQuery(shepherdPermissionRules.service, criteria),
        });
        expect(listed.items.map(s => s.id).sort()).toEqual(expected);
      }

      const namespaces = (await store.namespaces.list(PAGE)).items;
      const namespaceResources = loader.namespaces(namespaces);
      for (const criteria of conditionsFor(shepherdPermissionRules.namespace, {
        isInEnvironment: environmentParams,
      })) {
        const expected = namespaces
          .filter((_, i) =>
            evaluate(
              shepherdPermissionRules.namespace,
              criteria,
              namespaceResources[i],
            ),
          )
          .map(n => n.id)
          .sort();
        const listed = await store.namespaces.list({
          ...PAGE,
          conditions: toQuery(shepherdPermissionRules.namespace, criteria),
        });
        expect(listed.items.map(n => n.id).sort()).toEqual(expected);
      }
    },
  );
});
