import {
  SHEPHERD_MAX_PAGE_SIZE,
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AddressInfo } from 'node:net';
import {
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';

const MAX_LIMIT = SHEPHERD_MAX_PAGE_SIZE;

/**
 * The read routes of the Shepherd API over in-memory records, served on a real port: lists
 * page like the real ones (offset, limit at most 100, totalItems), single records answer 404
 * when missing. It remembers every request and its authorization header; `failWith` makes
 * the following requests fail with a status, `hang` leaves them unanswered. `nextRequest()`
 * resolves when the next request arrives; `beforeAnswer` may change the records first.
 */
export class FakeShepherd {
  systems: ShepherdSystem[] = [];
  members: SystemMember[] = [];
  services: ShepherdService[] = [];
  vms: ShepherdVm[] = [];
  readonly requests: Array<{ path: string; authorization?: string }> = [];
  failWith?: number;
  hang = false;
  beforeAnswer?: (path: string) => void;

  #server?: Server;
  #waiting: Array<() => void> = [];

  /** Resolves when the next request has arrived. */
  nextRequest(): Promise<void> {
    return new Promise(resolve => this.#waiting.push(resolve));
  }

  /** Starts serving; answers the base URL of the plugin, as discovery would. */
  async start(): Promise<string> {
    this.#server = createServer((req, res) => this.#handle(req, res));
    await new Promise<void>(resolve =>
      this.#server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/shepherd`;
  }

  async stop(): Promise<void> {
    // Requests left hanging would keep the server open.
    this.#server?.closeAllConnections();
    await new Promise(resolve => this.#server?.close(resolve));
  }

  #handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({
      path: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
    });
    const waiting = this.#waiting;
    this.#waiting = [];
    waiting.forEach(resolve => resolve());
    if (this.hang) return;
    this.beforeAnswer?.(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    // Error bodies shaped like those of Backstage's error handler.
    const fail = (status: number, name: string, message: string) =>
      send(status, {
        error: { name, message },
        request: { method: req.method, url: req.url },
        response: { statusCode: status },
      });
    const missing = (what: string) =>
      fail(404, 'NotFoundError', `${what} not found`);
    if (this.failWith) {
      fail(this.failWith, 'ServiceUnavailableError', 'Shepherd is unwell');
      return;
    }
    if (req.method !== 'GET' || !req.headers.authorization) {
      fail(401, 'AuthenticationError', 'No');
      return;
    }
    const query = url.searchParams;
    const page = <T>(items: T[]) => {
      const offset = Number(query.get('offset') ?? 0);
      const limit = Number(query.get('limit') ?? 20);
      if (limit > MAX_LIMIT) {
        send(400, { error: { name: 'InputError', message: 'limit' } });
        return;
      }
      send(200, {
        items: items.slice(offset, offset + limit),
        totalItems: items.length,
        offset,
        limit,
      });
    };
    const path = url.pathname.replace(/^\/api\/shepherd/, '').split('/');
    const [, version, collection, id, sub] = path;
    if (version !== 'v1') {
      missing('Route');
      return;
    }
    const find = <T extends { id: string }>(items: T[], what: string) => {
      const item = items.find(candidate => candidate.id === id);
      if (item) send(200, item);
      else missing(what);
    };
    const bySystemAndService = <
      T extends { systemId: string; serviceId?: string },
    >(
      items: T[],
    ) =>
      items.filter(
        item =>
          (!query.get('systemId') || item.systemId === query.get('systemId')) &&
          (!query.get('serviceId') ||
            item.serviceId === query.get('serviceId')),
      );

    if (collection === 'systems' && !id) page(this.systems);
    else if (collection === 'systems' && sub === 'members') {
      if (this.systems.some(system => system.id === id)) {
        send(200, {
          items: this.members.filter(member => member.systemId === id),
        });
      } else missing('System');
    } else if (collection === 'systems') find(this.systems, 'System');
    else if (collection === 'services' && !id)
      page(bySystemAndService(this.services));
    else if (collection === 'services') find(this.services, 'Service');
    else if (collection === 'vms' && !id) page(bySystemAndService(this.vms));
    else if (collection === 'vms') find(this.vms, 'VM');
    else missing('Route');
  }
}
