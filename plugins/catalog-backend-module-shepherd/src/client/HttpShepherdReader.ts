import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import {
  Page,
  SHEPHERD_MAX_PAGE_SIZE,
  SHEPHERD_PLUGIN_ID,
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReadOptions, ShepherdReader } from './ShepherdReader';

const PAGE_SIZE = SHEPHERD_MAX_PAGE_SIZE;

/** How often a list that keeps changing while it is read page by page is read again. */
const MAX_LIST_READS = 3;

type Query = Record<string, string | undefined>;

export interface HttpShepherdReaderOptions {
  /** How long one request may take, answer included, before it is given up. */
  requestTimeoutMs: number;
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Reads Shepherd over its HTTP API (`/api/shepherd/v1`) with the catalog's own service
 * token: the Shepherd backend lets other backend plugins read Systems, Services, members and
 * VMs, and the permission framework lets service principals read everything.
 */
export class HttpShepherdReader implements ShepherdReader {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly options: HttpShepherdReaderOptions,
  ) {}

  async #get<T>(
    path: string,
    options: { notFound?: 'undefined' } & ReadOptions = {},
  ): Promise<T | undefined> {
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
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
        },
        signal,
      });
      if (response.status === 404 && options.notFound === 'undefined') {
        return undefined;
      }
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      return (await response.json()) as T;
    } catch (error) {
      if (timeout.aborted) {
        throw new ServiceUnavailableError(
          `Shepherd did not answer GET ${path} within ${this.options.requestTimeoutMs} ms`,
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
    path: string,
    query: Query,
    options: ReadOptions,
  ): Promise<T[]> {
    for (let read = 1; read <= MAX_LIST_READS; read++) {
      const items = await this.#pages<T>(path, query, options);
      if (items) return items;
    }
    throw new ServiceUnavailableError(
      `Shepherd's list ${path} changed during each of ${MAX_LIST_READS} reads`,
    );
  }

  /**
   * The items of a list, page by page, or undefined when the list shifted in between.
   * Offset paging skips an item when one before it is removed between two pages, so pages
   * overlap by one item: each page must begin with the item that ended the one before.
   */
  async #pages<T extends { id: string }>(
    path: string,
    query: Query,
    options: ReadOptions,
  ): Promise<T[] | undefined> {
    const items = new Map<string, T>();
    let lastIdBefore: string | undefined;
    for (let offset = 0; ; offset += PAGE_SIZE - 1) {
      const page = (await this.#get<Page<T>>(
        withQuery(path, {
          ...query,
          offset: String(offset),
          limit: String(PAGE_SIZE),
        }),
        options,
      ))!;
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
    return this.#all<ShepherdSystem>('/v1/systems', {}, options);
  }

  async listMembers(systemId: string, options: ReadOptions = {}) {
    const members = await this.#get<{ items: SystemMember[] }>(
      `/v1/systems/${encodeURIComponent(systemId)}/members`,
      { notFound: 'undefined', ...options },
    );
    return members?.items ?? [];
  }

  listServices(filter: { systemId?: string } = {}, options: ReadOptions = {}) {
    return this.#all<ShepherdService>('/v1/services', filter, options);
  }

  listVms(
    filter: { systemId?: string; serviceId?: string } = {},
    options: ReadOptions = {},
  ) {
    return this.#all<ShepherdVm>('/v1/vms', filter, options);
  }

  getSystem(id: string) {
    return this.#get<ShepherdSystem>(`/v1/systems/${encodeURIComponent(id)}`, {
      notFound: 'undefined',
    });
  }

  getService(id: string) {
    return this.#get<ShepherdService>(
      `/v1/services/${encodeURIComponent(id)}`,
      { notFound: 'undefined' },
    );
  }

  getVm(id: string) {
    return this.#get<ShepherdVm>(`/v1/vms/${encodeURIComponent(id)}`, {
      notFound: 'undefined',
    });
  }
}
