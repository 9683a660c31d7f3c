import { CONSOLE_CLOSE_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdVncStream } from '@kubevirt-shepherd/plugin-shepherd-node';
import { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { ManualClock, ManualTimers } from '../../__testUtils__/manualTime';
import { ConsoleRelay } from './ConsoleRelay';

/** A VNC stream in memory: what the relay wrote, and levers for the VNC server's side. */
class FakeVncStream implements ShepherdVncStream {
  readonly written: Buffer[] = [];
  closed = false;
  paused = false;
  /** When set, writes wait for the test to settle them (a slow VNC server). */
  holdWrites = false;
  readonly held: Array<{ resolve: () => void; reject: (e: Error) => void }> =
    [];
  #data?: (chunk: Uint8Array) => void;
  #close?: (reason?: string) => void;

  write(chunk: Uint8Array) {
    this.written.push(Buffer.from(chunk));
    if (!this.holdWrites) return Promise.resolve();
    return new Promise<void>((resolve, reject) =>
      this.held.push({ resolve, reject }),
    );
  }
  onData(listener: (chunk: Uint8Array) => void) {
    this.#data = listener;
  }
  onClose(listener: (reason?: string) => void) {
    this.#close = listener;
  }
  close() {
    this.closed = true;
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  /** The VNC server sends bytes. */
  send(text: string) {
    this.#data?.(Buffer.from(text, 'latin1'));
  }
  /** The VNC server ends the stream. */
  end(reason?: string) {
    this.#close?.(reason);
  }
}

const IDLE_MS = 15 * 60_000;
const GRANT_MS = 30 * 60_000;

describe('ConsoleRelay', () => {
  let wss: WebSocketServer;
  let port: number;
  let clock: ManualClock;
  let timers: ManualTimers;
  let relay: ConsoleRelay;
  const clients: WebSocket[] = [];

  beforeAll(async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise(resolve => wss.once('listening', resolve));
    port = (wss.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise(resolve => wss.close(resolve));
  });

  beforeEach(() => {
    clock = new ManualClock();
    timers = new ManualTimers();
    relay = new ConsoleRelay({
      idleTimeoutMs: IDLE_MS,
      clock: clock.now,
      timers,
    });
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.terminate();
  });

  /** A browser connected to the relay's side of a websocket, and the relayed session. */
  async function connect(upstream: FakeVncStream, grantMs = GRANT_MS) {
    const serverSide = new Promise<WebSocket>(resolve =>
      wss.once('connection', resolve),
    );
    const browser = new WebSocket(`ws://127.0.0.1:${port}`);
    clients.push(browser);
    const relaySide = await serverSide;
    await new Promise(resolve => browser.once('open', resolve));
    const grantExpiresAt = new Date(
      clock.now().getTime() + grantMs,
    ).toISOString();
    const handle = relay.start(relaySide, upstream, grantExpiresAt);
    const received: Buffer[] = [];
    browser.on('message', data => received.push(data as Buffer));
    const closed = new Promise<{ code: number; reason: string }>(resolve =>
      browser.once('close', (code, reason) =>
        resolve({ code, reason: reason.toString() }),
      ),
    );
    return { browser, relaySide, handle, received, closed };
  }

  function nextMessage(browser: WebSocket) {
    return new Promise<Buffer>(resolve =>
      browser.once('message', data => resolve(data as Buffer)),
    );
  }

  function written(upstream: FakeVncStream, bytes: number) {
    return new Promise<void>(resolve => {
      const check = () =>
        Buffer.concat(upstream.written).length >= bytes
          ? resolve()
          : setImmediate(check);
      check();
    });
  }

  it('relays both ways, counts the bytes and ends both sides when the browser closes', async () => {
    const upstream = new FakeVncStream();
    const { browser, handle } = await connect(upstream);

    const greeting = nextMessage(browser);
    upstream.send('RFB 003.008\n');
    expect((await greeting).toString('latin1')).toBe('RFB 003.008\n');
    browser.send(Buffer.from('RFB 003.008\n', 'latin1'));
    await written(upstream, 12);
    expect(Buffer.concat(upstream.written).toString('latin1')).toBe(
      'RFB 003.008\n',
    );

    clock.advance(42_000);
    browser.close(1000);
    const end = await handle.ended;
    expect(end).toEqual({
      reason: 'The browser closed the console',
      durationMs: 42_000,
      bytesToVm: 12,
      bytesFromVm: 12,
    });
    expect(upstream.closed).toBe(true);
    expect(timers.pendingTimeouts).toEqual([]);
  });

  it('closes the session when the grant expires', async () => {
    const upstream = new FakeVncStream();
    const { handle, closed } = await connect(upstream, GRANT_MS);
    // The expiry is due exactly when the grant ends; nothing else fires it.
    expect(timers.pendingTimeouts).toContain(GRANT_MS);
    timers.fireTimeouts(GRANT_MS);

    expect(await closed).toEqual({
      code: CONSOLE_CLOSE_CODES.grantExpired,
      reason: 'The console grant has expired',
    });
    expect((await handle.ended).reason).toBe('The console grant has expired');
    expect(upstream.closed).toBe(true);
  });

  it('closes an idle session, and activity postpones the idle timeout', async () => {
    const upstream = new FakeVncStream();
    const { browser, closed } = await connect(upstream);
    const message = nextMessage(browser);
    upstream.send('frame');
    await message;
    // Activity replaced the idle timer: one expiry and one idle timeout are pending.
    expect(timers.pendingTimeouts.sort()).toEqual([IDLE_MS, GRANT_MS].sort());
    timers.fireTimeouts(IDLE_MS);
    expect(await closed).toEqual({
      code: CONSOLE_CLOSE_CODES.idleTimeout,
      reason: 'The console was idle for too long',
    });
    expect(upstream.closed).toBe(true);
  });

  it('closes the browser side cleanly with the reason when the VNC server ends the stream', async () => {
    const upstream = new FakeVncStream();
    const { handle, closed } = await connect(upstream);
    upstream.end('VMI is not running');
    expect(await closed).toEqual({
      code: CONSOLE_CLOSE_CODES.upstreamClosed,
      reason: 'The VNC server closed the console: VMI is not running',
    });
    expect((await handle.ended).reason).toMatch(/VMI is not running/);
    expect(timers.pendingTimeouts).toEqual([]);
  });

  it('closes the browser side when a write to the VNC server fails', async () => {
    const upstream = new FakeVncStream();
    upstream.holdWrites = true;
    const { browser, closed } = await connect(upstream);
    browser.send(Buffer.from('key'));
    await written(upstream, 3);
    upstream.held[0].reject(new Error('socket hang up'));
    expect((await closed).code).toBe(CONSOLE_CLOSE_CODES.upstreamClosed);
  });

  it('stops reading from the browser while its bytes wait for the VNC server', async () => {
    const upstream = new FakeVncStream();
    upstream.holdWrites = true;
    const { browser, relaySide } = await connect(upstream);
    browser.send(Buffer.from('a'));
    await written(upstream, 1);
    expect(relaySide.isPaused).toBe(true);
    upstream.held[0].resolve();
    await new Promise(resolve => setImmediate(resolve));
    expect(relaySide.isPaused).toBe(false);
  });

  it('pauses the VNC stream while the browser socket holds too much, and resumes when it drained', async () => {
    const upstream = new FakeVncStream();
    const { browser, received } = await connect(upstream);
    // A browser that does not read: the kernel's buffers fill, then the relay's.
    browser.pause();
    const chunk = 'x'.repeat(1 << 20);
    let sent = 0;
    while (!upstream.paused && sent < 256) {
      upstream.send(chunk);
      sent += 1;
    }
    expect(upstream.paused).toBe(true);
    browser.resume();
    await new Promise<void>(resolve => {
      const check = () =>
        received.reduce((total, part) => total + part.length, 0) >=
        sent * chunk.length
          ? resolve()
          : setImmediate(check);
      check();
    });
    expect(upstream.paused).toBe(false);
  });

  it('ends a session whose grant has already expired at once', async () => {
    const upstream = new FakeVncStream();
    const { closed } = await connect(upstream, 0);
    timers.fireTimeouts(0);
    expect((await closed).code).toBe(CONSOLE_CLOSE_CODES.grantExpired);
  });
});
