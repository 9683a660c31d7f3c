import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  SHEPHERD_CHANGES_TOPIC,
  ShepherdChangesEvent,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import request from 'supertest';
import { ShepherdApi, startShepherdApi } from '../../__testUtils__/apiHarness';
import { eventually } from '../../__testUtils__/eventually';
import { requestAndApproveVm } from '../../__testUtils__/vmRequests';
import { createTestDatabases } from '../../__testUtils__/testDatabases';

describe('announcements of changed Systems, Services and VMs', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: ShepherdApi;
    let published: EventParams[];

    beforeEach(async () => {
      published = [];
      api = await startShepherdApi({
        databases,
        databaseId,
        // Who may change what is not the subject here.
        policy: () => ({ result: AuthorizeResult.ALLOW }),
        features: [
          createServiceFactory({
            service: eventsServiceRef,
            deps: {},
            factory: () => ({
              publish: async (event: EventParams) => {
                published.push(event);
              },
              subscribe: async () => {},
            }),
          }),
        ],
      });
    });

    afterEach(async () => {
      await api.backend.stop();
    });

    /**
     * The changes announced so far, one list per event on the changes topic (the bus also
     * carries the signals to open pages).
     */
    function announced() {
      return published
        .filter(event => event.topic === SHEPHERD_CHANGES_TOPIC)
        .map(event => (event.eventPayload as ShepherdChangesEvent).changes);
    }

    it('announces each committed change of a System, its members and its Services', async () => {
      const engineer = api.as('engineer-test');
      const created = await engineer
        .post('/v1/systems')
        .send({ name: 'shop', description: 'The shop' });
      expect(created.status).toBe(201);
      const systemId = created.body.item.id;
      await eventually(() =>
        expect(announced()).toEqual([
          [{ kind: 'system', id: systemId, change: 'upserted' }],
        ]),
      );

      const member = await engineer
        .post(`/v1/systems/${systemId}/members`)
        .send({ memberRef: 'user:default/viewer', role: 'viewer' });
      expect(member.status).toBe(201);
      const service = await engineer
        .post(`/v1/systems/${systemId}/services`)
        .send({ name: 'api' });
      expect(service.status).toBe(201);
      const serviceId = service.body.item.id;
      const removed = await engineer.delete(
        `/v1/services/${serviceId}?confirm=true`,
      );
      expect(removed.status).toBe(204);

      await eventually(() =>
        expect(announced()).toEqual([
          [{ kind: 'system', id: systemId, change: 'upserted' }],
          [{ kind: 'system', id: systemId, change: 'upserted' }],
          [{ kind: 'service', id: serviceId, change: 'upserted' }],
          [{ kind: 'service', id: serviceId, change: 'removed' }],
        ]),
      );
    });

    it('announces a VM when its approval records it, not when it is requested', async () => {
      const system = await api.fixtures.system({ name: 'shop' });
      const service = await api.fixtures.service(system, { name: 'cart' });
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      const template = await api.fixtures.template({ name: 'fedora' });
      const size = await api.fixtures.instanceSize({ name: 'medium' });
      const cluster = await api.fixtures.cluster({
        name: 'test-a',
        environment: 'test',
      });

      const { vmId } = await requestAndApproveVm(api, {
        service,
        template,
        size,
        clusterId: cluster.id,
      });

      await eventually(() =>
        expect(announced()).toEqual([
          [
            {
              kind: 'vm',
              id: vmId,
              change: 'upserted',
            },
          ],
        ]),
      );
    });

    it('announces nothing for a change that was refused', async () => {
      const engineer = api.as('engineer-test');
      expect(
        (await engineer.post('/v1/systems').send({ name: 'shop' })).status,
      ).toBe(201);
      await eventually(() => expect(announced()).toHaveLength(1));

      const duplicate = await engineer
        .post('/v1/systems')
        .send({ name: 'shop' });
      expect(duplicate.status).toBe(409);
      // Announcements go out in the order of their changes: once the next change's has
      // arrived, one for the refused change would have arrived before it.
      expect(
        (await engineer.post('/v1/systems').send({ name: 'cart' })).status,
      ).toBe(201);
      await eventually(() => expect(announced()).toHaveLength(2));

      expect(announced()).toHaveLength(2);
    });

    it('lets another backend plugin read what it was told about', async () => {
      const created = await api
        .as('engineer-test')
        .post('/v1/systems')
        .send({ name: 'shop' });
      await eventually(() => expect(announced()).toHaveLength(1));
      const [[change]] = announced();

      const response = await request(api.backend.server)
        .get(`/api/shepherd/v1/systems/${change.id}`)
        .set('Authorization', mockCredentials.service.header());

      expect(response.status).toBe(200);
      expect(response.body).toEqual(created.body.item);
    });
  });
});
