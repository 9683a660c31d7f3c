import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  PermissionResourceRef,
  PermissionRule,
  createConditionAuthorizer,
  createConditionTransformer,
  createPermissionIntegrationRouter,
} from '@backstage/plugin-permission-node';
import {
  SHEPHERD_PLUGIN_ID,
  SHEPHERD_RESOURCE_TYPES,
  TICKET_STATUSES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  SHEPHERD_RULE_NAMES,
  ShepherdPermissionFilter,
  memberRolesAtLeast,
  shepherdNamespacePermissionResourceRef,
  shepherdPermissionRules,
  shepherdServicePermissionResourceRef,
  shepherdSystemPermissionResourceRef,
  shepherdTicketPermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { Fixtures } from '../__testUtils__/fixtures';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { MIGRATIONS_DIRECTORY } from '../database/migrations';
import { ResourceLoader } from './ResourceLoader';
import { PermissionConditions } from '../database/permissionFilter';

/*
 * Every rule of every Shepherd resource type must decide the same records whether it runs
 * on one loaded resource (`apply`, as for single resources and the permission backend's
 * apply-conditions) or as SQL on a list (`toQuery`, through the store's permission filter).
 * Both sides go through the permission framework's own authorizer and transformer, with the
 * ruleset of the framework's integration router (what the permissions registry serves), as
 * the backend's ShepherdAuthorizer does, so rule parameters are validated on the way.
 */

const ALICE = 'user:default/alice';
const TEAM = 'group:default/team';
const BOB = 'user:default/bob';
/** A requester as a sign-in resolver may issue it: entity refs are case-insensitive. */
const CAROL_AS_ISSUED = 'user:default/Carol';

/** Claims in the case a custom sign-in resolver may issue them. */
const MIXED_CASE = {
  alice: 'User:Default/Alice',
  team: 'Group:default/TEAM',
  carol: 'user:default/CAROL',
};

/** The parameters each rule is tried with, by rule name. Every rule must have some. */
const PARAMS_BY_RULE: Record<string, object[]> = {
  [SHEPHERD_RULE_NAMES.isSystemMember]: [
    { claims: [ALICE] },
    { claims: [TEAM], roles: ['owner', 'admin'] },
    { claims: [TEAM, BOB], roles: memberRolesAtLeast('member') },
    { claims: [ALICE, TEAM], roles: ['viewer'] },
    { claims: [MIXED_CASE.alice] },
    { claims: [MIXED_CASE.team], roles: ['owner', 'admin'] },
    { claims: [BOB] },
    { claims: [BOB], roles: [] },
    { claims: [] },
  ],
  [SHEPHERD_RULE_NAMES.isInEnvironment]: [
    { environments: ['test'] },
    { environments: ['prod'] },
    { environments: ['test', 'prod'] },
    { environments: [] },
  ],
  [SHEPHERD_RULE_NAMES.isRequester]: [
    { claims: [ALICE] },
    { claims: [BOB, TEAM] },
    { claims: [MIXED_CASE.alice] },
    { claims: [MIXED_CASE.carol, TEAM] },
    { claims: [] },
  ],
  [SHEPHERD_RULE_NAMES.hasTicketStatus]: [
    { statuses: ['PENDING'] },
    { statuses: ['APPROVED', 'REJECTED'] },
    { statuses: [...TICKET_STATUSES] },
    { statuses: [] },
  ],
};

type ShepherdRule = PermissionRule<any, ShepherdPermissionFilter, string, any>;
type ResourceTypeKey = keyof typeof shepherdPermissionRules;

const RESOURCE_REFS: Record<
  ResourceTypeKey,
  PermissionResourceRef<any, ShepherdPermissionFilter, string>
> = {
  system: shepherdSystemPermissionResourceRef,
  service: shepherdServicePermissionResourceRef,
  vm: shepherdVmPermissionResourceRef,
  ticket: shepherdTicketPermissionResourceRef,
  namespace: shepherdNamespacePermissionResourceRef,
};

/** The ruleset of one resource type, as the permissions registry hands it out. */
function rulesetOf(key: ResourceTypeKey) {
  const router = createPermissionIntegrationRouter();
  router.addPermissionRules(
    Object.values(shepherdPermissionRules[key]) as ShepherdRule[],
  );
  return router.getPermissionRuleset(RESOURCE_REFS[key]);
}

/** Combines two leaves the way policies do, to cover allOf, anyOf and not. */
function combinations(
  a: PermissionCriteria<PermissionCondition>,
  b: PermissionCriteria<PermissionCondition>,
): PermissionCriteria<PermissionCondition>[] {
  return [
    { allOf: [a, b] },
    { anyOf: [a, b] },
    { not: a },
    { allOf: [a, { not: b }] },
    { anyOf: [{ not: a }, { allOf: [a, b] }] },
  ];
}

/** Every rule of a resource type with every parameter set, alone and combined. */
function conditionsFor(
  resourceType: string,
  rules: ShepherdRule[],
): PermissionCriteria<PermissionCondition>[] {
  const leaves: PermissionCondition[] = rules.flatMap(rule =>
    PARAMS_BY_RULE[rule.name].map(params => ({
      rule: rule.name,
      resourceType,
      params: params as PermissionCondition['params'],
    })),
  );
  return [
    ...leaves,
    ...leaves.flatMap((leaf, i) =>
      combinations(leaf, leaves[(i + 1) % leaves.length]),
    ),
  ];
}

const PAGE = { offset: 0, limit: 1000 };

interface Listing {
  /** Ids of the records the list shows, optionally filtered by permission conditions. */
  list(conditions?: PermissionConditions): Promise<string[]>;
  /** Every record, loaded as the rules see it, by id. */
  resources(): Promise<Map<string, unknown>>;
}

async function seed(
  databases: ReturnType<typeof createTestDatabases>,
  databaseId: Parameters<ReturnType<typeof createTestDatabases>['init']>[0],
): Promise<Record<ResourceTypeKey, Listing>> {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  const store = new DatabaseShepherdStore(knex);
  const loader = new ResourceLoader(store);
  const fixtures = new Fixtures(store);
  const owned = await fixtures.system({
    members: [
      [ALICE, 'member'],
      [TEAM, 'owner'],
    ],
  });
  const administered = await fixtures.system({ members: [[TEAM, 'admin']] });
  const viewed = await fixtures.system({ members: [[ALICE, 'viewer']] });
  const foreign = await fixtures.system({ members: [[BOB, 'admin']] });
  await fixtures.system({ members: [] });
  const services = [
    await fixtures.service(owned),
    await fixtures.service(administered),
    await fixtures.service(viewed),
    await fixtures.service(foreign),
  ];
  let index = 0;
  for (const service of services) {
    for (const environment of ['test', 'prod'] as const) {
      for (const requester of [ALICE, BOB, CAROL_AS_ISSUED]) {
        index += 1;
        await fixtures.vm(service, {
          name: `vm-${index}`,
          environment,
          createdBy: requester,
        });
        await fixtures.ticket(service, {
          environment,
          requester,
          status: TICKET_STATUSES[index % TICKET_STATUSES.length],
        });
      }
    }
  }
  await fixtures.namespace({ environment: 'test' });
  await fixtures.namespace({ environment: 'prod' });

  const byId = <T extends { id?: string }>(resources: T[]) =>
    new Map(resources.map(resource => [resource.id!, resource as unknown]));
  const ids = (page: { items: Array<{ id: string }> }) =>
    page.items.map(item => item.id);
  return {
    system: {
      list: async conditions =>
        ids(await store.systems.list({ ...PAGE, conditions })),
      resources: async () =>
        byId(await loader.systems((await store.systems.list(PAGE)).items)),
    },
    service: {
      list: async conditions =>
        ids(await store.services.list({ ...PAGE, conditions })),
      resources: async () =>
        byId(await loader.services((await store.services.list(PAGE)).items)),
    },
    vm: {
      list: async conditions =>
        ids(await store.vms.list({ ...PAGE, conditions })),
      resources: async () =>
        byId(await loader.vms((await store.vms.list(PAGE)).items)),
    },
    ticket: {
      list: async conditions =>
        ids(await store.tickets.list({ ...PAGE, conditions })),
      resources: async () =>
        byId(await loader.tickets((await store.tickets.list(PAGE)).items)),
    },
    namespace: {
      list: async conditions =>
        ids(await store.namespaces.list({ ...PAGE, conditions })),
      resources: async () =>
        byId(loader.namespaces((await store.namespaces.list(PAGE)).items)),
    },
  };
}

/** Ids of the resources the conditions allow, decided by the rules' `apply`. */
function applied(
  authorize: ReturnType<typeof createConditionAuthorizer>,
  resources: Map<string, unknown>,
  resourceType: string,
  conditions: PermissionCriteria<PermissionCondition>,
): string[] {
  return [...resources]
    .filter(([, resource]) =>
      authorize(
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: SHEPHERD_PLUGIN_ID,
          resourceType,
          conditions,
        },
        resource,
      ),
    )
    .map(([id]) => id)
    .sort();
}

