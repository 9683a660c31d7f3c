import {
  REQUEST_REASON_MAX_LENGTH,
  ShepherdCluster,
  ShepherdService,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { describeShepherdApi } from '../../__testUtils__/apiHarness';

/*
 * What guards production through the API: a deletion is confirmed by its approver with the
 * VM's name typed, and deletions and console requests say why.
 */
describe('production safeguards of requests and approvals', () => {
  describeShepherdApi({}, api => {
    let service: ShepherdService;
    let prodCluster: ShepherdCluster;

    beforeEach(async () => {
      service = await api.fixtures.teamService();
      await api.fixtures.namespace({ name: 'prd', environment: 'prod' });
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      prodCluster = await api.fixtures.cluster({
        name: 'prod-a',
        environment: 'prod',
      });
    });

    const prodVm = () =>
      api.fixtures.vm(service, {
        name: 'prd-shop-cart-01',
        namespace: 'prd',
        environment: 'prod',
        clusterId: prodCluster.id,
      });

    const approve = (ticketId: string, decision: object) =>
      api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send(decision);

    it('asks the requester of a production deletion for a reason', async () => {
      const vm = await prodVm();
      const confirmed = `/v1/vms/${vm.id}?confirm_name=${vm.name}`;

      const missing = await api.as('engineer-prod').delete(confirmed);
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({
        code: 'REASON_REQUIRED',
        message: expect.stringContaining('Give a reason'),
      });
      const blank = await api
        .as('engineer-prod')
        .delete(`${confirmed}&reason=${encodeURIComponent('   ')}`);
      expect(blank.body.error.code).toBe('REASON_REQUIRED');
      const tooLong = await api
        .as('engineer-prod')
        .delete(
          `${confirmed}&reason=${'x'.repeat(REQUEST_REASON_MAX_LENGTH + 1)}`,
        );
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.code).toBe('REASON_TOO_LONG');
      expect(
        (await api.store.tickets.list({ offset: 0, limit: 10 })).totalItems,
      ).toBe(0);

      const given = await api
        .as('engineer-prod')
        .delete(`${confirmed}&reason=${encodeURIComponent(' retired ')}`);
      expect(given.status).toBe(202);
      expect(await api.store.tickets.get(given.body.ticketId)).toMatchObject({
        reason: 'retired',
      });
    });

    it('approves a production deletion only with the VM name typed by the approver', async () => {
      const vm = await prodVm();
      const requested = await api
        .as('engineer-prod')
        .delete(`/v1/vms/${vm.id}?confirm_name=${vm.name}&reason=retired`);
      expect(requested.status).toBe(202);
      const { ticketId } = requested.body;

      const missing = await approve(ticketId, {});
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({
        code: 'DELETE_CONFIRMATION_REQUIRED',
        message: expect.stringContaining('confirmVmName'),
        details: { field: 'confirmVmName' },
      });
      const wrong = await approve(ticketId, {
        confirmVmName: 'prd-shop-cart-1',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error).toMatchObject({
        code: 'CONFIRMATION_NAME_MISMATCH',
        details: { field: 'confirmVmName' },
      });
      // Refused approvals change nothing: the ticket waits, the VM runs.
      expect(await api.store.tickets.get(ticketId)).toMatchObject({
        status: 'PENDING',
      });
      expect((await api.store.vms.get(vm.id))?.status).toBe('RUNNING');

      const approved = await approve(ticketId, { confirmVmName: vm.name });
      expect(approved.status).toBe(200);
      expect(approved.body.ticket.status).toBe('APPROVED');
      expect((await api.store.vms.get(vm.id))?.status).toBe('DELETING');
    });

    it('takes the typed name for deletions only', async () => {
      const vm = await prodVm();
      const requested = await api
        .as('engineer-prod')
        .post(`/v1/vms/${vm.id}/console/requests`)
        .send({ reason: 'reads the boot log' });
      expect(requested.status).toBe(202);

      const misplaced = await approve(requested.body.ticketId, {
        confirmVmName: vm.name,
      });
      expect(misplaced.status).toBe(400);
      expect(misplaced.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'confirmVmName cannot be decided for VNC_ACCESS tickets',
      });
    });

    it('asks for a reason with production console access only', async () => {
      const vm = await prodVm();
      const consoleOf = (id: string) => `/v1/vms/${id}/console/requests`;

      const missing = await api
        .as('engineer-prod')
        .post(consoleOf(vm.id))
        .send({ minutes: 15 });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('REASON_REQUIRED');
      const blank = await api
        .as('engineer-prod')
        .post(consoleOf(vm.id))
        .send({ reason: ' \n ' });
      expect(blank.body.error.code).toBe('REASON_REQUIRED');
      const tooLong = await api
        .as('engineer-prod')
        .post(consoleOf(vm.id))
        .send({ reason: 'x'.repeat(REQUEST_REASON_MAX_LENGTH + 1) });
      expect(tooLong.body.error.code).toBe('REASON_TOO_LONG');

      const testCluster = await api.fixtures.cluster({
        name: 'test-a',
        environment: 'test',
      });
      const testVm = await api.fixtures.vm(service, {
        name: 'dev-shop-cart-01',
        clusterId: testCluster.id,
      });
      const granted = await api
        .as('engineer-test')
        .post(consoleOf(testVm.id))
        .send({ minutes: 15 });
      expect(granted.status).toBe(200);
    });
  });
});
