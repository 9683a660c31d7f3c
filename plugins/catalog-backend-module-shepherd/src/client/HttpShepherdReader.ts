import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Page,
  SHEPHERD_PLUGIN_ID,
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdReader } from './ShepherdReader';

/** The largest page the Shepherd API serves. */
const PAGE_SIZE = 100;

type Query = Record<string, string | undefined>;

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
  ) {}

  async #get<T>(
    path: string,
    options: { notFound?: 'undefined' } = {},
  ): Promise<T | undefined> {
    const baseUrl = await this.discovery.getBaseUrl(SHEPHERD_PLUGIN_ID);
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: SHEPHERD_PLUGIN_ID,
    });
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (response.status === 404 && options.notFound === 'undefined') {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  /** Every item of a list, page by page; an item that moved between pages is kept once. */
  async #all<T extends { id: string }>(
    path: string,
    query: Query = {},
  ): Promise<T[]> {
    const items = new Map<string, T>();
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = (await this.#get<Page<T>>(
        withQuery(path, {
          ...query,
          offset: String(offset),
          limit: String(PAGE_SIZE),
        }),
      ))!;
      for (const item of page.items) items.set(item.id, item);
      if (
        page.items.length < PAGE_SIZE ||
        offset + PAGE_SIZE >= page.totalItems
      ) {
        return [...items.values()];
      }
    }
  }

  listSystems() {
    return this.#all<ShepherdSystem>('/v1/systems');
  }

  async listMembers(systemId: string) {
    const members = await this.#get<{ items: SystemMember[] }>(
      `/v1/systems/${encodeURIComponent(systemId)}/members`,
      { notFound: 'undefined' },
    );
    return members?.items ?? [];
  }

  listServices(filter: { systemId?: string } = {}) {
    return this.#all<ShepherdService>('/v1/services', filter);
  }

  listVms(filter: { systemId?: string; serviceId?: string } = {}) {
    return this.#all<ShepherdVm>('/v1/vms', filter);
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
