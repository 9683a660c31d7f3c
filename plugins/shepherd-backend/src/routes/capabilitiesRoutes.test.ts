import { randomUUID } from 'node:crypto';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  Environment,
  MemberRole,
  SHEPHERD_ERROR_CODES,
  ShepherdCapabilities,
  ShepherdService,
  ShepherdSystem,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import request from 'supertest';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import { createTestDatabases } from '../__testUtils__/testDatabases';

/*
 * GET /v1/capabilities through the Shepherd policy module's policy with the demo portal's
 * role bindings: the demo personas' answers, their agreement with what a request gets, its
 * paging, and who may not ask.
 */

type SystemName = 'billing' | 'docs' | 'fleet' | 'gateway';

/** What a persona may request, by System name (alphabetical, as Systems are listed). */
type Offers = Partial<Record<SystemName, Environment[]>>;

describe('GET /v1/capabilities', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: ShepherdApi;
    let systems: Record<SystemName, ShepherdSystem>;
    let services: Record<SystemName, ShepherdService>;

    beforeAll(async () => {
      api = await startShepherdApi({
        databases,
        databaseId,
        periodicTasksOnStartup: false,
      });
      const { fixtures } = api;
      const system = (name: SystemName, member?: [string, MemberRole]) =>
        fixtures.system({ name, members: member ? [member] : [] });
      systems = {
        // The engineers' team: owners of billing, members of fleet, viewers of docs.
        billing: await system('billing', [
          'group:default/team-payments',
          'owner',
        ]),
        docs: await system('docs', ['group:default/team-payments', 'viewer']),
        fleet: await system('fleet', ['group:default/team-payments', 'member']),
        gateway: await system('gateway', ['group:default/team-other', 'owner']),
      };
      services = {} as Record<SystemName, ShepherdService>;
      for (const [name, record] of Object.entries(systems)) {
        services[name as SystemName] = await fixtures.service(record, {
          name: `${name}-svc`,
        });
      }
      await fixtures.namespace({ name: 'dev', environment: 'test' });
      await fixtures.namespace({ name: 'prd', environment: 'prod' });
    });

    afterAll(async () => {
      await api?.backend.stop();
    });

    /** The persona's answer, with Systems by name. */
    async function capabilitiesOf(persona: string, query = {}) {
      const response = await api
        .as(persona)
        .get('/v1/capabilities')
        .query(query);
      expect(response.status).toBe(200);
      const body = response.body as ShepherdCapabilities;
      const names = new Map(
        Object.entries(systems).map(([name, record]) => [record.id, name]),
      );
      return {
        ...body,
        requestVms: Object.fromEntries(
          body.requestVms.map(entry => [
            names.get(entry.systemId),
            entry.environments,
          ]),
        ),
      };
    }

    const NONE: Offers = { billing: [], docs: [], fleet: [], gateway: [] };

    it.each<[string, boolean, Offers]>([
      [
        'platform-admin',
        true,
        {
          billing: ['test', 'prod'],
          docs: ['test', 'prod'],
          fleet: ['test', 'prod'],
          gateway: ['test', 'prod'],
        },
      ],
      // Approvers decide requests and read every System, but request no VMs.
      ['approver', true, NONE],
      // Members and owners request in their environments; viewers of a System do not.
      [
        'engineer-test',
        false,
        { billing: ['test'], docs: [], fleet: ['test'] },
      ],
      [
        'engineer-prod',
        false,
        { billing: ['test', 'prod'], docs: [], fleet: ['test', 'prod'] },
      ],
      ['viewer', false, NONE],
      // Without a role, a user may ask and learns that it may do nothing.
      ['outsider', false, {}],
    ])('answers %s for itself', async (persona, decideRequests, offers) => {
      const answer = await capabilitiesOf(persona, { limit: 100 });
      expect(answer).toEqual({
        decideRequests,
        requestVms: offers,
        totalItems: Object.keys(offers).length,
        offset: 0,
        limit: 100,
      });
    });

    it('offers exactly where a VM request is let through', async () => {
      for (const persona of ['engineer-test', 'engineer-prod', 'approver']) {
        const { requestVms } = await capabilitiesOf(persona, { limit: 100 });
        for (const name of ['billing', 'docs', 'fleet'] as const) {
          for (const [namespace, environment] of [
            ['dev', 'test'],
            ['prd', 'prod'],
          ] as const) {
            const response = await api
              .as(persona)
              .post('/v1/vms/requests')
              .send({
                serviceId: services[name].id,
                namespace,
                // Ids of no template and no size.
                templateId: randomUUID(),
                instanceSizeId: randomUUID(),
                reason: 'capabilities',
              });
            // Past the permission check, the template is not found.
            const letThrough =
              response.status === 404 &&
              /Template/.test(response.body.error.message);
            expect({ persona, name, environment, letThrough }).toEqual({
              persona,
              name,
              environment,
              letThrough: (requestVms[name] ?? []).includes(environment),
            });
          }
        }
      }
    });

    it('pages the Systems like the list of Systems', async () => {
      const first = await capabilitiesOf('engineer-test', { limit: 2 });
      expect(first).toMatchObject({ totalItems: 3, offset: 0, limit: 2 });
      expect(first.requestVms).toEqual({ billing: ['test'], docs: [] });
      const second = await capabilitiesOf('engineer-test', {
        offset: 2,
        limit: 2,
      });
      expect(second).toEqual({
        decideRequests: false,
        requestVms: { fleet: ['test'] },
        totalItems: 3,
        offset: 2,
        limit: 2,
      });
    });

    it('refuses a page larger than the largest page of lists', async () => {
      const response = await api
        .as('approver')
        .get('/v1/capabilities')
        .query({ limit: 1000 });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      );
    });

    it('refuses callers that are not signed in', async () => {
      const response = await api.anonymous().get('/v1/capabilities');
      expect(response.status).toBe(401);
    });

    it('refuses other backend plugins: nobody asks on behalf of a user', async () => {
      const response = await request(api.backend.server)
        .get('/api/shepherd/v1/capabilities')
        .set('Authorization', mockCredentials.service.header());
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
    });
  });
});
