import { PowerAction, VmStatus } from './enums';

/**
 * The VM statuses from which each power action is accepted; from any other the API answers
 * `VM_STATE_CONFLICT`. User interfaces use it to offer only the actions that can work.
 *
 * @public
 */
export const POWER_ACTION_ALLOWED_FROM: Readonly<
  Record<PowerAction, readonly VmStatus[]>
> = {
  start: ['STOPPED', 'FAILED'],
  stop: ['RUNNING', 'STARTING', 'PAUSED', 'MIGRATING'],
  restart: ['RUNNING', 'PAUSED'],
};

/**
 * Whether a power action is accepted for a VM in `status`.
 *
 * @public
 */
export function isPowerActionAllowed(
  action: PowerAction,
  status: VmStatus,
): boolean {
  return POWER_ACTION_ALLOWED_FROM[action].includes(status);
}

/**
 * Statuses in which a VM cannot be modified or deleted: its create or delete job owns it.
 *
 * @public
 */
export const VM_STATUSES_OWNED_BY_JOBS: readonly VmStatus[] = [
  'CREATING',
  'DELETING',
];

/**
 * The longest console grant, in minutes (upstream: at most 2 hours).
 *
 * @public
 */
export const CONSOLE_GRANT_MAX_MINUTES = 120;

/**
 * The console grant length when none is asked for, in minutes.
 *
 * @public
 */
export const CONSOLE_GRANT_DEFAULT_MINUTES = 60;

/**
 * The subprotocol of Shepherd's console relay; the relay echoes it. Clients offer it
 * together with the session token and their Backstage token, see
 * {@link consoleWebSocketProtocols}.
 *
 * @public
 */
export const CONSOLE_WEBSOCKET_PROTOCOL = 'shepherd.console.v1';

/**
 * Prefixes of the subprotocols that carry the session token and the user's Backstage token
 * (base64url) to the console relay: browsers cannot set headers on a websocket, and a query string
 * would end up in access logs.
 *
 * @public
 */
export const CONSOLE_PROTOCOL_PREFIXES = {
  token: 'shepherd.session.',
  backstageToken: 'shepherd.bearer.',
} as const;

/** Base64url without padding of an ASCII text (tokens), in browsers and Node.js alike. */
function base64UrlOfAscii(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The subprotocols a client offers when it opens the console relay, e.g. as noVNC's
 * `wsProtocols`. The Backstage token is base64url-encoded, as Kubernetes does with bearer
 * tokens in subprotocols: a subprotocol allows only token characters.
 *
 * @public
 */
export function consoleWebSocketProtocols(
  sessionToken: string,
  backstageToken: string,
): string[] {
  return [
    CONSOLE_WEBSOCKET_PROTOCOL,
    `${CONSOLE_PROTOCOL_PREFIXES.token}${sessionToken}`,
    `${CONSOLE_PROTOCOL_PREFIXES.backstageToken}${base64UrlOfAscii(
      backstageToken,
    )}`,
  ];
}

/**
 * Close codes with which the console relay ends the browser's websocket, so that a console
 * page can tell the user why.
 *
 * @public
 */
export const CONSOLE_CLOSE_CODES = {
  /** The VNC server ended the session (e.g. the VM stopped, or someone took it over). */
  upstreamClosed: 4100,
  /** The console grant expired. */
  grantExpired: 4101,
  /** Nothing was sent either way for the idle timeout. */
  idleTimeout: 4102,
  /** The VM's VNC server could not be reached. */
  upstreamUnavailable: 4103,
  /** Someone else holds the VM's console. */
  sessionInUse: 4104,
  /** The backend is shutting down. */
  shutdown: 1001,
} as const;
