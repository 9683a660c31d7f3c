import {
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { describeShepherdApi } from '../__testUtils__/apiHarness';
import { MEDIUM_SIZE } from '../__testUtils__/fixtures';

/** The workbench notifies the approvers group of new requests. */
const WITH_APPROVERS = {
  config: { shepherd: { approvers: ['group:default/approvers'] } },
};

describe('VM requests, tickets and approvals API', () => {
  describeShepherdApi(WITH_APPROVERS, api => {
    let service: ShepherdService;
    let template: ShepherdTemplate;
    let size: ShepherdInstanceSize;
    let testCluster: ShepherdCluster;
    let prodCluster: ShepherdCluster;

    beforeEach(async () => {
      service = await api.fixtures.teamService();
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      await api.fixtures.namespace({ name: 'prd', environment: 'prod' });
      template = await api.fixtures.template({ name: 'fedora' });
      size = await api.fixtures.instanceSize(MEDIUM_SIZE);
      testCluster = await api.fixtures.cluster({
        name: 'test-a',
        environment: 'test',
        storageClasses: ['standard', 'fast'],
        defaultStorageClass: 'standard',
      });
      prodCluster = await api.fixtures.cluster({
        name: 'prod-a',
        environment: 'prod',
      });
    });

    function requestBody(overrides: object = {}) {
      return {
        serviceId: service.id,
        namespace: 'dev',
        templateId: template.id,
        instanceSizeId: size.id,
        reason: 'Load tests',
        ...overrides,
      };
    }

    async function submit(persona = 'engineer-test', overrides: object = {}) {
      const response = await api
        .as(persona)
        .post('/v1/vms/requests')
        .send(requestBody(overrides));
      expect(response.status).toBe(202);
      return response.body as {
        ticketId: string;
        eventId: string;
        status: string;
      };
    }

    async function approve(
      ticketId: string,
      decision: object = { clusterId: testCluster.id },
    ) {
      return api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send(decision);
    }

    it('walks request → approve: ticket APPROVED, VM CREATING with its name, index taken', async () => {
      const submitted = await submit();
      expect(submitted.status).toBe('PENDING');

      const pending = await api.store.tickets.get(submitted.ticketId);
      expect(pending).toMatchObject({
        operation: 'CREATE',
        status: 'PENDING',
        requester: 'user:default/engineer-test',
        environment: 'test',
        systemName: 'shop',
        serviceName: 'cart',
        namespace: 'dev',
      });
      expect((await api.store.events.get(submitted.eventId))?.status).toBe(
        'PENDING',
      );
      expect(await api.store.vms.count({ serviceId: service.id })).toBe(0);
      expect(api.notifications).toEqual([
        expect.objectContaining({
          recipients: expect.objectContaining({
            entityRef: ['group:default/approvers'],
          }),
        }),
      ]);

      const tasks = await api.as('approver').get('/v1/approval-tasks');
      expect(tasks.status).toBe(200);
      expect(tasks.body.items).toEqual([
        {
          ticket: expect.objectContaining({ id: submitted.ticketId }),
          ageDays: 0,
        },
      ]);

      const preview = await api
        .as('approver')
        .get(`/v1/approval-tasks/${submitted.ticketId}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.body.effectiveSpec).toMatchObject({
        cpuCores: 2,
        cpuRequest: 1,
        diskGb: 20,
      });
      expect(preview.body.clusters).toEqual([
        expect.objectContaining({ name: 'test-a', eligible: true }),
        expect.objectContaining({
          name: 'prod-a',
          eligible: false,
          reasonCode: 'CLUSTER_ENVIRONMENT_MISMATCH',
        }),
      ]);

      const approved = await approve(submitted.ticketId, {
        clusterId: testCluster.id,
        storageClass: 'fast',
        comment: 'ok',
      });
      expect(approved.status).toBe(200);
      expect(approved.body.ticket).toMatchObject({
        status: 'APPROVED',
        approver: 'user:default/approver',
        clusterId: testCluster.id,
        vmName: 'dev-shop-cart-01',
        templateSnapshot: expect.objectContaining({ name: 'fedora' }),
        instanceSizeSnapshot: expect.objectContaining({ name: 'medium' }),
      });
      expect(approved.body.ticket.modifiedSpec).toBeUndefined();

      const vm = await api.store.vms.get(approved.body.ticket.vmId);
      expect(vm).toMatchObject({
        name: 'dev-shop-cart-01',
        instance: '01',
        status: 'CREATING',
        clusterId: testCluster.id,
        clusterName: 'test-a',
        storageClass: 'fast',
        createdBy: 'user:default/engineer-test',
      });
      expect(
        (await api.store.services.get(service.id))?.nextInstanceIndex,
      ).toBe(2);
      expect((await api.store.events.get(submitted.eventId))?.status).toBe(
        'PROCESSING',
      );
      expect(await api.store.revisions.listForVm(vm!.id)).toEqual([
        expect.objectContaining({ revision: 1 }),
      ]);
      const audit = await api.store.audit.list({
        offset: 0,
        limit: 10,
        ticketId: submitted.ticketId,
      });
      expect(audit.items.map(e => e.action).sort()).toEqual([
        'approval.approve',
        'vm.request',
      ]);
      expect(api.notifications[1]).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: 'user:default/engineer-test',
        },
        payload: expect.objectContaining({
          title: expect.stringContaining('Approved'),
        }),
      });

      const detail = await api
        .as('engineer-test')
        .get(`/v1/tickets/${submitted.ticketId}`);
      expect(detail.status).toBe(200);
      expect(detail.body.events.map((e: any) => [e.type, e.status])).toEqual([
        ['VM_CREATION_REQUESTED', 'PROCESSING'],
      ]);
      expect(detail.body.history.map((e: any) => e.action)).toEqual([
        'vm.request',
        'approval.approve',
      ]);

      const listed = await api.as('engineer-test').get('/v1/vms');
      expect(listed.body.items.map((v: any) => v.name)).toEqual([
        'dev-shop-cart-01',
      ]);
      expect((await api.as('outsider').get(`/v1/vms/${vm!.id}`)).status).toBe(
        404,
      );
    });

    it('refuses a duplicate pending request, naming the existing ticket', async () => {
      const first = await submit();
      const second = await api
        .as('engineer-prod')
        .post('/v1/vms/requests')
        .send(requestBody());
      expect(second.status).toBe(409);
      expect(second.body.error).toMatchObject({
        code: 'DUPLICATE_PENDING_REQUEST',
        details: { ticketId: first.ticketId },
      });
      // A different shape is a different request.
      await submit('engineer-test', { targetDiskGb: 40 });
    });

    it('gives concurrent approvals distinct indexes and never reuses one', async () => {
      const a = await submit('engineer-test', { targetDiskGb: 30 });
      const b = await submit('engineer-test', { targetDiskGb: 31 });
      const [ra, rb] = await Promise.all([
        approve(a.ticketId),
        approve(b.ticketId),
      ]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      expect([ra.body.ticket.vmName, rb.body.ticket.vmName].sort()).toEqual([
        'dev-shop-cart-01',
        'dev-shop-cart-02',
      ]);

      await api.store.vms.delete(ra.body.ticket.vmId);
      const c = await submit('engineer-test', { targetDiskGb: 32 });
      expect((await approve(c.ticketId)).body.ticket.vmName).toBe(
        'dev-shop-cart-03',
      );
    });

    it('checks the approver decision and writes nothing when it is refused', async () => {
      const { ticketId } = await submit();
      const disabled = await api.fixtures.cluster({
        name: 'test-b',
        enabled: false,
      });
      const cases: Array<[object, number, string]> = [
        [{}, 400, 'CLUSTER_REQUIRED'],
        [{ clusterId: prodCluster.id }, 400, 'CLUSTER_ENVIRONMENT_MISMATCH'],
        [{ clusterId: disabled.id }, 409, 'CLUSTER_UNAVAILABLE'],
        [
          { clusterId: testCluster.id, storageClass: 'gold' },
          400,
          'STORAGE_CLASS_UNKNOWN',
        ],
        [
          {
            clusterId: testCluster.id,
            spec: {
              templateId: template.id,
              cpuCores: 2,
              memoryGi: 4,
              diskGb: 20,
            },
          },
          400,
          'MODIFIED_SPEC_INVALID',
        ],
        [
          {
            clusterId: testCluster.id,
            spec: {
              templateId: template.id,
              instanceSizeId: size.id,
              cpuCores: 2,
              memoryGi: 4,
              diskGb: 20,
              namespace: 'prd',
            },
          },
          400,
          'FORBIDDEN_MODIFICATION',
        ],
        [
          {
            clusterId: testCluster.id,
            spec: {
              templateId: template.id,
              instanceSizeId: size.id,
              cpuCores: 2,
              cpuRequest: 3,
              memoryGi: 4,
              diskGb: 20,
            },
          },
          400,
          'RESOURCE_REQUEST_EXCEEDS_LIMIT',
        ],
        [
          { clusterId: testCluster.id, grantMinutes: 10 },
          400,
          'VALIDATION_FAILED',
        ],
      ];
      for (const [decision, status, code] of cases) {
        const response = await approve(ticketId, decision);
        expect([response.status, response.body.error?.code]).toEqual([
          status,
          code,
        ]);
      }
      expect((await api.store.tickets.get(ticketId))?.status).toBe('PENDING');
      expect(await api.store.vms.count({ serviceId: service.id })).toBe(0);
      expect(
        (await api.store.services.get(service.id))?.nextInstanceIndex,
      ).toBe(1);
      const audit = await api.store.audit.list({
        offset: 0,
        limit: 10,
        ticketId,
      });
      expect(audit.items.map(e => e.action)).toEqual(['vm.request']);
    });

    it('names the VM an approval would create, checks the choices and writes nothing', async () => {
      const { ticketId } = await submit();
      const manifest = (body: object, persona = 'approver') =>
        api
          .as(persona)
          .post(`/v1/approval-tasks/${ticketId}/manifest`)
          .send(body);

      // No VM provider is installed here: the name, but nothing to render.
      const rendered = await manifest({ clusterId: testCluster.id });
      expect(rendered.status).toBe(200);
      expect(rendered.body).toEqual({ vmName: 'dev-shop-cart-01' });

      const cases: Array<[object, number, string]> = [
        [{}, 400, 'CLUSTER_REQUIRED'],
        [{ clusterId: prodCluster.id }, 400, 'CLUSTER_ENVIRONMENT_MISMATCH'],
        [
          { clusterId: testCluster.id, storageClass: 'gold' },
          400,
          'STORAGE_CLASS_UNKNOWN',
        ],
      ];
      for (const [body, status, code] of cases) {
        const refused = await manifest(body);
        expect({
          status: refused.status,
          code: refused.body.error?.code,
        }).toEqual({ status, code });
      }
      const engineer = await manifest(
        { clusterId: testCluster.id },
        'engineer-test',
      );
      // Only approvers see what an approval would apply.
      expect(engineer.status).toBe(403);
      expect(engineer.body.error.code).toBe('PERMISSION_DENIED');

      expect(await api.store.tickets.get(ticketId)).toMatchObject({
        status: 'PENDING',
      });
      expect(await api.store.vms.count({ serviceId: service.id })).toBe(0);
      expect(
        (await api.store.services.get(service.id))?.nextInstanceIndex,
      ).toBe(1);
    });

    it('refuses dedicated CPUs with overcommit and warns about overcommit in prod', async () => {
      const dedicated = await api.fixtures.instanceSize({
        name: 'pinned',
        dedicatedCpu: true,
        cpuCores: 2,
        cpuRequest: 2,
        memoryGi: 4,
        memoryRequestGi: 4,
      });
      const { ticketId } = await submit('engineer-test', {
        instanceSizeId: dedicated.id,
      });
      const overcommitted = await approve(ticketId, {
        clusterId: testCluster.id,
        spec: {
          templateId: template.id,
          instanceSizeId: dedicated.id,
          cpuCores: 2,
          cpuRequest: 1,
          memoryGi: 4,
          diskGb: 20,
        },
      });
      expect(overcommitted.body.error.code).toBe('DEDICATED_CPU_OVERCOMMIT');

      const replaced = await approve(ticketId, {
        clusterId: testCluster.id,
        spec: {
          templateId: template.id,
          instanceSizeId: dedicated.id,
          cpuCores: 4,
          memoryGi: 8,
          diskGb: 40,
        },
      });
      expect(replaced.status).toBe(200);
      // The replacement is stored whole, requests defaulting to limits; nothing merged in.
      expect(replaced.body.ticket.modifiedSpec).toEqual({
        templateId: template.id,
        instanceSizeId: dedicated.id,
        cpuCores: 4,
        cpuRequest: 4,
        memoryGi: 8,
        memoryRequestGi: 8,
        diskGb: 40,
        storageClass: 'standard',
      });

      const prodTicket = await submit('engineer-prod', { namespace: 'prd' });
      const prod = await approve(prodTicket.ticketId, {
        clusterId: prodCluster.id,
      });
      expect(prod.status).toBe(200);
      expect(prod.body.warnings.map((w: any) => w.code)).toEqual([
        'OVERCOMMIT_IN_PROD',
      ]);
      expect(prod.body.ticket.vmName).toBe('prd-shop-cart-02');
    });

    it('keeps requesters from deciding their own tickets', async () => {
      const { ticketId } = await submit('platform-admin');
      const response = await api
        .as('platform-admin')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send({ clusterId: testCluster.id });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('SELF_APPROVAL_FORBIDDEN');
      expect(
        (await api.as('platform-admin').get('/v1/approval-tasks')).body.items,
      ).toEqual([]);

      const engineer = await api
        .as('engineer-test')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send({ clusterId: testCluster.id });
      // A member of the System reads the ticket, but only approvers decide it.
      expect(engineer.status).toBe(403);
      expect(
        (await api.as('engineer-test').get('/v1/approval-tasks')).body.items,
      ).toEqual([]);
    });

    it('rejects with a reason, tells the requester, and does not decide twice', async () => {
      const { ticketId, eventId } = await submit();
      const noReason = await api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/reject`)
        .send({ reason: '  ' });
      expect(noReason.body.error.code).toBe('REJECT_REASON_REQUIRED');

      const rejected = await api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/reject`)
        .send({ reason: 'Use the shared pool' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({
        status: 'REJECTED',
        rejectReason: 'Use the shared pool',
      });
      expect((await api.store.events.get(eventId))?.status).toBe('CANCELLED');
      expect(api.notifications.at(-1)).toMatchObject({
        recipients: { entityRef: 'user:default/engineer-test' },
        payload: expect.objectContaining({
          description: expect.stringContaining('Use the shared pool'),
        }),
      });

      const again = await approve(ticketId);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('TICKET_NOT_PENDING');
    });

    it('lets only the requester cancel a pending ticket', async () => {
      const { ticketId, eventId } = await submit();
      expect(
        (await api.as('outsider').post(`/v1/tickets/${ticketId}/cancel`))
          .status,
      ).toBe(404);
      const other = await api
        .as('engineer-prod')
        .post(`/v1/tickets/${ticketId}/cancel`);
      expect(other.status).toBe(403);

      const cancelled = await api
        .as('engineer-test')
        .post(`/v1/tickets/${ticketId}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('CANCELLED');
      expect((await api.store.events.get(eventId))?.status).toBe('CANCELLED');
      const twice = await api
        .as('engineer-test')
        .post(`/v1/tickets/${ticketId}/cancel`);
      expect(twice.body.error.code).toBe('TICKET_NOT_PENDING');
      const audit = await api.store.audit.list({
        offset: 0,
        limit: 10,
        ticketId,
      });
      expect(audit.items.map(e => e.action)).toEqual([
        'approval.cancel',
        'vm.request',
      ]);
      // The same request can be made again once the first one is withdrawn.
      await submit();
    });

    it('checks what requesters may ask for', async () => {
      const draft = await api.fixtures.template({
        name: 'draft',
        status: 'draft',
      });
      const prodOnly = await api.fixtures.template({
        name: 'prodonly',
        catalogScope: 'prod',
      });
      const cases: Array<[string, object, number, string]> = [
        ['engineer-test', { namespace: 'prd' }, 404, 'NOT_FOUND'],
        ['engineer-test', { templateId: draft.id }, 400, 'TEMPLATE_NOT_ACTIVE'],
        ['engineer-test', { templateId: prodOnly.id }, 400, 'NOT_IN_CATALOG'],
        [
          'engineer-test',
          { targetCpuCores: 1.2 },
          400,
          'RESOURCE_STEP_INVALID',
        ],
        ['engineer-test', { reason: ' ' }, 400, 'VALIDATION_FAILED'],
        [
          'engineer-test',
          { clusterId: testCluster.id },
          400,
          'VALIDATION_FAILED',
        ],
        ['engineer-test', { namespace: 'nope' }, 404, 'NOT_FOUND'],
        ['viewer', {}, 403, 'PERMISSION_DENIED'],
        ['outsider', {}, 404, 'NOT_FOUND'],
      ];
      for (const [persona, overrides, status, code] of cases) {
        const response = await api
          .as(persona)
          .post('/v1/vms/requests')
          .send(requestBody(overrides));
        expect([
          persona,
          overrides,
          response.status,
          response.body.error?.code,
        ]).toEqual([persona, overrides, status, code]);
      }
      expect(
        (await api.store.tickets.list({ offset: 0, limit: 10 })).totalItems,
      ).toBe(0);
      expect(
        (await api.anonymous().post('/v1/vms/requests').send(requestBody()))
          .status,
      ).toBe(401);
    });

    describe('on existing VMs', () => {
      async function vm(overrides: object = {}) {
        return api.fixtures.vm(service, {
          clusterId: testCluster.id,
          ...overrides,
        } as any);
      }

      it('starts test VMs directly and sends prod power operations to approval', async () => {
        const stopped = await vm({
          name: 'dev-shop-cart-01',
          status: 'STOPPED',
        });
        const started = await api
          .as('engineer-test')
          .post(`/v1/vms/${stopped.id}/power`)
          .send({ action: 'start' });
        expect(started.status).toBe(202);
        expect(started.body).toEqual({
          status: 'ACCEPTED',
          eventId: expect.any(String),
        });
        expect(await api.store.events.get(started.body.eventId)).toMatchObject({
          type: 'VM_START_REQUESTED',
          status: 'PROCESSING',
          aggregateType: 'vm',
        });
        expect(
          (await api.store.tickets.list({ offset: 0, limit: 10 })).totalItems,
        ).toBe(0);

        // The start is still queued: nothing else runs on the VM meanwhile.
        const busy = await api
          .as('engineer-test')
          .post(`/v1/vms/${stopped.id}/power`)
          .send({ action: 'restart' });
        expect(busy.status).toBe(409);
        expect(busy.body.error.code).toBe('VM_OPERATION_IN_PROGRESS');
        expect(busy.body.error.message).toContain('a start action');

        const idle = await vm({ name: 'dev-shop-cart-02', status: 'STOPPED' });
        const conflict = await api
          .as('engineer-test')
          .post(`/v1/vms/${idle.id}/power`)
          .send({ action: 'restart' });
        expect(conflict.status).toBe(409);
        expect(conflict.body.error.code).toBe('VM_STATE_CONFLICT');

        const running = await vm({
          name: 'prd-shop-cart-01',
          namespace: 'prd',
          environment: 'prod',
          clusterId: prodCluster.id,
        });
        // A production VM is invisible to an engineer of test environments only.
        const denied = await api
          .as('engineer-test')
          .post(`/v1/vms/${running.id}/power`)
          .send({ action: 'stop' });
        expect(denied.status).toBe(404);

        const stop = await api
          .as('engineer-prod')
          .post(`/v1/vms/${running.id}/power`)
          .send({ action: 'stop', reason: 'maintenance' });
        expect(stop.body).toMatchObject({
          status: 'PENDING_APPROVAL',
          ticketId: expect.any(String),
        });
        const ticket = await api.store.tickets.get(stop.body.ticketId);
        expect(ticket).toMatchObject({
          operation: 'POWER',
          powerAction: 'stop',
          vmName: running.name,
        });
        const twice = await api
          .as('engineer-prod')
          .post(`/v1/vms/${running.id}/power`)
          .send({ action: 'restart' });
        expect(twice.body.error.code).toBe('DUPLICATE_PENDING_REQUEST');
        expect((await approve(stop.body.ticketId, {})).body.ticket.status).toBe(
          'APPROVED',
        );
      });

      it('joins a repeated power action in a test environment rather than running it twice', async () => {
        const running = await vm({ name: 'dev-shop-cart-04' });
        const restart = () =>
          api
            .as('engineer-test')
            .post(`/v1/vms/${running.id}/power`)
            .send({ action: 'restart' });
        const first = await restart();
        expect(first.status).toBe(202);

        const again = await restart();
        expect([again.status, again.body]).toEqual([
          202,
          { status: 'ACCEPTED', eventId: first.body.eventId, joined: true },
        ]);

        // Once the restart was sent the VM shows STARTING, which a restart does not apply to;
        // a repeat still joins the restart under way.
        await api
          .knex('vms')
          .where({ id: running.id })
          .update({ status: 'STARTING' });
        await api
          .knex('jobs')
          .where({ unique_key: `vm:${running.id}` })
          .update({ status: 'running' });
        const whileSent = await restart();
        expect([whileSent.status, whileSent.body.eventId]).toEqual([
          202,
          first.body.eventId,
        ]);

        const stop = await api
          .as('engineer-test')
          .post(`/v1/vms/${running.id}/power`)
          .send({ action: 'stop' });
        expect([stop.status, stop.body.error.code]).toEqual([
          409,
          'VM_OPERATION_IN_PROGRESS',
        ]);
        expect(
          await api.knex('domain_events').where({ aggregate_id: running.id }),
        ).toHaveLength(1);
      });

      it("tells the VM's readers what was done to it, without the audit log's other details", async () => {
        const stopped = await vm({
          name: 'dev-shop-cart-03',
          status: 'STOPPED',
        });
        const started = await api
          .as('engineer-test')
          .post(`/v1/vms/${stopped.id}/power`)
          .send({ action: 'start', reason: 'demo at noon' });
        expect(started.status).toBe(202);

        // engineer-test may not read the audit log, but reads the VM's history.
        expect(
          (
            await api
              .as('engineer-test')
              .get('/v1/audit-logs')
              .query({ resourceId: stopped.id })
          ).status,
        ).toBe(403);
        const history = await api
          .as('engineer-test')
          .get(`/v1/vms/${stopped.id}/history`);
        expect(history.status).toBe(200);
        expect(history.body).toEqual({
          items: [
            {
              id: expect.any(String),
              action: 'vm.start',
              outcome: 'success',
              actor: 'user:default/engineer-test',
              // Not approvalRequired or eventId: those stay in the audit log.
              details: { reason: 'demo at noon' },
              createdAt: expect.any(String),
            },
          ],
          totalItems: 1,
          offset: 0,
          limit: 20,
        });

        const prod = await vm({
          name: 'prd-shop-cart-03',
          namespace: 'prd',
          environment: 'prod',
          clusterId: prodCluster.id,
        });
        // A VM the caller may not read has no history for them either.
        const hidden = await api
          .as('engineer-test')
          .get(`/v1/vms/${prod.id}/history`);
        expect(hidden.status).toBe(404);
        const tooMany = await api
          .as('engineer-test')
          .get(`/v1/vms/${stopped.id}/history`)
          .query({ limit: 1000 });
        expect(tooMany.status).toBe(400);
      });

      it('needs the confirmation tier of the environment to delete, and approval', async () => {
        const testVm = await vm({ name: 'dev-shop-cart-01' });
        const unconfirmed = await api
          .as('engineer-test')
          .delete(`/v1/vms/${testVm.id}`);
        expect(unconfirmed.body.error.code).toBe(
          'DELETE_CONFIRMATION_REQUIRED',
        );
        const requested = await api
          .as('engineer-test')
          .delete(`/v1/vms/${testVm.id}?confirm=true`);
        expect(requested.status).toBe(202);
        const approved = await approve(requested.body.ticketId, {});
        expect(approved.status).toBe(200);
        expect((await api.store.vms.get(testVm.id))?.status).toBe('DELETING');

        const prodVm = await vm({
          name: 'prd-shop-cart-01',
          namespace: 'prd',
          environment: 'prod',
        });
        const checkbox = await api
          .as('engineer-prod')
          .delete(`/v1/vms/${prodVm.id}?confirm=true`);
        expect(checkbox.body.error.code).toBe('DELETE_CONFIRMATION_REQUIRED');
        const typo = await api
          .as('engineer-prod')
          .delete(`/v1/vms/${prodVm.id}?confirm_name=prd-shop-cart-1`);
        expect(typo.body.error.code).toBe('CONFIRMATION_NAME_MISMATCH');
        const typed = await api
          .as('engineer-prod')
          .delete(
            `/v1/vms/${prodVm.id}?confirm_name=prd-shop-cart-01&reason=retired`,
          );
        expect(typed.status).toBe(202);
        expect(
          (await api.as('viewer').delete(`/v1/vms/${prodVm.id}?confirm=true`))
            .status,
        ).toBe(403);
      });

      it('requests modifications that grow disks and need approval', async () => {
        const running = await vm({ name: 'dev-shop-cart-01', diskGb: 20 });
        const empty = await api
          .as('engineer-test')
          .post(`/v1/vms/${running.id}/modify-requests`)
          .send({ reason: 'more' });
        expect(empty.body.error.code).toBe('MODIFY_TARGET_REQUIRED');
        const shrink = await api
          .as('engineer-test')
          .post(`/v1/vms/${running.id}/modify-requests`)
          .send({ reason: 'less', targetDiskGb: 10 });
        expect(shrink.body.error.code).toBe('DISK_SHRINK_FORBIDDEN');
        const grow = await api
          .as('engineer-test')
          .post(`/v1/vms/${running.id}/modify-requests`)
          .send({ reason: 'more', targetCpuCores: 4, targetDiskGb: 40 });
        expect(grow.status).toBe(202);
        const ticket = await api.store.tickets.get(grow.body.ticketId);
        expect(ticket?.requestSpec).toMatchObject({
          targetCpuCores: 4,
          targetDiskGb: 40,
          requiresRestart: true,
        });
        const preview = await api
          .as('approver')
          .get(`/v1/approval-tasks/${grow.body.ticketId}/preview`);
        expect(preview.body.effectiveSpec).toMatchObject({
          cpuCores: 4,
          diskGb: 40,
        });
      });

      it('refuses resizes KubeVirt would refuse for the size the VM was created from', async () => {
        const creation = await api.fixtures.ticket(service, {
          status: 'SUCCESS',
          instanceSizeSnapshot: {
            ...size,
            dedicatedCpu: true,
            cpuRequest: size.cpuCores,
            memoryRequestGi: size.memoryGi,
            requiresHugepages: true,
            hugepagesSize: '1Gi',
          },
        });
        const pinned = await vm({
          name: 'dev-shop-cart-01',
          ticketId: creation.id,
          cpuCores: 2,
          cpuRequest: 2,
          memoryGi: 4,
          memoryRequestGi: 4,
        });
        const fractional = await api
          .as('engineer-test')
          .post(`/v1/vms/${pinned.id}/modify-requests`)
          .send({ reason: 'a bit more', targetCpuCores: 2.5 });
        expect(fractional.status).toBe(400);
        expect(fractional.body.error).toMatchObject({
          code: 'RESOURCE_STEP_INVALID',
          message: expect.stringContaining('dev-shop-cart-01'),
        });
        const halfPage = await api
          .as('engineer-test')
          .post(`/v1/vms/${pinned.id}/modify-requests`)
          .send({ reason: 'a bit more', targetMemoryGi: 4.5 });
        expect(halfPage.body.error.code).toBe('RESOURCE_STEP_INVALID');
        expect(
          (await api.store.tickets.list({ offset: 0, limit: 10 })).items.map(
            t => t.operation,
          ),
        ).toEqual(['CREATE']);

        const whole = await api
          .as('engineer-test')
          .post(`/v1/vms/${pinned.id}/modify-requests`)
          .send({ reason: 'more', targetCpuCores: 4, targetMemoryGi: 8 });
        expect(whole.status).toBe(202);
      });

      it('grants console access directly in test and after approval in prod', async () => {
        const running = await vm({ name: 'dev-shop-cart-01' });
        const granted = await api
          .as('engineer-test')
          .post(`/v1/vms/${running.id}/console/requests`)
          .send({ minutes: 30 });
        expect(granted.status).toBe(200);
        expect(granted.body).toMatchObject({
          status: 'ACCEPTED',
          grant: { vmId: running.id, userRef: 'user:default/engineer-test' },
        });
        const access = await api
          .as('engineer-test')
          .get(`/v1/vms/${running.id}/console`);
        expect(access.body.grant.id).toBe(granted.body.grant.id);

        const tooLong = await api
          .as('engineer-test')
          .post(`/v1/vms/${running.id}/console/requests`)
          .send({ minutes: 121 });
        expect(tooLong.body.error.code).toBe('VALIDATION_FAILED');

        const stopped = await vm({
          name: 'dev-shop-cart-02',
          status: 'STOPPED',
        });
        const notRunning = await api
          .as('engineer-test')
          .post(`/v1/vms/${stopped.id}/console/requests`)
          .send({});
        expect(notRunning.body.error.code).toBe('VM_NOT_RUNNING');

        const prodVm = await vm({
          name: 'prd-shop-cart-01',
          namespace: 'prd',
          environment: 'prod',
        });
        const requested = await api
          .as('engineer-prod')
          .post(`/v1/vms/${prodVm.id}/console/requests`)
          .send({ reason: 'debug boot' });
        expect(requested.status).toBe(202);
        expect(requested.body.status).toBe('PENDING_APPROVAL');
        const pendingAccess = await api
          .as('engineer-prod')
          .get(`/v1/vms/${prodVm.id}/console`);
        expect(pendingAccess.body.pendingTicket.id).toBe(
          requested.body.ticketId,
        );

        const approved = await approve(requested.body.ticketId, {
          grantMinutes: 15,
        });
        expect(approved.body.ticket).toMatchObject({
          status: 'APPROVED',
          grantMinutes: 15,
        });
        const grant = await api
          .as('engineer-prod')
          .get(`/v1/vms/${prodVm.id}/console`);
        expect(grant.body.grant).toMatchObject({
          userRef: 'user:default/engineer-prod',
          grantedBy: 'user:default/approver',
          ticketId: requested.body.ticketId,
        });
        const minutes =
          (Date.parse(grant.body.grant.expiresAt) -
            Date.parse(grant.body.grant.createdAt)) /
          60_000;
        expect(minutes).toBe(15);
      });
    });

    it('lists tickets: mine by default, all readable ones on request', async () => {
      const mine = await submit('engineer-test');
      const theirs = await submit('engineer-prod', { namespace: 'prd' });

      const own = await api.as('engineer-test').get('/v1/tickets');
      expect(own.body.items.map((t: any) => t.id)).toEqual([mine.ticketId]);
      const all = await api.as('engineer-prod').get('/v1/tickets?scope=all');
      expect(all.body.items.map((t: any) => t.id).sort()).toEqual(
        [mine.ticketId, theirs.ticketId].sort(),
      );
      // Production requests of others are invisible to engineers of test environments only.
      const testOnly = await api
        .as('engineer-test')
        .get('/v1/tickets?scope=all');
      expect(testOnly.body.items.map((t: any) => t.id)).toEqual([
        mine.ticketId,
      ]);
      const viewer = await api
        .as('viewer')
        .get('/v1/tickets?scope=all&statusGroup=ACTIVE');
      expect(viewer.body.totalItems).toBe(2);
      const none = await api
        .as('viewer')
        .get('/v1/tickets?scope=all&status=REJECTED');
      expect(none.body.totalItems).toBe(0);
      const bad = await api.as('viewer').get('/v1/tickets?status=DONE');
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        (await api.as('outsider').get('/v1/tickets?scope=all')).body.items,
      ).toEqual([]);
      expect(
        (await api.as('outsider').get(`/v1/tickets/${mine.ticketId}`)).status,
      ).toBe(404);
    });
  });
});
