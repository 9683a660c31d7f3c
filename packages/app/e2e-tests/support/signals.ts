import { Page, WebSocket } from '@playwright/test';
import { expect } from './personas';

/*
 * What a page hears from the backend over Backstage signals: the channels it subscribed to
 * and the signals it received, read off its signals websocket; and, in the same order, its
 * reads of the Shepherd API, so a test can tell a page that re-read because it was signalled
 * from one that merely polled.
 */

/** Something that happened on the page, in order. */
export type PageEvent =
  | { kind: 'signal'; channel: string; message: unknown }
  | { kind: 'read'; path: string; search: string };

function frameText(payload: string | Buffer): string {
  return typeof payload === 'string' ? payload : payload.toString('utf8');
}

export class PageSignals {
  readonly subscribed = new Set<string>();
  readonly events: PageEvent[] = [];

  /** Starts listening; call before the page opens the portal. */
  static listen(page: Page): PageSignals {
    const signals = new PageSignals();
    page.on('websocket', socket => signals.#follow(socket));
    page.on('request', request => {
      const url = new URL(request.url());
      if (
        request.method() === 'GET' &&
        url.pathname.startsWith('/api/shepherd/')
      ) {
        signals.events.push({
          kind: 'read',
          path: url.pathname,
          search: url.search,
        });
      }
    });
    return signals;
  }

  #follow(socket: WebSocket) {
    if (!new URL(socket.url()).pathname.startsWith('/api/signals')) return;
    socket.on('framesent', ({ payload }) => {
      const sent = JSON.parse(frameText(payload));
      if (sent.action === 'subscribe') this.subscribed.add(sent.channel);
    });
    socket.on('framereceived', ({ payload }) => {
      const received = JSON.parse(frameText(payload));
      if (received.channel) {
        this.events.push({
          kind: 'signal',
          channel: received.channel,
          message: received.message,
        });
      }
    });
  }

  /** Resolves once the page has subscribed to `channel`. */
  async subscribedTo(channel: string): Promise<void> {
    await expect
      .poll(() => this.subscribed.has(channel), {
        message: `the page subscribes to ${channel}`,
      })
      .toBe(true);
  }

  /** Marks where a test's story begins: later checks look at what happened since. */
  mark(): number {
    return this.events.length;
  }

  /** The signals received since `mark` on `channel` that name the record `id`. */
  signalsNaming(mark: number, channel: string, id: string): PageEvent[] {
    return this.events
      .slice(mark)
      .filter(
        event =>
          event.kind === 'signal' &&
          event.channel === channel &&
          JSON.stringify(event.message).includes(`"${id}"`),
      );
  }

  /**
   * The reads of `path` since `mark` that no signal preceded (since the read before): what
   * the page read by polling rather than because it was told. `only` narrows them to reads
   * of one part of the page, by their query (e.g. a list's page, not a count of it).
   */
  unsignalledReads(
    mark: number,
    path: string,
    only: (search: URLSearchParams) => boolean = () => true,
  ): PageEvent[] {
    const unsignalled: PageEvent[] = [];
    let signalled = false;
    for (const event of this.events.slice(mark)) {
      if (event.kind === 'signal') {
        signalled = true;
      } else if (
        event.path === path &&
        only(new URLSearchParams(event.search))
      ) {
        if (!signalled) unsignalled.push(event);
        signalled = false;
      }
    }
    return unsignalled;
  }
}
