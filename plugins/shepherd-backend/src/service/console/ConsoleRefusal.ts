/** Why the relay refuses a websocket before it is upgraded, as an HTTP status. */
export type ConsoleRefusalStatus = 401 | 403 | 404 | 409;

/**
 * A console session the relay does not open. The message is safe to show the browser: it
 * never contains the token.
 */
export class ConsoleRefusal extends Error {
  constructor(readonly status: ConsoleRefusalStatus, message: string) {
    super(message);
    this.name = 'ConsoleRefusal';
  }
}
