import { mockCredentials } from '@backstage/backend-test-utils';
import { isVncServerInstalled } from '@kubevirt-shepherd/kubevirt-sim';
import {
  ConsoleSession,
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
  consoleWebSocketProtocols,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AddressInfo } from 'node:net';
import { Response } from 'supertest';
import WebSocket from 'ws';
import { describeShepherdApi } from '../__testUtils__/apiHarness';
import { eventually } from '../__testUtils__/eventually';
import { MEDIUM_SIZE } from '../__testUtils__/fixtures';
import { startSimulatedShepherd } from '../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { userRef } from '../__testUtils__/testPolicy';
import { requestAndApproveVm } from '../__testUtils__/vmRequests';

/*
 * Races over the real HTTP surface: many requests at once to the plugin listening on a port,
 * each answered on its own. Of requests that compete for one thing, exactly one wins and every
 * other is told why, with a 409 and a stable code; nothing is written twice.
 */

/** How many requests compete in each race. */
const CONTENDERS = 50;

/** The answers by status, and the codes of the refusals. */
function tally(responses: Response[]) {
  const statuses: Record<number, number> = {};
  const codes: Record<string, number> = {};
  for (const response of responses) {
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const code = response.body?.error?.code;
    if (code) codes[code] = (codes[code] ?? 0) + 1;
  }
  return { statuses, codes };
}

const times = <T>(count: number, make: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, index) => make(index)));

describe('races over HTTP', () => {
  describeShepherdApi(
    { config: { shepherd: { approvers: ['group:default/approvers'] } } },
    api => {
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
        });
      });

      const requestVm = () =>
        api.as('engineer-test').post('/v1/vms/requests').send({
          serviceId: service.id,
          namespace: 'dev',
          templateId: template.id,
          instanceSizeId: size.id,
          reason: 'Load tests',
        });

      it(`approves a ticket once of ${CONTENDERS} concurrent approvals`, async () => {
        const submitted = await requestVm();
        expect(submitted.status).toBe(202);
        const { ticketId } = submitted.body;

        const responses = await times(CONTENDERS, () =>
          api
            .as('approver')
            .post(`/v1/approval-tasks/${ticketId}/approve`)
            .send({ clusterId: cluster.id }),
        );

        expect(tally(responses)).toEqual({
          statuses: { 200: 1, 409: CONTENDERS - 1 },
          codes: { TICKET_NOT_PENDING: CONTENDERS - 1 },
        });
        expect(await api.store.tickets.get(ticketId)).toMatchObject({
          status: 'APPROVED',
        });
        expect(await api.store.vms.count({ serviceId: service.id })).toBe(1);
        expect((await api.store.jobs.countByStatus()).queued).toBe(1);
        const audit = await api.store.audit.list({
          offset: 0,
          limit: 100,
          ticketId,
        });
        expect(
          audit.items.filter(entry => entry.action === 'approval.approve'),
        ).toHaveLength(1);
      });

      it(`keeps one pending ticket of ${CONTENDERS} concurrent identical VM requests`, async () => {
        const responses = await times(CONTENDERS, () => requestVm());

        expect(tally(responses)).toEqual({
          statuses: { 202: 1, 409: CONTENDERS - 1 },
          codes: { DUPLICATE_PENDING_REQUEST: CONTENDERS - 1 },
        });
        const pending = await api.store.tickets.list({
          offset: 0,
          limit: 100,
          statuses: ['PENDING'],
        });
        expect(pending.items).toHaveLength(1);
        const accepted = responses.find(r => r.status === 202)!;
        expect(pending.items[0].id).toBe(accepted.body.ticketId);
      });

      describe('owners taken away at once', () => {
        const OWNERS = Array.from(
          { length: 5 },
          (_, i) => `user:default/owner-${i}`,
        );

        async function systemOfOwners() {
          const system = await api.fixtures.system({
            members: OWNERS.map(ref => [ref, 'owner']),
          });
          const members = await api.store.members.listForSystem(system.id);
          return { system, memberIds: members.map(m => m.id) };
        }

        const ownersOf = async (systemId: string) =>
          (await api.store.members.listForSystem(systemId)).filter(
            m => m.role === 'owner',
          );

        it('keeps an owner when every owner is removed at once', async () => {
          const { system, memberIds } = await systemOfOwners();

          const responses = await times(memberIds.length, index =>
            api
              .as('platform-admin')
              .delete(`/v1/systems/${system.id}/members/${memberIds[index]}`),
          );

          expect(tally(responses)).toEqual({
            statuses: { 204: OWNERS.length - 1, 409: 1 },
            codes: { LAST_OWNER: 1 },
          });
          expect(await ownersOf(system.id)).toHaveLength(1);
        });

        it('keeps an owner when every owner is made an admin at once', async () => {
          const { system, memberIds } = await systemOfOwners();

          const responses = await times(memberIds.length, index =>
            api
              .as('platform-admin')
              .patch(`/v1/systems/${system.id}/members/${memberIds[index]}`)
              .send({ role: 'admin' }),
          );

          expect(tally(responses)).toEqual({
            statuses: { 200: OWNERS.length - 1, 409: 1 },
            codes: { LAST_OWNER: 1 },
          });
          expect(await ownersOf(system.id)).toHaveLength(1);
        });
      });
    },
  );
});

