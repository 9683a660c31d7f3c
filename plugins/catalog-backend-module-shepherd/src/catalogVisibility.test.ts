import {
  BackstageCredentials,
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import permissionModuleShepherdPolicy, {
  ShepherdPermissionPolicy,
} from '@kubevirt-shepherd/plugin-permission-backend-module-shepherd-policy';
import request from 'supertest';
import { InMemoryShepherdReader } from './__testUtils__/InMemoryShepherdReader';
import { aMember, aService, aSystem, aVm } from './__testUtils__/records';
import { ShepherdEntityProvider } from './provider/ShepherdEntityProvider';

/*
 * The entities this module publishes in a real catalog, with the Shepherd policy module in a
 * real permission backend: each persona sees the entities of the records it may read in
 * Shepherd, and every other entity as the policy's defaultDecision says.
 */

/** The demo personas and their groups, as in the policy and persona tests. */
const PERSONA_GROUPS: Record<string, string[]> = {
  'platform-admin': ['group:default/platform-team'],
  approver: ['group:default/approvers'],
  'engineer-test': [
    'group:default/team-payments',
    'group:default/engineers-test',
  ],
  'engineer-prod': [
    'group:default/team-payments',
    'group:default/engineers-prod',
  ],
  viewer: ['group:default/auditors'],
  outsider: ['group:default/marketing'],
};

const userRef = (persona: string) => `user:default/${persona}`;

const SHEPHERD_ROLES = {
  platformAdmins: ['group:default/platform-team'],
  approvers: ['group:default/approvers'],
  engineers: [
    { refs: ['group:default/engineers-test'], environments: ['test'] },
    { refs: ['group:default/engineers-prod'], environments: ['test', 'prod'] },
  ],
  viewers: ['group:default/auditors'],
};

const personaUserInfo = {
  getUserInfo: async (credentials: BackstageCredentials) => {
    const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
    const persona = userEntityRef.replace('user:default/', '');
    return {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...(PERSONA_GROUPS[persona] ?? [])],
    };
  },
};

/**
 * Mock auth whose plugin-to-plugin tokens for users name the calling plugin as the actor, as
 * Backstage's auth does (the mock drops it, and the permission backend then takes the
 * catalog's request on behalf of a user for a direct user request).
 */
const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    return Object.assign(Object.create(auth), {
      async getPluginRequestToken(
        options: Parameters<typeof auth.getPluginRequestToken>[0],
      ) {
        const { principal } = options.onBehalfOf;
        return auth.isPrincipal(options.onBehalfOf, 'user')
          ? {
              token: mockCredentials.user.token(
                (principal as BackstageUserPrincipal).userEntityRef,
                { actor: { subject: `plugin:${plugin.getId()}` } },
              ),
            }
          : auth.getPluginRequestToken(options);
      },
    });
  },
});

const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => personaUserInfo,
});

/* Shepherd's records: payments (team-payments' System) with a test and a prod VM, shop with a test VM. */
const payments = aSystem({ name: 'payments' });
const paymentsApi = aService(payments, { name: 'api' });
const paymentsTestVm = aVm(paymentsApi, { namespace: 'dev' });
const paymentsProdVm = aVm(paymentsApi, {
  namespace: 'prod',
  environment: 'prod',
});
const shop = aSystem({ name: 'shop' });
const shopWeb = aService(shop, { name: 'web' });
const shopTestVm = aVm(shopWeb, { namespace: 'dev' });

const SHEPHERD_ENTITIES = {
  paymentsSystem: 'system:default/payments',
  paymentsComponent: 'component:default/payments.api',
  paymentsTestVm: `resource:default/${paymentsTestVm.name}`,
  paymentsProdVm: `resource:default/${paymentsProdVm.name}`,
  shopSystem: 'system:default/shop',
  shopComponent: 'component:default/shop.web',
  shopTestVm: `resource:default/${shopTestVm.name}`,
};
/** An entity of another source, which Shepherd's visibility leaves alone. */
const WEBSITE = 'component:default/website';
const EVERYTHING = [...Object.values(SHEPHERD_ENTITIES), WEBSITE].sort();

