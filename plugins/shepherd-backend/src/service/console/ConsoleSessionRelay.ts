import { LoggerService } from '@backstage/backend-plugin-api';
import { CONSOLE_CLOSE_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import WebSocket from 'ws';
import { ConsoleRelay, RelayHandle } from './ConsoleRelay';
import { ConsoleSessionAudit } from './ConsoleSessionAudit';
import { ConsoleSessionGate } from './ConsoleSessionGate';
import { ConsoleStreamOpener } from './ConsoleSessionsService';

/** A websocket upgrade the relay completes only once the token was accepted. */
export type AcceptUpgrade = () => Promise<WebSocket>;

/**
 * Serves one console websocket: admits its token (refusals leave the websocket un-upgraded),
 * accepts the upgrade, opens the VM's VNC stream and relays until one side ends, auditing the
 * start and the end with duration and bytes.
 */
export class ConsoleSessionRelay {
  readonly #active = new Set<RelayHandle>();

  constructor(
    private readonly gate: ConsoleSessionGate,
    private readonly opener: ConsoleStreamOpener,
    private readonly audit: ConsoleSessionAudit,
    private readonly relay: ConsoleRelay,
    private readonly logger: LoggerService,
  ) {}

  /** Sessions being relayed now. */
  get activeSessions(): number {
    return this.#active.size;
  }

  /**
   * Throws {@link ConsoleRefusal} before `accept` is called when the session may not open;
   * resolves when the session has ended.
   */
  async serve(
    request: { token: string; vmId: string; userRef: string },
    accept: AcceptUpgrade,
  ): Promise<void> {
    const session = await this.gate.admit(request);
    const browser = await accept();
    // Bytes the browser sends before the VNC stream is open would be lost otherwise.
    browser.pause();
    const vm = { namespace: session.vm.namespace, name: session.vm.name };
    let upstream;
    try {
      // Only a take-over token, whose permission was checked when it was issued, displaces
      // a session someone else holds.
      upstream = await this.opener.open(session.vm.clusterId!, vm, {
        preserveSession: !session.takeover,
      });
    } catch (error) {
      const inUse =
        error instanceof ShepherdProviderError && error.kind === 'conflict';
      const reason = inUse
        ? `The console of ${vm.name} is in use by another session`
        : `The VNC server of ${vm.name} could not be reached`;
      this.logger.warn(`${reason}: ${error}`);
      // Paused, the socket would not read the browser's answer to the close frame.
      browser.resume();
      browser.close(
        inUse
          ? CONSOLE_CLOSE_CODES.sessionInUse
          : CONSOLE_CLOSE_CODES.upstreamUnavailable,
        reason,
      );
      await this.audit.failed(session, reason);
      return;
    }
    const handle = this.relay.start(browser, upstream, session.grant.expiresAt);
    this.#active.add(handle);
    browser.resume();
    try {
      await this.audit.started(session);
      const end = await handle.ended;
      await this.audit.closed(session, end);
    } finally {
      this.#active.delete(handle);
    }
  }

  /** Ends every relayed session, e.g. when the backend shuts down. */
  closeAll(): void {
    for (const handle of this.#active) {
      handle.end(CONSOLE_CLOSE_CODES.shutdown, 'The backend is shutting down');
    }
  }
}
