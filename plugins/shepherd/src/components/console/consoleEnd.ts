import { CONSOLE_CLOSE_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';

/** How a console session ended, as the page tells the user. */
export type ConsoleEnd =
  /** Someone else holds the VM's console. */
  | { kind: 'inUse'; reason: string }
  /** The session ended or could not start; `code` is the websocket's close code. */
  | { kind: 'disconnected'; reason: string; code?: number };

/** What the page saw of a session until it ended. */
export type ConsoleEndSeen = {
  /** The close event of the relay's websocket, when it came. */
  close?: { code: number; reason: string };
  /** The user pressed Disconnect. */
  userDisconnected: boolean;
  /** The VNC handshake had completed. */
  connected: boolean;
  /** Why the VNC server refused the handshake (noVNC's `securityfailure`). */
  securityFailure?: string;
  /** The VNC server asked for credentials, which Shepherd does not hold. */
  credentialsRequired?: boolean;
};

export const USER_DISCONNECTED_REASON = 'You disconnected the console.';
export const IN_USE_REASON =
  'Someone else is using the console of this VM. Try again once their session has ended.';
export const RELAY_UNREACHABLE_REASON =
  'The console relay refused the session or could not be reached. Try again; if it keeps failing, ask your platform team.';
export const CONNECTION_LOST_REASON = 'The connection to the console was lost.';
export const CREDENTIALS_REQUIRED_REASON =
  "The VM's VNC server asks for a password, which Shepherd does not hold.";

/** The relay's reasons when its close frame carried none (they are cut at 123 bytes). */
const RELAY_CLOSE_REASONS: Readonly<Record<number, string>> = {
  [CONSOLE_CLOSE_CODES.upstreamClosed]:
    "The VM's VNC server closed the console.",
  [CONSOLE_CLOSE_CODES.grantExpired]: 'Your console access has expired.',
  [CONSOLE_CLOSE_CODES.idleTimeout]: 'The console was idle for too long.',
  [CONSOLE_CLOSE_CODES.upstreamUnavailable]:
    "The VM's VNC server could not be reached.",
  [CONSOLE_CLOSE_CODES.shutdown]: 'The Shepherd backend is restarting.',
};

/** Tells why a console session ended, from what the page saw of it. */
export function describeConsoleEnd(seen: ConsoleEndSeen): ConsoleEnd {
  const { close } = seen;
  if (seen.userDisconnected) {
    return { kind: 'disconnected', reason: USER_DISCONNECTED_REASON };
  }
  if (close?.code === CONSOLE_CLOSE_CODES.sessionInUse) {
    return { kind: 'inUse', reason: close.reason || IN_USE_REASON };
  }
  if (seen.credentialsRequired) {
    return { kind: 'disconnected', reason: CREDENTIALS_REQUIRED_REASON };
  }
  if (seen.securityFailure) {
    return {
      kind: 'disconnected',
      reason: `The VM's VNC server refused the session: ${seen.securityFailure}`,
    };
  }
  if (close && RELAY_CLOSE_REASONS[close.code]) {
    return {
      kind: 'disconnected',
      reason: close.reason || RELAY_CLOSE_REASONS[close.code],
      code: close.code,
    };
  }
  // The relay refuses a session before the websocket opens: browsers show no reason then.
  return {
    kind: 'disconnected',
    reason: seen.connected
      ? close?.reason || CONNECTION_LOST_REASON
      : RELAY_UNREACHABLE_REASON,
    code: close?.code,
  };
}