/** A provider of one entity that is not Shepherd's. */
const websiteProvider: EntityProvider = {
  getProviderName: () => 'website',
  connect: async (connection: EntityProviderConnection) => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'website',
        annotations: {
          'backstage.io/managed-by-location': 'url:https://example.test/',
          'backstage.io/managed-by-origin-location':
            'url:https://example.test/',
        },
      },
      spec: { type: 'website', lifecycle: 'production', owner: 'marketing' },
    };
    await connection.applyMutation({
      type: 'full',
      entities: [{ entity, locationKey: 'website' }],
    });
  },
};

/** The backends the running test started. */
const running: Array<{ stop(): Promise<void> }> = [];

async function startPortal(
  databaseId: Parameters<TestDatabases['init']>[0],
  databases: TestDatabases,
  defaultDecision: 'allow' | 'deny',
) {
  const reader = new InMemoryShepherdReader();
  reader.systems = [payments, shop];
  reader.members = [
    aMember(payments, 'group:default/team-payments'),
    aMember(shop, 'group:default/team-shop'),
  ];
  reader.services = [paymentsApi, shopWeb];
  reader.vms = [paymentsTestVm, paymentsProdVm, shopTestVm];

  let fullRead: SchedulerServiceTaskInvocationDefinition | undefined;
  const providers = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-providers',
    register(reg) {
      reg.registerInit({
        deps: {
          catalog: catalogProcessingExtensionPoint,
          logger: coreServices.logger,
        },
        async init({ catalog, logger }) {
          catalog.addEntityProvider(
            websiteProvider,
            new ShepherdEntityProvider({
              reader,
              logger,
              mapping: {
                namespace: 'default',
                lifecycle: 'production',
                shepherdUrl: 'http://portal.test/shepherd',
              },
              taskRunner: { run: async task => void (fullRead = task) },
            }),
          );
        },
      });
    },
  });

  const knex = await databases.init(databaseId);
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      providers,
      permissionPlugin,
      permissionModuleShepherdPolicy,
      userInfoFactory,
      authFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          permission: {
            enabled: true,
            shepherd: { roles: SHEPHERD_ROLES, defaultDecision },
          },
          catalog: {
            rules: [{ allow: ['Component', 'System', 'Resource'] }],
          },
        },
      }),
    ],
  });
  // Stopped before the test databases go, so that no catalog loop is left reading them.
  running.push(backend);
  await fullRead!.fn(new AbortController().signal);
  return backend.server;
}

type Server = Awaited<ReturnType<typeof startPortal>>;

/** The refs of the entities the catalog lists to the caller. */
async function listed(server: Server, authorization: string) {
  const response = await request(server)
    .get('/api/catalog/entities/by-query?limit=100')
    .set('Authorization', authorization);
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return (response.body.items as Entity[])
    .map(e => stringifyEntityRef(e))
    .sort();
}

const listedTo = (server: Server, persona: string) =>
  listed(server, mockCredentials.user.header(userRef(persona)));

/**
 * Waits, without a fixed delay, until the catalog has processed every entity, asking as a
 * service (services are not asked of the policy, so they see everything).
 */
async function untilProcessed(server: Server, expected: string[]) {
  // Each look is a real request, so yielding between looks paces them without a clock.
  for (let look = 0; look < 100_000; look++) {
    const refs = await listed(server, mockCredentials.service.header());
    if (refs.length >= expected.length) {
      expect(refs).toEqual(expected);
      return;
    }
    await new Promise(resolve => setImmediate(resolve));
  }
  throw new Error('The catalog never processed every entity');
}

