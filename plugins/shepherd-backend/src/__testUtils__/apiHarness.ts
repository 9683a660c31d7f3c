import {
  BackendFeature,
  SchedulerService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { JsonObject } from '@backstage/types';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { shepherdPlugin } from '../plugin';
import { Fixtures } from './fixtures';
import { TEST_INSTALLATION } from './operations';
import { ShepherdTestDatabases, createTestDatabases } from './testDatabases';
import { ownershipOf, shepherdTestPolicy, userRef } from './testPolicy';

type Policy = (
  request: PolicyQuery,
  user?: PolicyQueryUser,
) => PolicyDecision | Promise<PolicyDecision>;

/**
 * The Shepherd plugin started in a test backend on a real database, with the personas'
 * group memberships and the Shepherd policy module's policy with the demo portal's role
 * bindings (see testPolicy.ts). `as(persona)` sends requests as that user.
 */
export async function startShepherdApi(options: {
  databases: ShepherdTestDatabases;
  databaseId: TestDatabaseId;
  entities?: Entity[];
  policy?: Policy;
  config?: JsonObject;
  /** The database of an earlier backend, to start another replica on it. */
  knex?: Knex;
  /** More features, e.g. a provider module. */
  features?: BackendFeature[];
  /**
   * Whether the plugin's periodic tasks run once on startup (the default); tests that
   * trigger them one by one, with `scheduler.triggerTask`, say no.
   */
  periodicTasksOnStartup?: boolean;
}) {
  const knex =
    options.knex ?? (await options.databases.initMigrated(options.databaseId));
  const policy = options.policy ?? shepherdTestPolicy;

  const permissionsFactory = createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => {
      const decide = async (
        queries: Array<{ permission: any }>,
        credentials: any,
      ) =>
        Promise.all(
          queries.map(async ({ permission }) => {
            const userEntityRef = credentials?.principal?.userEntityRef;
            const user = userEntityRef
              ? ({
                  identity: {
                    type: 'user',
                    userEntityRef,
                    ownershipEntityRefs: ownershipOf(userEntityRef),
                  },
                  info: {
                    userEntityRef,
                    ownershipEntityRefs: ownershipOf(userEntityRef),
                  },
                  token: 'token',
                  credentials,
                } as unknown as PolicyQueryUser)
              : undefined;
            return policy({ permission }, user);
          }),
        );
      return {
        authorize: async (queries: any, opts: any) =>
          (await decide(queries, opts.credentials)).map(decision =>
            decision.result === AuthorizeResult.CONDITIONAL
              ? { result: AuthorizeResult.DENY }
              : decision,
          ),
        authorizeConditional: async (queries: any, opts: any) =>
          decide(queries, opts.credentials),
      } as any;
    },
  });

  const userInfoFactory = createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      getUserInfo: async (credentials: any) => ({
        userEntityRef: credentials.principal.userEntityRef,
        ownershipEntityRefs: ownershipOf(credentials.principal.userEntityRef),
      }),
    }),
  });

  const notifications: NotificationSendOptions[] = [];
  const notificationsFactory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (sent: NotificationSendOptions) => {
        notifications.push(sent);
      },
    }),
  });

  let scheduler: SchedulerService | undefined;
  const schedulerProbe = createBackendModule({
    pluginId: 'shepherd',
    moduleId: 'test-scheduler-probe',
    register(env) {
      env.registerInit({
        deps: { pluginScheduler: coreServices.scheduler },
        async init({ pluginScheduler }) {
          scheduler = pluginScheduler;
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      shepherdPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          shepherd: {
            // API tests run no jobs unless they ask for a worker.
            jobs: { concurrency: 0 },
            // The installation the tests' own cluster objects are labelled as.
            installationId: TEST_INSTALLATION.id,
            ...(options.config?.shepherd as JsonObject | undefined),
          },
        },
      }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      permissionsFactory,
      userInfoFactory,
      notificationsFactory,
      mockServices.scheduler.factory({
        skipTaskRunOnStartup: options.periodicTasksOnStartup === false,
      }),
      schedulerProbe,
      ...(options.features ?? []),
    ],
  });

  const store = new DatabaseShepherdStore(knex);
  const as = (persona: string) => {
    const header = mockCredentials.user.header(userRef(persona));
    const agent = request(backend.server);
    return {
      get: (path: string) =>
        agent.get(`/api/shepherd${path}`).set('Authorization', header),
      post: (path: string) =>
        agent.post(`/api/shepherd${path}`).set('Authorization', header),
      patch: (path: string) =>
        agent.patch(`/api/shepherd${path}`).set('Authorization', header),
      put: (path: string) =>
        agent.put(`/api/shepherd${path}`).set('Authorization', header),
      delete: (path: string) =>
        agent.delete(`/api/shepherd${path}`).set('Authorization', header),
    };
  };
  const anonymous = () => {
    const agent = request(backend.server);
    const header = mockCredentials.none.header();
    return {
      get: (path: string) =>
        agent.get(`/api/shepherd${path}`).set('Authorization', header),
      post: (path: string) =>
        agent.post(`/api/shepherd${path}`).set('Authorization', header),
    };
  };
  return {
    backend,
    /** The scheduler of the plugin's periodic tasks (the mock one: tasks run when triggered). */
    scheduler: scheduler!,
    knex,
    store,
    fixtures: new Fixtures(store),
    as,
    anonymous,
    notifications,
  };
}

export type ShepherdApi = Awaited<ReturnType<typeof startShepherdApi>>;

/** The database a suite of {@link describeShepherdApi} runs on. */
export interface ApiTestDatabase {
  databases: ShepherdTestDatabases;
  databaseId: TestDatabaseId;
}

/**
 * Declares `suite` once per supported database (`on 'SQLITE_3'`, …), each test against a
 * plugin of its own, started with `options` and stopped after the test. `api` is filled in
 * with the current test's plugin before the suite's own `beforeEach` hooks run.
 */
export function describeShepherdApi(
  options: Omit<Parameters<typeof startShepherdApi>[0], keyof ApiTestDatabase>,
  suite: (api: ShepherdApi, database: ApiTestDatabase) => void,
) {
  const databases = createTestDatabases();
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const api = {} as ShepherdApi;
    beforeEach(async () => {
      Object.assign(
        api,
        await startShepherdApi({ ...options, databases, databaseId }),
      );
    });
    afterEach(async () => {
      await api.backend.stop();
    });
    suite(api, { databases, databaseId });
  });
}