const describeWithVncServer = isVncServerInstalled() ? describe : describe.skip;
if (!isVncServerInstalled()) {
  // eslint-disable-next-line no-console
  console.warn(
    '\n*** CONSOLE TOKEN RACE SKIPPED: no VNC server (Xtigervnc) for the KubeVirt simulator. ***\n',
  );
}

describeWithVncServer('races over HTTP: the console relay', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    /** How many websockets offer the one token at once. */
    const SOCKETS = 20;

    it(`admits a console session token once of ${SOCKETS} concurrent websockets`, async () => {
      const { sim, api, ...world } = await startSimulatedShepherd({
        databases,
        databaseId,
        simulator: { vnc: true },
      });
      const sockets: WebSocket[] = [];
      try {
        const { vmId } = await requestAndApproveVm(api, world, 'Console');
        await eventually(async () => {
          expect((await api.store.vms.get(vmId))?.status).toBe('RUNNING');
        });
        const granted = await api
          .as('engineer-test')
          .post(`/v1/vms/${vmId}/console/requests`)
          .send({ minutes: 30 });
        expect(granted.status).toBe(200);
        const created = await api
          .as('engineer-test')
          .post(`/v1/vms/${vmId}/console/sessions`)
          .send({});
        expect(created.status).toBe(201);
        const session = created.body as ConsoleSession;
        const { port } = api.backend.server.address() as AddressInfo;
        const protocols = consoleWebSocketProtocols(
          session.token,
          mockCredentials.user.token(userRef('engineer-test')),
        );

        const outcomes = await times(
          SOCKETS,
          () =>
            new Promise<number>((resolve, reject) => {
              const socket = new WebSocket(
                `ws://127.0.0.1:${port}/api/shepherd${session.websocketPath}`,
                protocols,
              );
              sockets.push(socket);
              socket.once('open', () => resolve(101));
              socket.once('unexpected-response', (_req, res) =>
                resolve(res.statusCode ?? 0),
              );
              socket.once('error', reject);
            }),
        );

        expect(outcomes.filter(status => status === 101)).toHaveLength(1);
        expect(outcomes.filter(status => status === 403)).toHaveLength(
          SOCKETS - 1,
        );
        const [{ count }] = await api
          .knex('console_session_tokens')
          .count({ count: '*' });
        expect(Number(count)).toBe(1);
      } finally {
        for (const socket of sockets) {
          // A refused socket reports its end as an error; its outcome was counted.
          socket.on('error', () => {});
          socket.terminate();
        }
        await api.backend.stop();
        await sim.close();
      }
    });
  });
});
