import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  ShepherdVmProvider,
  shepherdVmProvidersExtensionPoint,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import request from 'supertest';
import { shepherdPlugin } from './plugin';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { listShippedMigrations } from './database/migrations';

const providerModule = createBackendModule({
  pluginId: 'shepherd',
  moduleId: 'test-provider',
  register(env) {
    env.registerInit({
      deps: { providers: shepherdVmProvidersExtensionPoint },
      async init({ providers }) {
        providers.addProvider({
          type: 'test-provider',
        } as unknown as ShepherdVmProvider);
      },
    });
  },
});

describe('shepherdPlugin', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'migrates its database on start and reports healthy, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          shepherdPlugin,
          providerModule,
          mockServices.database.factory({ knex }),
        ],
      });

      const response = await request(server).get('/api/shepherd/health');

      const shipped = await listShippedMigrations();
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        database: {
          status: 'ok',
          engine: databaseId === 'SQLITE_3' ? 'sqlite' : 'postgres',
          migrations: { applied: shipped.length, pending: 0 },
        },
        providers: [{ type: 'test-provider' }],
        credentials: { total: 0, onPreviousKeys: 0, onUnknownKeys: 0 },
      });
      expect(await knex.schema.hasTable('audit_logs')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the schema alone when migrations are skipped, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          shepherdPlugin,
          mockServices.database.factory({ knex, migrations: { skip: true } }),
        ],
      });

      const response = await request(server).get('/api/shepherd/health');

      expect(response.status).toBe(503);
      expect(response.body.status).toBe('degraded');
      expect(response.body.database.migrations.applied).toBe(0);
      // Nothing to count credentials in.
      expect(response.body.credentials).toBeUndefined();
      expect(await knex.schema.hasTable('audit_logs')).toBe(false);
    },
  );

  it('refuses unauthenticated callers', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [shepherdPlugin, mockServices.database.factory({ knex })],
    });

    const response = await request(server)
      .get('/api/shepherd/health')
      .set('Authorization', mockCredentials.none.header());

    expect(response.status).toBe(401);
  });
});
