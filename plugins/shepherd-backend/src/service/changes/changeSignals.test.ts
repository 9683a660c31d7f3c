import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  SignalPayload,
  SignalsService,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import {
  SHEPHERD_SIGNAL_CHANNELS,
  ShepherdTicketsSignal,
  ShepherdVmsSignal,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi, startShepherdApi } from '../../__testUtils__/apiHarness';
import { eventually } from '../../__testUtils__/eventually';
import { requestVm } from '../../__testUtils__/vmRequests';
import { createTestDatabases } from '../../__testUtils__/testDatabases';

describe('signals of changed VMs and tickets', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: ShepherdApi;
    let published: SignalPayload[];

    beforeEach(async () => {
      published = [];
      // Backstage's signals service, as the plugin depends on it.
      const signals: SignalsService = {
        async publish(signal) {
          published.push(signal);
        },
      };
      api = await startShepherdApi({
        databases,
        databaseId,
        // Who may change what is not the subject here.
        policy: () => ({ result: AuthorizeResult.ALLOW }),
        features: [
          createServiceFactory({
            service: signalsServiceRef,
            deps: {},
            factory: () => signals,
          }),
        ],
      });
    });

    afterEach(async () => {
      await api.backend.stop();
    });

    /** The changes signalled so far on `channel`, one list per signal. */
    function signalled<T extends ShepherdVmsSignal | ShepherdTicketsSignal>(
      channel: string,
    ): T['changes'][] {
      for (const signal of published) {
        expect(signal.recipients).toEqual({ type: 'broadcast' });
      }
      return published
        .filter(signal => signal.channel === channel)
        .map(signal => (signal.message as T).changes);
    }

    async function vmTargets() {
      const system = await api.fixtures.system({ name: 'shop' });
      const service = await api.fixtures.service(system, { name: 'cart' });
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      const template = await api.fixtures.template({ name: 'fedora' });
      const size = await api.fixtures.instanceSize({ name: 'medium' });
      const cluster = await api.fixtures.cluster({
        name: 'test-a',
        environment: 'test',
      });
      return { service, template, size, clusterId: cluster.id };
    }

    it('signals a new request, and the VM and the request when it is approved', async () => {
      const targets = await vmTargets();

      const { ticketId } = await requestVm(api, targets);
      await eventually(() =>
        expect(signalled(SHEPHERD_SIGNAL_CHANNELS.tickets)).toEqual([
          [{ id: ticketId }],
        ]),
      );
      expect(signalled(SHEPHERD_SIGNAL_CHANNELS.vms)).toEqual([]);

      const approved = await api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send({ clusterId: targets.clusterId });
      expect(approved.status).toBe(200);
      const vmId: string = approved.body.ticket.vmId;

      await eventually(() => {
        expect(signalled(SHEPHERD_SIGNAL_CHANNELS.vms)).toContainEqual([
          { id: vmId, change: 'upserted' },
        ]);
        expect(signalled(SHEPHERD_SIGNAL_CHANNELS.tickets)).toContainEqual([
          { id: ticketId, vmId },
        ]);
      });
    });

    it('signals nothing for a change that was refused', async () => {
      const targets = await vmTargets();
      const { ticketId } = await requestVm(api, targets);
      const engineer = api.as('engineer-test');
      expect(
        (await engineer.post(`/v1/tickets/${ticketId}/cancel`)).status,
      ).toBe(200);
      await eventually(() =>
        expect(signalled(SHEPHERD_SIGNAL_CHANNELS.tickets)).toEqual([
          [{ id: ticketId }],
          [{ id: ticketId }],
        ]),
      );

      // The request was withdrawn already: nothing changes, and nothing is signalled.
      const again = await engineer.post(`/v1/tickets/${ticketId}/cancel`);
      expect(again.status).toBe(409);
      const approval = await api
        .as('approver')
        .post(`/v1/approval-tasks/${ticketId}/approve`)
        .send({ clusterId: targets.clusterId });
      expect(approval.status).toBe(409);

      expect(signalled(SHEPHERD_SIGNAL_CHANNELS.tickets)).toHaveLength(2);
      expect(signalled(SHEPHERD_SIGNAL_CHANNELS.vms)).toEqual([]);
    });
  });
});
