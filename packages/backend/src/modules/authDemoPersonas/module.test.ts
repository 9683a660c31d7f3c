import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { authModuleDemoPersonaProvider } from './module';
import { DEMO_PERSONA_HEADER } from './personas';

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'engineer-test', namespace: 'default' },
    spec: { memberOf: ['team-payments'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/team-payments' }],
  },
];

const config = {
  app: { baseUrl: 'http://localhost:3000' },
  backend: { baseUrl: 'http://localhost:7007' },
  auth: { providers: { 'demo-persona': {} } },
  shepherdDemo: {
    personas: [
      { userName: 'engineer-test', title: 'Engineer (test)' },
      { userName: 'ghost', title: 'Not in the catalog' },
    ],
  },
};

describe('authModuleDemoPersonaProvider', () => {
  const originalNodeEnv = process.env.NODE_ENV;

  afterEach(() => {
    process.env.NODE_ENV = originalNodeEnv;
  });

  async function startAuthBackend() {
    const { server } = await startTestBackend({
      features: [
        authPlugin,
        authModuleDemoPersonaProvider,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return server;
  }

  /**
   * Asks a fresh auth backend, running with `NODE_ENV=nodeEnv`, for a session as `persona`
   * (without the persona header when undefined).
   */
  async function signIn(persona: string | undefined, nodeEnv = 'development') {
    process.env.NODE_ENV = nodeEnv;
    const refresh = request(await startAuthBackend())
      .post('/api/auth/demo-persona/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    return persona === undefined
      ? refresh
      : refresh.set(DEMO_PERSONA_HEADER, persona);
  }

  it('issues a token for a persona, with its catalog groups', async () => {
    const response = await signIn('engineer-test');

    expect(response.status).toBe(200);
    expect(response.body.profile.displayName).toBe('Engineer (test)');
    expect(response.body.backstageIdentity.token).toEqual(expect.any(String));
    expect(response.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/engineer-test',
      ownershipEntityRefs: expect.arrayContaining([
        'user:default/engineer-test',
        'group:default/team-payments',
      ]),
    });
  });

  it('asks for a persona when the header is missing', async () => {
    const response = await signIn(undefined);

    expect(response.status).toBe(401);
    expect(response.body.error.message).toContain(DEMO_PERSONA_HEADER);
  });

  it('refuses a name that is not a configured persona', async () => {
    const response = await signIn('root');

    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe("'root' is not a demo persona");
  });

  it('refuses a persona without a catalog user', async () => {
    const response = await signIn('ghost');

    expect(response.status).toBe(404);
    expect(response.body.backstageIdentity).toBeUndefined();
  });

  it('refuses every sign-in outside development', async () => {
    const response = await signIn('engineer-test', 'production');

    expect(response.status).toBe(403);
    expect(response.body.backstageIdentity).toBeUndefined();
  });
});
