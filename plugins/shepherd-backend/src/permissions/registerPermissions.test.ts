import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  SHEPHERD_RESOURCE_TYPES,
  shepherdNamespaceReadPermission,
  shepherdPermissions,
  shepherdServiceCreatePermission,
  shepherdServiceUpdatePermission,
  shepherdSystemUpdatePermission,
  shepherdTicketReadPermission,
  shepherdVmPowerPermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { shepherdPermissionRules } from '@kubevirt-shepherd/plugin-shepherd-node';
import request from 'supertest';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { demoPolicy, userRef } from '../__testUtils__/testPolicy';

/*
 * What the permissions registry publishes for Shepherd: the metadata route that RBAC admin
 * UIs and the permission backend read, and the apply-conditions route through which the
 * permission backend evaluates conditional decisions on Shepherd resources (for
 * `usePermission` with a resource ref), with the records of the resource loader.
 */

const WELL_KNOWN = '/api/shepherd/.well-known/backstage/permissions';

/** The demo policy's conditional decision for a persona, as the permission backend gets it. */
async function conditionsOf(persona: string, permission: Permission) {
  const decision = await demoPolicy.handle(
    { permission },
    {
      credentials: mockCredentials.user(userRef(persona)),
      info: { userEntityRef: userRef(persona), ownershipEntityRefs: [] },
    },
  );
  expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
  return decision as ConditionalPolicyDecision;
}

describe('registered permissions', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: ShepherdApi;

    beforeAll(async () => {
      api = await startShepherdApi({
        databases,
        databaseId,
        periodicTasksOnStartup: false,
      });
    });

    afterAll(async () => {
      await api?.backend.stop();
    });

    it('lists every permission, resource type and rule in the metadata', async () => {
      const response = await request(api.backend.server)
        .get(`${WELL_KNOWN}/metadata`)
        .set('Authorization', mockCredentials.service.header());
      expect(response.status).toBe(200);
      const { permissions, rules } = response.body as {
        permissions: Permission[];
        rules: Array<{
          name: string;
          description: string;
          resourceType: string;
          paramsSchema: { type: string; properties: Record<string, unknown> };
        }>;
      };

      const byName = (a: { name: string }, b: { name: string }) =>
        a.name.localeCompare(b.name);
      expect([...permissions].sort(byName)).toEqual(
        [...shepherdPermissions].sort(byName),
      );

      const registered = rules
        .map(rule => `${rule.resourceType} ${rule.name}`)
        .sort();
      const defined = Object.entries(shepherdPermissionRules)
        .flatMap(([key, typeRules]) =>
          Object.values(typeRules).map(
            rule =>
              `${
                SHEPHERD_RESOURCE_TYPES[
                  key as keyof typeof SHEPHERD_RESOURCE_TYPES
                ]
              } ${rule.name}`,
          ),
        )
        .sort();
      expect(registered).toEqual(defined);

      // Every resource type of a permission has rules, and admin UIs get forms for them.
      const typesWithRules = new Set(rules.map(rule => rule.resourceType));
      for (const permission of shepherdPermissions.filter(p =>
        isResourcePermission(p),
      )) {
        expect([
          permission.name,
          typesWithRules.has(permission.resourceType),
        ]).toEqual([permission.name, true]);
      }
      for (const rule of rules) {
        expect(rule.description).not.toBe('');
        expect(rule.paramsSchema).toMatchObject({
          type: 'object',
          properties: expect.any(Object),
        });
      }
      const memberRule = rules.find(
        rule =>
          rule.resourceType === SHEPHERD_RESOURCE_TYPES.vm &&
          rule.name === 'IS_SYSTEM_MEMBER',
      );
      expect(Object.keys(memberRule!.paramsSchema.properties).sort()).toEqual([
        'claims',
        'roles',
      ]);
    });

    it('evaluates conditional decisions on records of every resource type', async () => {
      const { fixtures } = api;
      const payments = await fixtures.system({
        name: 'payments',
        members: [['group:default/team-payments', 'owner']],
      });
      const logistics = await fixtures.system({
        name: 'logistics',
        members: [['group:default/team-logistics', 'owner']],
      });
      const cart = await fixtures.service(payments, { name: 'cart' });
      const depot = await fixtures.service(logistics, { name: 'depot' });
      const testVm = await fixtures.vm(cart, { environment: 'test' });
      const prodVm = await fixtures.vm(cart, {
        name: 'prd-payments-cart-01',
        namespace: 'prd',
        environment: 'prod',
      });
      const foreignVm = await fixtures.vm(depot, { environment: 'test' });
      const ownTicket = await fixtures.ticket(depot, {
        requester: userRef('engineer-test'),
      });
      const foreignTicket = await fixtures.ticket(depot, {
        requester: userRef('someone'),
      });
      const prodTicket = await fixtures.ticket(cart, {
        requester: userRef('engineer-prod'),
        environment: 'prod',
        namespace: 'prd',
      });
      const testNamespace = await fixtures.namespace({
        name: 'dev',
        environment: 'test',
      });
      const prodNamespace = await fixtures.namespace({
        name: 'prd',
        environment: 'prod',
      });

      const cases: Array<
        [Permission, string, Array<[id: string, allowed: boolean]>]
      > = [
        [
          shepherdVmPowerPermission,
          'engineer-test',
          [
            [testVm.id, true],
            [prodVm.id, false],
            [foreignVm.id, false],
            ['no-such-vm', false],
          ],
        ],
        [
          shepherdVmReadPermission,
          'engineer-prod',
          [
            [testVm.id, true],
            [prodVm.id, true],
            [foreignVm.id, false],
          ],
        ],
        [
          shepherdTicketReadPermission,
          'engineer-test',
          [
            [ownTicket.id, true],
            [foreignTicket.id, false],
            [prodTicket.id, false],
          ],
        ],
        [
          shepherdSystemUpdatePermission,
          'engineer-test',
          [
            [payments.id, true],
            [logistics.id, false],
          ],
        ],
        [
          shepherdServiceCreatePermission,
          'engineer-test',
          [
            [payments.id, true],
            [logistics.id, false],
          ],
        ],
        [
          shepherdServiceUpdatePermission,
          'engineer-prod',
          [
            [cart.id, true],
            [depot.id, false],
          ],
        ],
        [
          shepherdNamespaceReadPermission,
          'engineer-test',
          [
            [testNamespace.id, true],
            [prodNamespace.id, false],
          ],
        ],
      ];

      const items = [];
      const expected: Record<string, AuthorizeResult[]> = {};
      for (const [permission, persona, resources] of cases) {
        const decision = await conditionsOf(persona, permission);
        const id = `${permission.name} for ${persona}`;
        items.push({
          id,
          resourceType: decision.resourceType,
          resourceRef: resources.map(([resourceId]) => resourceId),
          conditions: decision.conditions,
        });
        expected[id] = resources.map(([, allowed]) =>
          allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        );
      }

      const response = await request(api.backend.server)
        .post(`${WELL_KNOWN}/apply-conditions`)
        .set('Authorization', mockCredentials.service.header())
        .send({ items });
      expect(response.status).toBe(200);
      expect(
        Object.fromEntries(
          response.body.items.map((item: { id: string; result: unknown }) => [
            item.id,
            item.result,
          ]),
        ),
      ).toEqual(expected);
    });
  });
});