describe('catalog entities of Shepherd records, behind the Shepherd policy', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  afterEach(async () => {
    await Promise.all(running.splice(0).map(backend => backend.stop()));
  });

  it.each(databases.eachSupportedId())(
    'shows each persona what it may read in Shepherd, and other entities as defaultDecision allows, on %p',
    async databaseId => {
      const server = await startPortal(databaseId, databases, 'allow');
      await untilProcessed(server, EVERYTHING);

      // Readers of every record.
      for (const persona of ['platform-admin', 'approver', 'viewer']) {
        expect(await listedTo(server, persona)).toEqual(EVERYTHING);
      }
      // Members of payments see its System, Component and the VMs of their environments.
      expect(await listedTo(server, 'engineer-prod')).toEqual(
        [
          SHEPHERD_ENTITIES.paymentsSystem,
          SHEPHERD_ENTITIES.paymentsComponent,
          SHEPHERD_ENTITIES.paymentsTestVm,
          SHEPHERD_ENTITIES.paymentsProdVm,
          WEBSITE,
        ].sort(),
      );
      expect(await listedTo(server, 'engineer-test')).toEqual(
        [
          SHEPHERD_ENTITIES.paymentsSystem,
          SHEPHERD_ENTITIES.paymentsComponent,
          SHEPHERD_ENTITIES.paymentsTestVm,
          WEBSITE,
        ].sort(),
      );
      // Nothing of Shepherd's for someone without a role.
      expect(await listedTo(server, 'outsider')).toEqual([WEBSITE]);

      // One entity by name: what the persona may not read is not found.
      const byName = (persona: string, name: string) =>
        request(server)
          .get(`/api/catalog/entities/by-name/resource/default/${name}`)
          .set('Authorization', mockCredentials.user.header(userRef(persona)));
      expect((await byName('engineer-test', paymentsProdVm.name)).status).toBe(
        404,
      );
      expect((await byName('outsider', paymentsTestVm.name)).status).toBe(404);
      expect((await byName('engineer-test', paymentsTestVm.name)).status).toBe(
        200,
      );
      expect((await byName('engineer-prod', paymentsProdVm.name)).status).toBe(
        200,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'decides one entity as the lists do, when the permission backend asks the catalog to apply the conditions, on %p',
    async databaseId => {
      const server = await startPortal(databaseId, databases, 'allow');
      await untilProcessed(server, EVERYTHING);
      const policy = ShepherdPermissionPolicy.fromConfig(
        new ConfigReader({
          permission: { shepherd: { roles: SHEPHERD_ROLES } },
        }),
        { userInfo: personaUserInfo },
      );

      /** The catalog's answer for the persona's decision on one entity (the frontend's check). */
      const mayRead = async (persona: string, resourceRef: string) => {
        const decision = await policy.handle(
          { permission: catalogEntityReadPermission },
          {
            credentials: mockCredentials.user(userRef(persona)),
            info: { userEntityRef: userRef(persona), ownershipEntityRefs: [] },
          },
        );
        if (decision.result !== AuthorizeResult.CONDITIONAL) {
          return decision.result;
        }
        const response = await request(server)
          .post(
            '/api/catalog/.well-known/backstage/permissions/apply-conditions',
          )
          .set('Authorization', mockCredentials.service.header())
          .send({
            items: [
              {
                id: '1',
                resourceType: decision.resourceType,
                resourceRef,
                conditions: decision.conditions,
              },
            ],
          });
        expect(response.status).toBe(200);
        return response.body.items[0].result;
      };

      expect(await mayRead('viewer', SHEPHERD_ENTITIES.shopTestVm)).toBe(
        AuthorizeResult.ALLOW,
      );
      expect(
        await mayRead('engineer-test', SHEPHERD_ENTITIES.paymentsTestVm),
      ).toBe(AuthorizeResult.ALLOW);
      expect(
        await mayRead('engineer-test', SHEPHERD_ENTITIES.paymentsComponent),
      ).toBe(AuthorizeResult.ALLOW);
      expect(await mayRead('engineer-test', WEBSITE)).toBe(
        AuthorizeResult.ALLOW,
      );
      expect(
        await mayRead('engineer-prod', SHEPHERD_ENTITIES.paymentsProdVm),
      ).toBe(AuthorizeResult.ALLOW);
      expect(
        await mayRead('engineer-test', SHEPHERD_ENTITIES.paymentsProdVm),
      ).toBe(AuthorizeResult.DENY);
      expect(await mayRead('engineer-test', SHEPHERD_ENTITIES.shopSystem)).toBe(
        AuthorizeResult.DENY,
      );
      expect(await mayRead('outsider', SHEPHERD_ENTITIES.paymentsSystem)).toBe(
        AuthorizeResult.DENY,
      );
      expect(await mayRead('outsider', WEBSITE)).toBe(AuthorizeResult.ALLOW);
    },
  );

  it.each(databases.eachSupportedId())(
    'shows nothing to anyone with defaultDecision deny, on %p',
    async databaseId => {
      const server = await startPortal(databaseId, databases, 'deny');
      await untilProcessed(server, EVERYTHING);
      for (const persona of ['platform-admin', 'engineer-prod', 'outsider']) {
        expect(await listedTo(server, persona)).toEqual([]);
      }
    },
  );
});
