import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import {
  Page,
  SHEPHERD_MAX_PAGE_SIZE,
  SHEPHERD_PLUGIN_ID,
  ShepherdApiClient,
  createShepherdApiClient,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReadOptions, ShepherdReader } from './ShepherdReader';

const PAGE_SIZE = SHEPHERD_MAX_PAGE_SIZE;

/** How often a list that keeps changing while it is read page by page is read again. */
const MAX_LIST_READS = 3;

export interface HttpShepherdReaderOptions {
  /** How long one request may take, answer included, before it is given up. */
  requestTimeoutMs: number;
}

/** What a call of the Shepherd API client resolves to. */
type Answer<Data> = { data?: Data; error?: unknown; response: Response };

/** One page of a list, asked for by offset and size. */
type PageReader<T> = (page: {
  offset: number;
  limit: number;
}) => Promise<Page<T>>;

/**
 * Reads Shepherd over its HTTP API (`/api/shepherd/v1`), through the client generated from
 * the API's spec, with the catalog's own service token: the Shepherd backend lets other
 * backend plugins read Systems, Services, members and VMs, and the permission framework lets
 * service principals read everything.
 */
export class HttpShepherdReader implements ShepherdReader {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly options: HttpShepherdReaderOptions,
  ) {}

  /**
   * Makes one call of the API client and answers its data; a record that does not exist
   * answers undefined when `notFound` says so. Any other error answer throws a
   * ResponseError.
   */
  async #read<Data>(
    call: (client: ShepherdApiClient) => Promise<Answer<Data>>,
    options: { notFound?: 'undefined' } & ReadOptions = {},
  ): Promise<Data | undefined> {
    const baseUrl = await this.discovery.getBaseUrl(SHEPHERD_PLUGIN_ID);
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: SHEPHERD_PLUGIN_ID,
    });
    // A Shepherd that stops answering must not hold up the provider, whose reads run one
    // after the other: every request ends after the timeout, or when the caller gives up.
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs);
    const signal = options.signal
      ? AbortSignal.any([timeout, options.signal])
      : timeout;
    let sent: { url: string; method?: string } | undefined;
    const client = createShepherdApiClient({
      baseUrl,
      token,
      fetch: (url, init) => {
        sent = { url, method: init.method };
        return fetch(url, { ...init, signal });
      },
    });
    try {
      const { data, error, response } = await call(client);
      if (response.status === 404 && options.notFound === 'undefined') {
        return undefined;
      }
      if (!response.ok) {
        throw await responseError(response, error);
      }
      return data;
    } catch (error) {
      if (timeout.aborted) {
        throw new ServiceUnavailableError(
          `Shepherd did not answer ${describe(sent, baseUrl)} within ${
            this.options.requestTimeoutMs
          } ms`,
          error,
        );
      }
      throw error;
    }
  }

  /**
   * Every item of a list. A full read replaces all entities with those of the records it
   * read, so it must not miss one: when a list changed while it was read page by page, it
   * is read again (up to {@link MAX_LIST_READS} times) rather than answered with a gap.
   */
  async #all<T extends { id: string }>(
    name: string,
    readPage: PageReader<T>,
  ): Promise<T[]> {
    for (let read = 1; read <= MAX_LIST_READS; read++) {
      const items = await this.#pages(readPage);
      if (items) return items;
    }
    throw new ServiceUnavailableError(
      `Shepherd's list ${name} changed during each of ${MAX_LIST_READS} reads`,
    );
  }

  /**
   * The items of a list, page by page, or undefined when the list shifted in between.
   * Offset paging skips an item when one before it is removed between two pages, so pages
   * overlap by one item: each page must begin with the item that ended the one before.
   */
  async #pages<T extends { id: string }>(
    readPage: PageReader<T>,
  ): Promise<T[] | undefined> {
    const items = new Map<string, T>();
    let lastIdBefore: string | undefined;
    for (let offset = 0; ; offset += PAGE_SIZE - 1) {
      const page = await readPage({ offset, limit: PAGE_SIZE });
      if (lastIdBefore !== undefined && page.items[0]?.id !== lastIdBefore) {
        return undefined;
      }
      for (const item of page.items) items.set(item.id, item);
      if (
        page.items.length < PAGE_SIZE ||
        offset + PAGE_SIZE >= page.totalItems
      ) {
        return [...items.values()];
      }
      lastIdBefore = page.items[page.items.length - 1].id;
    }
  }

  listSystems(options: ReadOptions = {}) {
    return this.#all(
      '/v1/systems',
      async page =>
        (await this.#read(
          c => c.GET('/v1/systems', { params: { query: page } }),
          options,
        ))!,
    );
  }

  async listMembers(systemId: string, options: ReadOptions = {}) {
    const members = await this.#read(
      c =>
        c.GET('/v1/systems/{systemId}/members', {
          params: { path: { systemId } },
        }),
      { notFound: 'undefined', ...options },
    );
    return members?.items ?? [];
  }

  listServices(filter: { systemId?: string } = {}, options: ReadOptions = {}) {
    return this.#all(
      '/v1/services',
      async page =>
        (await this.#read(
          c =>
            c.GET('/v1/services', {
              params: { query: { ...filter, ...page } },
            }),
          options,
        ))!,
    );
  }

  listVms(
    filter: { systemId?: string; serviceId?: string } = {},
    options: ReadOptions = {},
  ) {
    return this.#all(
      '/v1/vms',
      async page =>
        (await this.#read(
          c => c.GET('/v1/vms', { params: { query: { ...filter, ...page } } }),
          options,
        ))!,
    );
  }

  getSystem(systemId: string) {
    return this.#read(
      c => c.GET('/v1/systems/{systemId}', { params: { path: { systemId } } }),
      { notFound: 'undefined' },
    );
  }

  getService(serviceId: string) {
    return this.#read(
      c =>
        c.GET('/v1/services/{serviceId}', { params: { path: { serviceId } } }),
      { notFound: 'undefined' },
    );
  }

  getVm(vmId: string) {
    return this.#read(
      c => c.GET('/v1/vms/{vmId}', { params: { path: { vmId } } }),
      { notFound: 'undefined' },
    );
  }
}

/** `GET /v1/systems?offset=0&limit=100`: a request by its method and API path. */
function describe(
  request: { url: string; method?: string } | undefined,
  baseUrl: string,
): string {
  if (!request) return 'a request';
  const url = new URL(request.url);
  const path = url.pathname.slice(new URL(baseUrl).pathname.length);
  return `${request.method} ${path}${url.search}`;
}

/**
 * The ResponseError of an error answer whose body the client has read already (`body` is
 * its parsed JSON, or its text when it was not JSON).
 */
function responseError(response: Response, body: unknown) {
  const { headers, ok, redirected, status, statusText, type, url } = response;
  return ResponseError.fromResponse({
    headers,
    ok,
    redirected,
    status,
    statusText,
    type,
    url,
    text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  });
}
