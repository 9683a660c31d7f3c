import {
  cloudInitOfBytes,
  describePlatformApi,
} from '../../__testUtils__/platformApi';
import { REDACTED } from '../../service/audit/redact';

describe('Platform API: the requester catalog', () => {
  describePlatformApi(api => {
    it('refuses VM requests KubeVirt would refuse, from entries saved before its rules', async () => {
      const owned = await api.fixtures.service(
        await api.fixtures.system({
          members: [['group:default/team-payments', 'owner']],
        }),
      );
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      const fedora = await api.fixtures.template({ name: 'fedora' });
      const legacyTemplate = await api.fixtures.template({
        name: 'legacy',
        cloudInit: cloudInitOfBytes(3000),
      });
      const pinned = await api.fixtures.instanceSize({
        name: 'pinned',
        dedicatedCpu: true,
      });
      const legacySize = await api.fixtures.instanceSize({
        name: 'legacy',
        dedicatedCpu: true,
        cpuCores: 1.5,
        cpuRequest: 1.5,
      });
      const request = (body: object) =>
        api
          .as('engineer-test')
          .post('/v1/vms/requests')
          .send({
            serviceId: owned.id,
            namespace: 'dev',
            templateId: fedora.id,
            instanceSizeId: pinned.id,
            reason: 'Load tests',
            ...body,
          });

      for (const [body, code, message] of [
        [
          { instanceSizeId: legacySize.id },
          'RESOURCE_STEP_INVALID',
          "With the instance size 'legacy', dedicated CPUs need whole cores, but the CPU request is 1.5",
        ],
        [
          { targetCpuCores: 2.5 },
          'RESOURCE_STEP_INVALID',
          "With the instance size 'pinned', dedicated CPUs need whole cores, but the CPU request is 2.5",
        ],
        [
          { templateId: legacyTemplate.id },
          'CLOUD_INIT_INVALID',
          "The template 'legacy' cannot serve new VMs: the cloud-init user data has 3000 bytes; KubeVirt accepts at most 2048 bytes inline",
        ],
      ] as const) {
        const refused = await request(body);
        expect(refused.status).toBe(400);
        expect(refused.body.error).toMatchObject({ code, message });
      }
      const [{ count }] = await api.knex('tickets').count({ count: '*' });
      expect(Number(count)).toBe(0);

      expect((await request({ targetCpuCores: 3 })).status).toBe(202);
    });

    describe('request catalog', () => {
      beforeEach(async () => {
        await api.fixtures.namespace({ name: 'dev', environment: 'test' });
        await api.fixtures.namespace({ name: 'live', environment: 'prod' });
        await api.fixtures.namespace({
          name: 'old',
          environment: 'test',
          enabled: false,
        });
        for (const [name, catalogScope, status] of [
          ['t-all', 'all', 'active'],
          ['t-test', 'test', 'active'],
          ['t-prod', 'prod', 'active'],
          ['t-unclassified', 'unclassified', 'active'],
          ['t-draft', 'all', 'draft'],
          ['t-deprecated', 'all', 'deprecated'],
        ] as const) {
          await api.fixtures.template({ name, catalogScope, status });
        }
        for (const [name, catalogScope, enabled] of [
          ['s-all', 'all', true],
          ['s-test', 'test', true],
          ['s-prod', 'prod', true],
          ['s-unclassified', 'unclassified', true],
          ['s-disabled', 'all', false],
        ] as const) {
          await api.fixtures.instanceSize({ name, catalogScope, enabled });
        }
      });

      async function names(persona: string, path: string) {
        const response = await api.as(persona).get(path);
        expect(response.status).toBe(200);
        return response.body.items
          .map((item: { name: string }) => item.name)
          .sort();
      }

      it('shows cloud-init only to those who manage templates, redacted to everyone else', async () => {
        const userData =
          '#cloud-config\nchpasswd:\n  list: |\n    root:hunter2\n';
        await api.fixtures.template({ name: 't-secret', cloudInit: userData });
        const cloudInitOf = async (persona: string) => {
          const response = await api.as(persona).get('/v1/catalog/templates');
          expect(response.status).toBe(200);
          return Object.fromEntries(
            response.body.items.map(
              (item: { name: string; cloudInit?: string }) => [
                item.name,
                item.cloudInit,
              ],
            ),
          );
        };

        // Who manages templates reads what it wrote.
        expect(await cloudInitOf('platform-admin')).toMatchObject({
          't-secret': userData,
          't-all': undefined,
        });
        for (const persona of [
          'engineer-test',
          'engineer-prod',
          'approver',
          'viewer',
        ]) {
          const seen = await cloudInitOf(persona);
          expect(seen['t-secret']).toBe(REDACTED);
          // A template without cloud-init still shows none.
          expect(seen['t-all']).toBeUndefined();
          expect(JSON.stringify(seen)).not.toContain('hunter2');
        }
        // The outsider may not read the request catalog at all.
        expect(
          (await api.as('outsider').get('/v1/catalog/templates')).status,
        ).toBe(403);
      });

      it('offers test engineers test namespaces and test or all scoped items only', async () => {
        expect(await names('engineer-test', '/v1/catalog/namespaces')).toEqual([
          'dev',
        ]);
        expect(await names('engineer-test', '/v1/catalog/templates')).toEqual([
          't-all',
          't-test',
        ]);
        expect(
          await names('engineer-test', '/v1/catalog/instance-sizes'),
        ).toEqual(['s-all', 's-test']);
        expect(
          await names('engineer-test', '/v1/catalog/templates?namespace=dev'),
        ).toEqual(['t-all', 't-test']);
        for (const namespace of ['live', 'old', 'nope']) {
          const hidden = await api
            .as('engineer-test')
            .get(`/v1/catalog/instance-sizes?namespace=${namespace}`);
          expect(hidden.status).toBe(404);
        }
      });

      it('offers production engineers both environments, narrowed by the chosen namespace', async () => {
        expect(await names('engineer-prod', '/v1/catalog/namespaces')).toEqual([
          'dev',
          'live',
        ]);
        expect(await names('engineer-prod', '/v1/catalog/templates')).toEqual([
          't-all',
          't-prod',
          't-test',
        ]);
        expect(
          await names('engineer-prod', '/v1/catalog/templates?namespace=live'),
        ).toEqual(['t-all', 't-prod']);
        expect(
          await names(
            'engineer-prod',
            '/v1/catalog/instance-sizes?namespace=live',
          ),
        ).toEqual(['s-all', 's-prod']);
        const page = await api
          .as('engineer-prod')
          .get('/v1/catalog/instance-sizes?limit=1&offset=1');
        expect(page.body).toMatchObject({ totalItems: 3, offset: 1, limit: 1 });
      });

      it('offers nothing without environments, and never unclassified items', async () => {
        expect(await names('outsider', '/v1/catalog/namespaces')).toEqual([]);
        for (const path of [
          '/v1/catalog/templates',
          '/v1/catalog/instance-sizes',
        ]) {
          const refused = await api.as('outsider').get(path);
          expect(refused.status).toBe(403);
          expect(refused.body.error.code).toBe('PERMISSION_DENIED');
          expect((await api.anonymous().get(path)).status).toBe(401);
        }
        expect(
          (await api.anonymous().get('/v1/catalog/namespaces')).status,
        ).toBe(401);
        expect(
          await names('platform-admin', '/v1/catalog/templates'),
        ).not.toContain('t-unclassified');

        await api.knex('namespaces').update({ enabled: false });
        expect(await names('platform-admin', '/v1/catalog/templates')).toEqual(
          [],
        );
      });

      it('rejects malformed paging', async () => {
        const response = await api
          .as('viewer')
          .get('/v1/catalog/templates?limit=abc');
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      });
    });
  });
});
