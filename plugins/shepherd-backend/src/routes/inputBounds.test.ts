import {
  SHEPHERD_INPUT_LIMITS,
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { describeShepherdApi } from '../__testUtils__/apiHarness';
import { MEDIUM_SIZE } from '../__testUtils__/fixtures';

/** Beyond a PostgreSQL integer column (int32), and beyond what JavaScript counts exactly. */
const BEYOND_INT32 = 2 ** 31;
const BEYOND_INT64 = '10000000000000000000';

describe('Bounds of the API input', () => {
  describeShepherdApi({}, api => {
    let service: ShepherdService;
    let template: ShepherdTemplate;
    let size: ShepherdInstanceSize;
    let cluster: ShepherdCluster;

    beforeEach(async () => {
      service = await api.fixtures.teamService();
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      template = await api.fixtures.template({ name: 'fedora' });
      size = await api.fixtures.instanceSize(MEDIUM_SIZE);
      cluster = await api.fixtures.cluster({
        name: 'test-a',
        environment: 'test',
        storageClasses: ['standard'],
        defaultStorageClass: 'standard',
      });
    });

    function expectRefused(
      response: { status: number; body: any },
      status: number,
      code: string,
    ) {
      expect({
        status: response.status,
        code: response.body.error?.code,
      }).toEqual({ status, code });
    }

    async function submit() {
      const response = await api
        .as('engineer-test')
        .post('/v1/vms/requests')
        .send({
          serviceId: service.id,
          namespace: 'dev',
          templateId: template.id,
          instanceSizeId: size.id,
          reason: 'Load tests',
        });
      expect(response.status).toBe(202);
      return response.body.ticketId as string;
    }

    it('answers a member id that is no UUID with 404, as any unknown member', async () => {
      const systemId = service.systemId;
      const as = api.as('engineer-test');
      for (const response of [
        await as
          .patch(`/v1/systems/${systemId}/members/not-a-uuid`)
          .send({ role: 'viewer' }),
        await as.delete(`/v1/systems/${systemId}/members/not-a-uuid`),
      ]) {
        expectRefused(response, 404, 'NOT_FOUND');
      }
    });

    it('refuses offsets beyond the largest page offset, never asking the database', async () => {
      for (const offset of [
        BEYOND_INT64,
        String(SHEPHERD_INPUT_LIMITS.pageOffsetMax + 1),
      ]) {
        for (const path of [
          '/v1/systems',
          '/v1/services',
          '/v1/vms',
          '/v1/tickets',
        ]) {
          expectRefused(
            await api.as('engineer-test').get(`${path}?offset=${offset}`),
            400,
            'VALIDATION_FAILED',
          );
        }
      }
      const deepest = await api
        .as('engineer-test')
        .get(`/v1/systems?offset=${SHEPHERD_INPUT_LIMITS.pageOffsetMax}`);
      expect(deepest.status).toBe(200);
      expect(deepest.body.items).toEqual([]);
    });

    it('refuses VM targets beyond the product limits, writing no ticket', async () => {
      const as = api.as('engineer-test');
      for (const target of [
        { targetCpuCores: 1_000_000_000 },
        { targetCpuCores: SHEPHERD_INPUT_LIMITS.cpuCoresMax + 1 },
        { targetMemoryGi: SHEPHERD_INPUT_LIMITS.memoryGiMax + 1 },
        { targetDiskGb: BEYOND_INT32 },
        { targetDiskGb: SHEPHERD_INPUT_LIMITS.diskGbMax + 1 },
      ]) {
        expectRefused(
          await as.post('/v1/vms/requests').send({
            serviceId: service.id,
            namespace: 'dev',
            templateId: template.id,
            instanceSizeId: size.id,
            reason: 'Large',
            ...target,
          }),
          400,
          'VALIDATION_FAILED',
        );
      }
      const vm = await api.fixtures.vm(service);
      for (const target of [
        { targetCpuCores: 1_000_000_000 },
        { targetMemoryGi: BEYOND_INT32 },
        { targetDiskGb: BEYOND_INT32 },
      ]) {
        expectRefused(
          await as
            .post(`/v1/vms/${vm.id}/modify-requests`)
            .send({ reason: 'Larger', ...target }),
          400,
          'VALIDATION_FAILED',
        );
      }
      expect(
        (await api.store.tickets.list({ offset: 0, limit: 10 })).totalItems,
      ).toBe(0);
    });

    it('refuses an approval spec of the wrong types, beyond the limits or with fields outside a VM spec', async () => {
      const ticketId = await submit();
      const spec = {
        templateId: template.id,
        instanceSizeId: size.id,
        cpuCores: 2,
        memoryGi: 4,
        diskGb: 20,
      };
      const cases: Array<[object, number, string]> = [
        // As strings, "10" <= "4": the request would pass as within its limit.
        [
          { ...spec, cpuCores: '4', cpuRequest: '10' },
          400,
          'VALIDATION_FAILED',
        ],
        [{ ...spec, diskGb: BEYOND_INT32 }, 400, 'VALIDATION_FAILED'],
        [
          { ...spec, cpuCores: SHEPHERD_INPUT_LIMITS.cpuCoresMax + 1 },
          400,
          'VALIDATION_FAILED',
        ],
        [{ ...spec, templateId: 'fedora' }, 400, 'VALIDATION_FAILED'],
        [{ ...spec, note: 'approved by phone' }, 400, 'FORBIDDEN_MODIFICATION'],
        [{ ...spec, namespace: 'prd' }, 400, 'FORBIDDEN_MODIFICATION'],
      ];
      for (const [replacement, status, code] of cases) {
        for (const operation of ['manifest', 'approve']) {
          expectRefused(
            await api
              .as('approver')
              .post(`/v1/approval-tasks/${ticketId}/${operation}`)
              .send({ clusterId: cluster.id, spec: replacement }),
            status,
            code,
          );
        }
      }
      const ticket = await api.store.tickets.get(ticketId);
      expect(ticket?.status).toBe('PENDING');
      expect(ticket?.modifiedSpec).toBeUndefined();
    });

    it('answers a database failure with INTERNAL_ERROR and no SQL, stack or table name', async () => {
      await api.knex.schema.dropTable('reconcile_marks');
      const response = await api
        .as('platform-admin')
        .get('/v1/admin/reconciler/marks');
      expect(response.status).toBe(500);
      expect(response.body.error).toEqual({
        name: 'Error',
        code: 'INTERNAL_ERROR',
        message: expect.stringMatching(/^An internal error occurred/),
        details: { logId: expect.stringMatching(/^[0-9a-f]{20}$/) },
      });
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/reconcile_marks|select|SQLITE|relation/i);
      expect(text).not.toMatch(/\bat \S+ \(/);
    });

    it('refuses text with NUL characters, which PostgreSQL cannot store, in bodies and queries', async () => {
      const system = await api.fixtures.system({ name: 'cart' });
      const patched = await api
        .as('platform-admin')
        .patch(`/v1/systems/${system.id}`)
        .send({ description: 'before\u0000after' });
      expectRefused(patched, 400, 'VALIDATION_FAILED');
      expect(patched.body.error.message).toContain('NUL');
      expect(
        (await api.store.systems.get(system.id))?.description,
      ).not.toContain('after');
      expectRefused(
        await api.as('platform-admin').get('/v1/vms?search=a%00b'),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
});