describe('permission rules: apply and toQuery agree', () => {
  const RESOURCE_TYPE_KEYS = Object.keys(
    shepherdPermissionRules,
  ) as ResourceTypeKey[];

  it('cover every resource type, and every rule is tried', () => {
    expect([...RESOURCE_TYPE_KEYS].sort()).toEqual(
      Object.keys(SHEPHERD_RESOURCE_TYPES).sort(),
    );
    for (const key of RESOURCE_TYPE_KEYS) {
      expect(RESOURCE_REFS[key].resourceType).toBe(
        SHEPHERD_RESOURCE_TYPES[key],
      );
    }
    for (const key of RESOURCE_TYPE_KEYS) {
      for (const rule of Object.values(
        shepherdPermissionRules[key],
      ) as ShepherdRule[]) {
        expect([key, rule.resourceType]).toEqual([
          key,
          SHEPHERD_RESOURCE_TYPES[key],
        ]);
        expect([rule.name, PARAMS_BY_RULE[rule.name]?.length]).toEqual([
          rule.name,
          expect.any(Number),
        ]);
      }
    }
  });

  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let listings: Record<ResourceTypeKey, Listing>;

    beforeAll(async () => {
      listings = await seed(databases, databaseId);
    });

    it.each(RESOURCE_TYPE_KEYS)('for every rule of %s', async key => {
      const resourceType = SHEPHERD_RESOURCE_TYPES[key];
      const rules = Object.values(
        shepherdPermissionRules[key],
      ) as ShepherdRule[];
      const ruleset = rulesetOf(key);
      const authorize = createConditionAuthorizer(ruleset);
      const transform = createConditionTransformer(ruleset);
      const listing = listings[key];
      const resources = await listing.resources();
      // Each rule decides some records both ways, so that agreement is not agreement on nothing.
      expect(resources.size).toBeGreaterThan(1);

      for (const conditions of conditionsFor(resourceType, rules)) {
        const expected = applied(
          authorize,
          resources,
          resourceType,
          conditions,
        );
        const listed = (await listing.list(transform(conditions))).sort();
        // The conditions travel with the ids, so a failure says which tree disagreed.
        expect({ conditions, ids: listed }).toEqual({
          conditions,
          ids: expected,
        });
      }
    });

    /** Claims in another case, and the refs as they are stored, for the same callers. */
    const CASE_PAIRS: Array<[string, string]> = [
      [MIXED_CASE.alice, ALICE],
      [MIXED_CASE.team, TEAM],
      [MIXED_CASE.carol, CAROL_AS_ISSUED],
    ];

    it.each(
      RESOURCE_TYPE_KEYS.flatMap(key =>
        (Object.values(shepherdPermissionRules[key]) as ShepherdRule[]).flatMap(
          rule =>
            'claims' in (PARAMS_BY_RULE[rule.name][0] ?? {})
              ? CASE_PAIRS.map(([claim, stored]) => [
                  key,
                  rule.name,
                  claim,
                  stored,
                ])
              : [],
        ),
      ),
    )(
      'for %s, %s matches the claim %s as the stored %s',
      async (key, ruleName, claim, stored) => {
        const resourceType = SHEPHERD_RESOURCE_TYPES[key as ResourceTypeKey];
        const ruleset = rulesetOf(key as ResourceTypeKey);
        const authorize = createConditionAuthorizer(ruleset);
        const transform = createConditionTransformer(ruleset);
        const listing = listings[key as ResourceTypeKey];
        const resources = await listing.resources();
        const condition = (claims: string[]): PermissionCondition => ({
          rule: ruleName,
          resourceType,
          params: { claims },
        });

        const asStored = applied(
          authorize,
          resources,
          resourceType,
          condition([stored]),
        );
        const bothWays = async (claims: string[]) => ({
          applied: applied(
            authorize,
            resources,
            resourceType,
            condition(claims),
          ),
          listed: (await listing.list(transform(condition(claims)))).sort(),
        });
        expect(await bothWays([stored])).toEqual({
          applied: asStored,
          listed: asStored,
        });
        expect(await bothWays([claim])).toEqual({
          applied: asStored,
          listed: asStored,
        });
        // Carol is nobody's member and the team requests nothing; every other pair finds
        // some records, so that the cases agree on something.
        const findsNothing =
          ruleName === SHEPHERD_RULE_NAMES.isSystemMember
            ? stored === CAROL_AS_ISSUED
            : stored === TEAM;
        expect(asStored.length > 0).toBe(!findsNothing);
      },
    );
  });
});
