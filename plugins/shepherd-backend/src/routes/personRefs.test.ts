import {
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { describeShepherdApi } from '../__testUtils__/apiHarness';
import { MEDIUM_SIZE } from '../__testUtils__/fixtures';

/*
 * One person, whatever the case of their entity ref: Backstage compares entity refs
 * case-insensitively, and a sign-in resolver may issue `user:default/Platform-Admin` one day
 * and `user:default/platform-admin` the next. Every check of "the same person" holds across
 * both spellings.
 */

const KEY_SECRET = Buffer.alloc(32, 7).toString('base64');
const CONFIG = {
  shepherd: {
    approvers: ['group:default/approvers'],
    credentials: { encryptionKeys: [{ id: 'k1', secret: KEY_SECRET }] },
  },
};

describe('people are the same whatever the case of their entity ref', () => {
  describeShepherdApi({ config: CONFIG }, api => {
    let service: ShepherdService;
    let template: ShepherdTemplate;
    let size: ShepherdInstanceSize;

    beforeEach(async () => {
      service = await api.fixtures.teamService();
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      template = await api.fixtures.template({ name: 'fedora' });
      size = await api.fixtures.instanceSize(MEDIUM_SIZE);
      await api.fixtures.cluster({ name: 'test-a', environment: 'test' });
    });

    async function submit(persona: string) {
      const response = await api.as(persona).post('/v1/vms/requests').send({
        serviceId: service.id,
        namespace: 'dev',
        templateId: template.id,
        instanceSizeId: size.id,
        reason: 'Load tests',
      });
      expect(response.status).toBe(202);
      return response.body.ticketId as string;
    }

    it('refuses self-approval by the requester signed in with another case, and leaves the request out of their queue', async () => {
      const ticketId = await submit('platform-admin');

      const queue = await api.as('Platform-Admin').get('/v1/approval-tasks');
      expect(queue.status).toBe(200);
      expect(queue.body.items).toEqual([]);

      const approved = await api
        .as('Platform-Admin')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send({});
      expect(approved.status).toBe(403);
      expect(approved.body.error.code).toBe('SELF_APPROVAL_FORBIDDEN');
      const rejected = await api
        .as('Platform-Admin')
        .post(`/v1/approval-tasks/${ticketId}/reject`)
        .send({ reason: 'mine' });
      expect(rejected.status).toBe(403);
      expect(rejected.body.error.code).toBe('SELF_APPROVAL_FORBIDDEN');
      expect((await api.store.tickets.get(ticketId))?.status).toBe('PENDING');

      // Anyone else still sees and decides it.
      const others = await api.as('approver').get('/v1/approval-tasks');
      expect(others.body.items).toEqual([
        expect.objectContaining({
          ticket: expect.objectContaining({ id: ticketId }),
        }),
      ]);
    });

    it('keeps the requester in its normal form: their requests and cancelling them in any case', async () => {
      const ticketId = await submit('Engineer-Test');
      expect((await api.store.tickets.get(ticketId))?.requester).toBe(
        'user:default/engineer-test',
      );

      const mine = await api.as('engineer-test').get('/v1/tickets');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual([
        ticketId,
      ]);

      const cancelled = await api
        .as('engineer-test')
        .post(`/v1/tickets/${ticketId}/cancel`)
        .send();
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('CANCELLED');
    });

    it('opens the console to the grantee signed in with another case', async () => {
      const vm = await api.fixtures.vm(service, {
        name: 'dev-shop-cart-01',
        clusterId: (await api.store.clusters.getByName('test-a'))!.id,
      });
      const granted = await api
        .as('engineer-test')
        .post(`/v1/vms/${vm.id}/console/requests`)
        .send({ minutes: 30 });
      expect(granted.status).toBe(200);
      expect(granted.body.grant.userRef).toBe('user:default/engineer-test');

      const session = await api
        .as('Engineer-Test')
        .post(`/v1/vms/${vm.id}/console/sessions`)
        .send();
      expect(session.status).toBe(201);
    });
  });
});
