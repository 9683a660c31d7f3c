import { CONSOLE_CLOSE_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdVncStream } from '@kubevirt-shepherd/plugin-shepherd-node';
import WebSocket from 'ws';
import { ConsoleSessionEnd } from './ConsoleSessionsService';

/** Timers the relay uses; tests pass manual ones. */
export interface RelayTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: RelayTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Above this many bytes queued towards the browser, the relay stops reading from the VNC
 * server until the browser's socket drained below {@link LOW_WATER_MARK}.
 */
const HIGH_WATER_MARK = 1 << 20;
const LOW_WATER_MARK = 1 << 18;
/** What ws calls a frame above the server's `maxPayload`. */
const FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
/** Close reasons are limited to 123 bytes by the websocket protocol. */
const MAX_CLOSE_REASON_BYTES = 123;

function closeReason(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= MAX_CLOSE_REASON_BYTES
    ? text
    : bytes
        .subarray(0, MAX_CLOSE_REASON_BYTES)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
}

function toBytes(data: WebSocket.RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return data;
}

export interface ConsoleRelayOptions {
  /** Ends a session in which nothing travelled either way for this long. */
  idleTimeoutMs: number;
  clock?: () => Date;
  timers?: RelayTimers;
}

/** A relayed session that can be ended from outside (backend shutdown). */
export interface RelayHandle {
  /** Resolves when both sides are closed, with what the audit log records. */
  readonly ended: Promise<ConsoleSessionEnd>;
  end(code: number, reason: string): void;
}

/**
 * Pipes a browser's websocket and a VM's VNC stream into each other, with back-pressure
 * both ways: the browser is paused while its bytes wait for the VNC stream, the VNC stream
 * while the browser's socket holds too much. Either side closing closes the other; so do
 * the end of the grant and the idle timeout.
 */
export class ConsoleRelay {
  readonly #idleTimeoutMs: number;
  readonly #clock: () => Date;
  readonly #timers: RelayTimers;

  constructor(options: ConsoleRelayOptions) {
    this.#idleTimeoutMs = options.idleTimeoutMs;
    this.#clock = options.clock ?? (() => new Date());
    this.#timers = options.timers ?? realTimers;
  }

  start(
    browser: WebSocket,
    upstream: ShepherdVncStream,
    grantExpiresAt: string,
  ): RelayHandle {
    const timers = this.#timers;
    const startedAt = this.#clock().getTime();
    let bytesToVm = 0;
    let bytesFromVm = 0;
    let writesInFlight = 0;
    let upstreamPaused = false;
    let finished = false;
    let idleTimer: unknown;
    // Assigned right below; finish() only runs after that, from timers and socket events.
    // eslint-disable-next-line prefer-const
    let expiryTimer: unknown;
    let resolveEnded: (end: ConsoleSessionEnd) => void = () => {};
    const ended = new Promise<ConsoleSessionEnd>(resolve => {
      resolveEnded = resolve;
    });

    const finish = (reason: string, code?: number) => {
      if (finished) return;
      finished = true;
      timers.clearTimeout(expiryTimer);
      timers.clearTimeout(idleTimer);
      upstream.close();
      // A paused socket would not read the browser's answer to the close frame.
      if (browser.isPaused) browser.resume();
      if (
        code !== undefined &&
        (browser.readyState === WebSocket.OPEN ||
          browser.readyState === WebSocket.CONNECTING)
      ) {
        browser.close(code, closeReason(reason));
      }
      resolveEnded({
        reason,
        durationMs: this.#clock().getTime() - startedAt,
        bytesToVm,
        bytesFromVm,
      });
    };

    const touch = () => {
      timers.clearTimeout(idleTimer);
      idleTimer = timers.setTimeout(
        () =>
          finish(
            'The console was idle for too long',
            CONSOLE_CLOSE_CODES.idleTimeout,
          ),
        this.#idleTimeoutMs,
      );
    };

    const resumeUpstreamWhenDrained = () => {
      if (upstreamPaused && browser.bufferedAmount <= LOW_WATER_MARK) {
        upstreamPaused = false;
        upstream.resume?.();
      }
    };

    expiryTimer = timers.setTimeout(
      () =>
        finish(
          'The console grant has expired',
          CONSOLE_CLOSE_CODES.grantExpired,
        ),
      Math.max(0, Date.parse(grantExpiresAt) - startedAt),
    );
    touch();

    upstream.onData(chunk => {
      if (finished || browser.readyState !== WebSocket.OPEN) return;
      bytesFromVm += chunk.length;
      touch();
      browser.send(chunk, { binary: true }, resumeUpstreamWhenDrained);
      if (!upstreamPaused && browser.bufferedAmount > HIGH_WATER_MARK) {
        upstreamPaused = true;
        upstream.pause?.();
      }
    });
    upstream.onClose(reason =>
      finish(
        reason
          ? `The VNC server closed the console: ${reason}`
          : 'The VNC server closed the console',
        CONSOLE_CLOSE_CODES.upstreamClosed,
      ),
    );

    browser.on('message', data => {
      if (finished) return;
      const chunk = toBytes(data);
      bytesToVm += chunk.length;
      touch();
      writesInFlight += 1;
      if (writesInFlight === 1) browser.pause();
      upstream.write(chunk).then(
        () => {
          writesInFlight -= 1;
          if (writesInFlight === 0 && !finished) browser.resume();
        },
        () =>
          finish(
            'The VNC server connection failed',
            CONSOLE_CLOSE_CODES.upstreamClosed,
          ),
      );
    });
    browser.on('close', () => finish('The browser closed the console'));
    // An error is followed by a close (ws has already sent it, with 1009 for a frame above
    // the server's maxPayload); nothing more to do than end the session.
    browser.on('error', error =>
      finish(
        (error as { code?: string }).code === FRAME_TOO_LARGE
          ? 'The browser sent a frame larger than the console allows'
          : 'The browser connection failed',
      ),
    );

    if (browser.readyState !== WebSocket.OPEN) {
      // The browser left while the VNC stream was being opened.
      finish('The browser closed the console');
    }
    return { ended, end: (code, reason) => finish(reason, code) };
  }
}
