import {
  CatalogScope,
  ENVIRONMENTS,
  Environment,
  ShepherdInstanceSize,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionConditions } from '../../database/permissionFilter';
import { Actor } from '../Actor';
import { emptyPage } from '../emptyPage';
import { notFound } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import { PageRequest } from '../PageRequest';
import { RequesterCatalogService } from './RequesterCatalogService';

const NAMESPACE = 'Namespace';
/** Offered in every environment; `unclassified` items are never offered. */
const EVERY_ENVIRONMENT: CatalogScope = 'all';

type OfferRequest = PageRequest & {
  namespace?: string;
  environments?: Environment[];
};

/**
 * What requesters may pick. Templates and sizes are offered by catalog scope: `all`, or the
 * environment of a namespace the requester may use — of the chosen namespace when one is
 * given, so the wizard only shows what can be requested there.
 */
export class DefaultRequesterCatalogService implements RequesterCatalogService {
  constructor(private readonly context: GovernanceContext) {}

  async listNamespaces(
    _actor: Actor,
    request: PageRequest & { conditions?: PermissionConditions },
  ) {
    return this.context.store.namespaces.list({ ...request, enabled: true });
  }

  async getNamespace(_actor: Actor, name: string) {
    const namespace = await this.context.store.namespaces.getByName(name);
    if (!namespace || !namespace.enabled) throw notFound(NAMESPACE);
    return namespace;
  }

  async listEnvironments(
    _actor: Actor,
    request: { conditions?: PermissionConditions },
  ) {
    const environments: Environment[] = [];
    for (const environment of ENVIRONMENTS) {
      const page = await this.context.store.namespaces.list({
        offset: 0,
        limit: 1,
        environment,
        enabled: true,
        conditions: request.conditions,
      });
      if (page.totalItems > 0) environments.push(environment);
    }
    return environments;
  }

  async listTemplates(actor: Actor, request: OfferRequest) {
    const scopes = await this.#offeredScopes(actor, request);
    if (!scopes) return emptyPage<ShepherdTemplate>(request);
    return this.context.store.templates.list({
      offset: request.offset,
      limit: request.limit,
      statuses: ['active'],
      catalogScopes: scopes,
    });
  }

  async listInstanceSizes(actor: Actor, request: OfferRequest) {
    const scopes = await this.#offeredScopes(actor, request);
    if (!scopes) return emptyPage<ShepherdInstanceSize>(request);
    return this.context.store.instanceSizes.list({
      offset: request.offset,
      limit: request.limit,
      enabled: true,
      catalogScopes: scopes,
    });
  }

  /** The catalog scopes offered for the request, or undefined when nothing is. */
  async #offeredScopes(
    actor: Actor,
    request: OfferRequest,
  ): Promise<CatalogScope[] | undefined> {
    let environments =
      request.environments ?? (await this.listEnvironments(actor, {}));
    if (request.namespace !== undefined) {
      const namespace = await this.getNamespace(actor, request.namespace);
      environments = environments.filter(e => e === namespace.environment);
    }
    return environments.length > 0
      ? [EVERY_ENVIRONMENT, ...environments]
      : undefined;
  }
}
