import {
  ConsoleSession,
  SHEPHERD_PLUGIN_ID,
  consoleWebSocketProtocols,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/**
 * The websocket URL of a console session: the Shepherd backend's base URL with a websocket
 * scheme, and the session's path. The token is not part of it: URLs end up in access logs.
 */
export function consoleSocketUrl(
  backendBaseUrl: string,
  websocketPath: string,
): string {
  const url = new URL(backendBaseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/$/, '')}${websocketPath}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** What opening the relay's websocket needs from the app. */
export type ConsoleSocketDeps = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  identityApi: { getCredentials(): Promise<{ token?: string }> };
};

/** Thrown when the user has no Backstage token to present to the relay (a guest). */
export class ConsoleSignInRequiredError extends Error {
  constructor() {
    super('Sign in to open the console: the console relay needs your identity');
    this.name = 'ConsoleSignInRequiredError';
  }
}

/**
 * Opens the console relay's websocket for a session. Browsers cannot set headers on a
 * websocket, so the session token and the user's Backstage token travel as subprotocols,
 * which the relay reads and answers with the console protocol.
 */
export async function openConsoleSocket(
  deps: ConsoleSocketDeps,
  session: ConsoleSession,
): Promise<WebSocket> {
  const [baseUrl, credentials] = await Promise.all([
    deps.discoveryApi.getBaseUrl(SHEPHERD_PLUGIN_ID),
    deps.identityApi.getCredentials(),
  ]);
  if (!credentials.token) {
    throw new ConsoleSignInRequiredError();
  }
  return new WebSocket(
    consoleSocketUrl(baseUrl, session.websocketPath),
    consoleWebSocketProtocols(session.token, credentials.token),
  );
}
