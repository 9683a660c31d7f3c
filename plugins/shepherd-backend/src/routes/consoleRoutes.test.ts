import {
  ShepherdCluster,
  ShepherdService,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  describeShepherdApi,
  startShepherdApi,
} from '../__testUtils__/apiHarness';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ConsoleTokenSealer, hashUserRef } from '../crypto/ConsoleTokenSealer';

const KEY = { id: 'k1', secret: Buffer.alloc(32, 5) };
const CONFIG = {
  shepherd: {
    approvers: ['group:default/approvers'],
    credentials: {
      encryptionKeys: [{ id: KEY.id, secret: KEY.secret.toString('base64') }],
    },
  },
};

describe('POST /v1/vms/{vmId}/console/sessions', () => {
  describeShepherdApi({ config: CONFIG }, api => {
    let service: ShepherdService;
    let clusters: Record<'test' | 'prod', ShepherdCluster>;

    beforeEach(async () => {
      service = await api.fixtures.teamService();
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      await api.fixtures.namespace({ name: 'prd', environment: 'prod' });
      clusters = {
        test: await api.fixtures.cluster({
          name: 'test-a',
          environment: 'test',
        }),
        prod: await api.fixtures.cluster({
          name: 'prod-a',
          environment: 'prod',
        }),
      };
    });

    const vm = (environment: 'test' | 'prod', overrides: object = {}) =>
      api.fixtures.vm(service, {
        name: environment === 'test' ? 'dev-shop-cart-01' : 'prd-shop-cart-01',
        namespace: environment === 'test' ? 'dev' : 'prd',
        environment,
        clusterId: clusters[environment].id,
        ...overrides,
      });

    const createSession = (persona: string, vmId: string) =>
      api.as(persona).post(`/v1/vms/${vmId}/console/sessions`).send();

    it('answers a sealed single-use token bound to the user, the VM and the grant in test', async () => {
      const running = await vm('test');
      const granted = await api
        .as('engineer-test')
        .post(`/v1/vms/${running.id}/console/requests`)
        .send({ minutes: 30 });
      expect(granted.status).toBe(200);

      const response = await createSession('engineer-test', running.id);
      expect(response.status).toBe(201);
      expect(response.headers['cache-control']).toBe('no-store');
      const session = response.body;
      expect(session).toEqual({
        token: expect.any(String),
        expiresAt: expect.any(String),
        grantExpiresAt: granted.body.grant.expiresAt,
        websocketPath: `/v1/vms/${running.id}/console/stream`,
      });
      // Valid for about a minute, never beyond the grant.
      const lifetime = Date.parse(session.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(0);
      expect(lifetime).toBeLessThanOrEqual(60_000);

      const claims = new ConsoleTokenSealer([KEY]).open(session.token);
      expect(claims).toEqual({
        tokenId: expect.any(String),
        vmId: running.id,
        grantId: granted.body.grant.id,
        userHash: hashUserRef('user:default/engineer-test'),
        expiresAt: session.expiresAt,
        takeover: false,
      });
      // Issuing records nothing: only the relay's use of a token does.
      const [{ count }] = await api
        .knex('console_session_tokens')
        .count({ count: '*' });
      expect(Number(count)).toBe(0);
    });

    it('refuses a production VM without a grant, and opens it once an approver granted it', async () => {
      const prodVm = await vm('prod');
      const refused = await createSession('engineer-prod', prodVm.id);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('CONSOLE_GRANT_REQUIRED');

      const requested = await api
        .as('engineer-prod')
        .post(`/v1/vms/${prodVm.id}/console/requests`)
        .send({ reason: 'debug boot' });
      expect(requested.status).toBe(202);
      // A pending request is no grant yet.
      expect(
        (await createSession('engineer-prod', prodVm.id)).body.error.code,
      ).toBe('CONSOLE_GRANT_REQUIRED');

      const approved = await api
        .as('approver')
        .post(`/v1/approval-tasks/${requested.body.ticketId}/approve`)
        .send({ grantMinutes: 15 });
      expect(approved.status).toBe(200);
      const opened = await createSession('engineer-prod', prodVm.id);
      expect(opened.status).toBe(201);
    });

    it("refuses another user's grant, expired grants and VMs that do not run", async () => {
      const running = await vm('test');
      await api
        .as('engineer-test')
        .post(`/v1/vms/${running.id}/console/requests`)
        .send({ minutes: 30 });
      // engineer-prod may open test consoles, but the grant is engineer-test's.
      const otherUser = await createSession('engineer-prod', running.id);
      expect(otherUser.status).toBe(403);
      expect(otherUser.body.error.code).toBe('CONSOLE_GRANT_REQUIRED');

      const other = await vm('test', { name: 'dev-shop-cart-02' });
      await api.store.consoleGrants.insert({
        id: '0b6a4f1e-7d2c-4e8a-9f3b-5c1d2e3f4a5b',
        vmId: other.id,
        userRef: 'user:default/engineer-test',
        grantedBy: 'user:default/engineer-test',
        expiresAt: new Date(Date.now() - 1_000).toISOString(),
        createdAt: new Date(Date.now() - 60_000).toISOString(),
      });
      const expired = await createSession('engineer-test', other.id);
      expect(expired.body.error.code).toBe('CONSOLE_GRANT_REQUIRED');

      const stopped = await vm('test', {
        name: 'dev-shop-cart-03',
        status: 'STOPPED',
      });
      const notRunning = await createSession('engineer-test', stopped.id);
      expect(notRunning.status).toBe(409);
      expect(notRunning.body.error.code).toBe('VM_NOT_RUNNING');
    });

    it('seals a take-over into the token only for callers with the take-over permission', async () => {
      const owned = await vm('test');
      // The engineers' team is only a member of this System: console yes, take-over no.
      const ops = await api.fixtures.system({
        name: 'ops',
        members: [['group:default/team-payments', 'member']],
      });
      const board = await api.fixtures.vm(
        await api.fixtures.service(ops, { name: 'board' }),
        {
          name: 'dev-ops-board-01',
          namespace: 'dev',
          environment: 'test',
          clusterId: clusters.test.id,
        },
      );
      for (const target of [owned, board]) {
        const granted = await api
          .as('engineer-test')
          .post(`/v1/vms/${target.id}/console/requests`)
          .send({ minutes: 30 });
        expect(granted.status).toBe(200);
      }
      const sealer = new ConsoleTokenSealer([KEY]);
      const takeOver = (vmId: string) =>
        api
          .as('engineer-test')
          .post(`/v1/vms/${vmId}/console/sessions`)
          .send({ takeover: true });

      const asOwner = await takeOver(owned.id);
      expect(asOwner.status).toBe(201);
      expect(sealer.open(asOwner.body.token).takeover).toBe(true);

      const asMember = await takeOver(board.id);
      expect(asMember.status).toBe(403);
      expect(asMember.body.error.code).toBe('CONSOLE_TAKEOVER_DENIED');
      const plain = await createSession('engineer-test', board.id);
      expect(plain.status).toBe(201);
      expect(sealer.open(plain.body.token).takeover).toBe(false);

      // Readers are refused for the console itself, outsiders do not see the VM.
      expect((await createSession('viewer', owned.id)).status).toBe(403);
      const outsider = await api
        .as('outsider')
        .post(`/v1/vms/${owned.id}/console/sessions`)
        .send({ takeover: true });
      expect(outsider.status).toBe(404);
      const malformed = await api
        .as('engineer-test')
        .post(`/v1/vms/${owned.id}/console/sessions`)
        .send({ takeover: 'yes' });
      expect(malformed.status).toBe(400);
    });

    it('checks the console permission on the server: 403 for readers, 404 for outsiders', async () => {
      const running = await vm('test');
      const prodVm = await vm('prod');
      const viewer = await createSession('viewer', running.id);
      expect(viewer.status).toBe(403);
      expect(viewer.body.error.code).toBe('PERMISSION_DENIED');
      const outsider = await createSession('outsider', running.id);
      expect(outsider.status).toBe(404);
      // Production VMs are invisible to engineers of test only.
      const testEngineer = await createSession('engineer-test', prodVm.id);
      expect(testEngineer.status).toBe(404);
      const anonymous = await api
        .anonymous()
        .post(`/v1/vms/${running.id}/console/sessions`);
      expect(anonymous.status).toBe(401);
    });
  });

  const databases = createTestDatabases();

  it('answers 503 without an encryption key', async () => {
    const api = await startShepherdApi({
      databases,
      databaseId: 'SQLITE_3',
    });
    try {
      const service = await api.fixtures.teamService();
      const cluster = await api.fixtures.cluster({
        name: 'test-a',
        environment: 'test',
      });
      const running = await api.fixtures.vm(service, {
        name: 'dev-shop-cart-01',
        clusterId: cluster.id,
      });
      await api
        .as('engineer-test')
        .post(`/v1/vms/${running.id}/console/requests`)
        .send({ minutes: 5 });
      const response = await api
        .as('engineer-test')
        .post(`/v1/vms/${running.id}/console/sessions`);
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('ENCRYPTION_NOT_CONFIGURED');
    } finally {
      await api.backend.stop();
    }
  });
});
