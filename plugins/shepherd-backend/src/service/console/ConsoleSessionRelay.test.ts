import { mockCredentials } from '@backstage/backend-test-utils';
import {
  KubevirtSimulator,
  isVncServerInstalled,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import {
  CONSOLE_CLOSE_CODES,
  ConsoleSession,
  CreateVmConsoleSessionRequest,
  consoleWebSocketProtocols,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import shepherdModuleKubevirt from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ShepherdApi, startShepherdApi } from '../../__testUtils__/apiHarness';
import { eventually } from '../../__testUtils__/eventually';
import { requestAndApproveVm } from '../../__testUtils__/vmRequests';
import { seedSimulatedCluster } from '../../__testUtils__/simulatedCluster';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { userRef } from '../../__testUtils__/testPolicy';
import { CONSOLE_MAX_BROWSER_FRAME_BYTES } from '../../routes/consoleStreamRouter';
import {
  ConsoleTokenSealer,
  hashUserRef,
} from '../../crypto/ConsoleTokenSealer';

/*
 * The console relay end to end: the Shepherd plugin and the real KubeVirt provider module,
 * a simulated cluster whose VNC subresource bridges to a real VNC server (Xtigervnc), and
 * a browser's websocket opened with the session token as a subprotocol.
 */

const KEY = { id: 'k1', secret: Buffer.alloc(32, 3) };
const CONFIG = {
  shepherd: {
    approvers: ['group:default/approvers'],
    credentials: {
      encryptionKeys: [{ id: KEY.id, secret: KEY.secret.toString('base64') }],
    },
    jobs: {
      concurrency: 2,
      pollIntervalSeconds: 1,
      followIntervalSeconds: 0.02,
    },
  },
};
const RFB_GREETING = 'RFB 003.008\n';

const describeWithVncServer = isVncServerInstalled() ? describe : describe.skip;
if (!isVncServerInstalled()) {
  // eslint-disable-next-line no-console
  console.warn(
    '\n*** CONSOLE RELAY TESTS SKIPPED: no VNC server (Xtigervnc) for the KubeVirt simulator. ***\n' +
      "*** Install Debian's tigervnc-standalone-server to run them.                          ***\n",
  );
}

describeWithVncServer(
  'console relay against a simulated KubeVirt cluster',
  () => {
    const databases = createTestDatabases();

    describe.each(databases.eachSupportedId())('on %p', databaseId => {
      let sim: KubevirtSimulator;
      let api: ShepherdApi;
      let vmId: string;
      const sockets: WebSocket[] = [];

      beforeEach(async () => {
        sim = await startSimulator({ timing: 'instant', name: 'sim-test' });
        api = await startShepherdApi({
          databases,
          databaseId,
          config: CONFIG,
          features: [shepherdModuleKubevirt],
          periodicTasksOnStartup: false,
        });
        const { service, template, size, clusterId } =
          await seedSimulatedCluster(api, sim);
        ({ vmId } = await requestAndApproveVm(
          api,
          { service, template, size, clusterId },
          'Console',
        ));
        await eventually(async () => {
          if ((await api.store.vms.get(vmId))?.status !== 'RUNNING') {
            throw new Error('The VM is not running yet');
          }
        });
      });

      afterEach(async () => {
        for (const socket of sockets.splice(0)) {
          // A refused socket reports its end as an error; the test already looked at it.
          socket.on('error', () => {});
          socket.terminate();
        }
        await api.backend.stop();
        await sim.close();
      });

      async function grantAndSession(
        persona = 'engineer-test',
        request?: CreateVmConsoleSessionRequest,
      ) {
        const granted = await api
          .as(persona)
          .post(`/v1/vms/${vmId}/console/requests`)
          .send({ minutes: 30 });
        expect(granted.status).toBe(200);
        const session = await api
          .as(persona)
          .post(`/v1/vms/${vmId}/console/sessions`)
          .send(request ?? {});
        expect(session.status).toBe(201);
        return session.body as ConsoleSession;
      }

      function relayUrl(path: string) {
        const { port } = api.backend.server.address() as AddressInfo;
        return `ws://127.0.0.1:${port}/api/shepherd${path}`;
      }

      /** Opens the relay; resolves with the open socket, or with the HTTP refusal. */
      function openRelay(
        session: Pick<ConsoleSession, 'token' | 'websocketPath'>,
        persona = 'engineer-test',
      ) {
        const socket = new WebSocket(
          relayUrl(session.websocketPath),
          consoleWebSocketProtocols(
            session.token,
            mockCredentials.user.token(userRef(persona)),
          ),
        );
        sockets.push(socket);
        return new Promise<{ socket?: WebSocket; refused?: number }>(
          (resolve, reject) => {
            socket.once('open', () => resolve({ socket }));
            socket.once('unexpected-response', (_req, res) =>
              resolve({ refused: res.statusCode ?? 0 }),
            );
            socket.once('error', reject);
          },
        );
      }

      /** Opens the relay, which must accept. */
      async function openedRelay(
        session: ConsoleSession,
        persona = 'engineer-test',
      ) {
        const { socket, refused } = await openRelay(session, persona);
        if (!socket) throw new Error(`The relay refused with ${refused}`);
        return socket;
      }

      function firstBytes(socket: WebSocket, count: number) {
        return new Promise<Buffer>(resolve => {
          let buffered = Buffer.alloc(0);
          const onMessage = (data: Buffer) => {
            buffered = Buffer.concat([buffered, data]);
            if (buffered.length >= count) {
              socket.off('message', onMessage);
              resolve(buffered.subarray(0, count));
            }
          };
          socket.on('message', onMessage);
        });
      }

      function closeOf(socket: WebSocket) {
        return new Promise<{ code: number; reason: string }>(resolve =>
          socket.once('close', (code, reason) =>
            resolve({ code, reason: reason.toString() }),
          ),
        );
      }

      const auditActions = async () =>
        (
          await api.store.audit.list({
            offset: 0,
            limit: 100,
            resourceId: vmId,
          })
        ).items;

      it('relays the VM console once per token and audits the session with its bytes', async () => {
        const session = await grantAndSession();
        const socket = await openedRelay(session);
        expect(socket.protocol).toBe('shepherd.console.v1');
        expect((await firstBytes(socket, 12)).toString('latin1')).toBe(
          RFB_GREETING,
        );
        // The RFB handshake goes through: version, then the security types.
        socket.send(Buffer.from(RFB_GREETING, 'latin1'));
        const [count] = await firstBytes(socket, 1);
        expect(count).toBeGreaterThan(0);

        // Replayed: the token was used up by the first connection.
        expect(await openRelay(session)).toEqual({ refused: 403 });

        const closed = new Promise(resolve => socket.once('close', resolve));
        socket.close(1000);
        await closed;
        await eventually(async () => {
          const entries = await auditActions();
          const ended = entries.find(e => e.action === 'vnc.session_closed');
          expect(ended?.details).toMatchObject({
            reason: 'The browser closed the console',
            bytesToVm: 12,
            bytesFromVm: expect.any(Number),
            durationMs: expect.any(Number),
          });
          expect(
            entries.find(e => e.action === 'vnc.session_started'),
          ).toMatchObject({
            actor: userRef('engineer-test'),
            outcome: 'success',
          });
        });
        const [{ count: markers }] = await api
          .knex('console_session_tokens')
          .count({ count: '*' });
        expect(Number(markers)).toBe(1);
      });

      it("refuses another user's token, expired and forged tokens, and missing credentials", async () => {
        const session = await grantAndSession();
        // engineer-prod may open test consoles, but this token was issued to engineer-test.
        expect(await openRelay(session, 'engineer-prod')).toEqual({
          refused: 403,
        });

        const sealer = new ConsoleTokenSealer([KEY]);
        const claims = sealer.open(session.token);
        const expired = sealer.seal({
          ...claims,
          tokenId: randomUUID(),
          expiresAt: new Date(Date.now() - 1_000).toISOString(),
        });
        expect(await openRelay({ ...session, token: expired })).toEqual({
          refused: 403,
        });
        const forged = new ConsoleTokenSealer([
          { id: KEY.id, secret: Buffer.alloc(32, 9) },
        ]).seal({ ...claims, userHash: hashUserRef(userRef('engineer-test')) });
        expect(await openRelay({ ...session, token: forged })).toEqual({
          refused: 403,
        });
        const noUser = new WebSocket(relayUrl(session.websocketPath), [
          'shepherd.console.v1',
          `shepherd.session.${session.token}`,
        ]);
        sockets.push(noUser);
        const status = await new Promise(resolve =>
          noUser.once('unexpected-response', (_req, res) =>
            resolve(res.statusCode),
          ),
        );
        expect(status).toBe(401);

        // None of the refusals used the token up: its user still opens the console with it.
        expect((await openRelay(session)).socket).toBeDefined();
      });

      it('closes the browser side cleanly when the VM stops under the console', async () => {
        const session = await grantAndSession();
        const socket = await openedRelay(session);
        await firstBytes(socket, 12);
        const closed = new Promise<{ code: number; reason: string }>(resolve =>
          socket.once('close', (code, reason) =>
            resolve({ code, reason: reason.toString() }),
          ),
        );
        await api
          .as('engineer-test')
          .post(`/v1/vms/${vmId}/power`)
          .send({ action: 'stop' });
        expect(await closed).toEqual({
          code: CONSOLE_CLOSE_CODES.upstreamClosed,
          reason: expect.stringMatching(/^The VNC server closed the console/),
        });
        expect(sim.vnc.activeSessions()).toBe(0);
      });

      it('closes with 1009 when the browser sends a frame beyond the limit, and audits the end', async () => {
        const session = await grantAndSession();
        const socket = await openedRelay(session);
        await firstBytes(socket, 12);
        const closed = closeOf(socket);
        socket.send(Buffer.alloc(CONSOLE_MAX_BROWSER_FRAME_BYTES + 1));
        expect((await closed).code).toBe(1009);
        await eventually(async () => {
          const ended = (await auditActions()).find(
            e => e.action === 'vnc.session_closed',
          );
          expect(ended?.details).toMatchObject({
            reason: 'The browser sent a frame larger than the console allows',
            bytesToVm: 0,
          });
          expect(sim.vnc.activeSessions()).toBe(0);
        });
      });

      it('still relays once another plugin listens to the server upgrades (as signals does)', async () => {
        // From now on upgrades no longer reach Express; the relay follows the server's.
        const otherPlugin = jest.fn();
        api.backend.server.on('upgrade', otherPlugin);
        const session = await grantAndSession();
        const socket = await openedRelay(session);
        expect((await firstBytes(socket, 12)).toString('latin1')).toBe(
          RFB_GREETING,
        );
        expect(await openRelay(session)).toEqual({ refused: 403 });
        expect(otherPlugin).toHaveBeenCalled();
      });

      it('reports a console held by someone else without taking it over', async () => {
        const session = await grantAndSession();
        const vm = (await api.store.vms.get(vmId))!;
        // Someone holds the console directly on the cluster.
        const holder = new WebSocket(
          `${sim.url.replace(
            /^http/,
            'ws',
          )}/apis/subresources.kubevirt.io/v1/namespaces/${
            vm.namespace
          }/virtualmachineinstances/${vm.name}/vnc`,
          ['plain.kubevirt.io'],
          {
            rejectUnauthorized: false,
            headers: { authorization: `Bearer ${sim.token}` },
          },
        );
        sockets.push(holder);
        await new Promise(resolve => holder.once('message', resolve));

        const socket = await openedRelay(session);
        const code = await new Promise(resolve =>
          socket.once('close', resolve),
        );
        expect(code).toBe(CONSOLE_CLOSE_CODES.sessionInUse);
        expect(holder.readyState).toBe(WebSocket.OPEN);
        await eventually(async () => {
          const failed = (await auditActions()).find(
            e => e.action === 'vnc.session_started' && e.outcome === 'failure',
          );
          expect(failed?.details.reason).toMatch(/in use/);
        });
      });

      it('a take-over session displaces the holder, whose browser is told why; without take-over it is refused', async () => {
        const holderSession = await grantAndSession('engineer-test');
        const holder = await openedRelay(holderSession);
        await firstBytes(holder, 12);
        const holderClosed = closeOf(holder);

        // Another user without take-over: refused with "in use", the holder keeps the console.
        const plain = await grantAndSession('engineer-prod');
        const refused = await openedRelay(plain, 'engineer-prod');
        expect((await closeOf(refused)).code).toBe(
          CONSOLE_CLOSE_CODES.sessionInUse,
        );
        expect(holder.readyState).toBe(WebSocket.OPEN);

        const takeover = await grantAndSession('engineer-prod', {
          takeover: true,
        });
        const taker = await openedRelay(takeover, 'engineer-prod');
        expect((await firstBytes(taker, 12)).toString('latin1')).toBe(
          RFB_GREETING,
        );
        expect(await holderClosed).toEqual({
          code: CONSOLE_CLOSE_CODES.upstreamClosed,
          reason: expect.stringMatching(
            /^The VNC server closed the console: .*taken over/,
          ),
        });
        expect(taker.readyState).toBe(WebSocket.OPEN);
        await eventually(async () => {
          const entries = await auditActions();
          const started = entries.filter(
            e => e.action === 'vnc.session_started' && e.outcome === 'success',
          );
          expect(started).toEqual(
            expect.arrayContaining([
              expect.objectContaining({
                actor: userRef('engineer-prod'),
                details: expect.objectContaining({ takeover: true }),
              }),
              expect.objectContaining({
                actor: userRef('engineer-test'),
                details: expect.objectContaining({ takeover: false }),
              }),
            ]),
          );
          expect(
            entries.find(
              e =>
                e.action === 'vnc.session_closed' &&
                e.actor === userRef('engineer-test'),
            )?.details.reason,
          ).toMatch(/taken over/);
        });
      });

      it('cannot turn a token into a take-over: its claims are sealed', async () => {
        const holder = await openedRelay(
          await grantAndSession('engineer-test'),
        );
        await firstBytes(holder, 12);
        const session = await grantAndSession('engineer-prod');
        // A client knows no key: a token it re-seals with take-over does not open.
        const claims = new ConsoleTokenSealer([KEY]).open(session.token);
        expect(claims.takeover).toBe(false);
        const resealed = new ConsoleTokenSealer([
          { id: KEY.id, secret: Buffer.alloc(32, 9) },
        ]).seal({ ...claims, takeover: true });
        expect(
          await openRelay({ ...session, token: resealed }, 'engineer-prod'),
        ).toEqual({ refused: 403 });
        // Changing the sealed body fails its authentication.
        const parts = session.token.split('.');
        const body = parts[4];
        parts[4] = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
        expect(
          await openRelay(
            { ...session, token: parts.join('.') },
            'engineer-prod',
          ),
        ).toEqual({ refused: 403 });
        // The token as issued still leaves the holder's session alone.
        const refused = await openedRelay(session, 'engineer-prod');
        expect((await closeOf(refused)).code).toBe(
          CONSOLE_CLOSE_CODES.sessionInUse,
        );
        expect(holder.readyState).toBe(WebSocket.OPEN);
      });
    });
  },
);
