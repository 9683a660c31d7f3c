import {
  Environment,
  ShepherdNamespace,
  shepherdCatalogReadPermission,
  shepherdNamespaceReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { emptyPage } from '../emptyPage';
import { notAllowed } from '../errors';
import { CloudInitVisibility } from './CloudInitVisibility';
import { RequesterCatalogService } from './RequesterCatalogService';
import { PageRequest } from '../PageRequest';

type OfferRequest = PageRequest & { namespace?: string };

/**
 * The requester catalogs behind the permission framework: namespaces filtered by the
 * conditional decision of `shepherd.namespace.read` (in SQL), templates and sizes behind
 * `shepherd.catalog.read` and offered only for the environments of readable namespaces.
 * A namespace the caller may not read answers 404. Templates carry cloud-init only for
 * those who manage templates ({@link CloudInitVisibility}).
 */
export class AuthorizedRequesterCatalogService
  implements RequesterCatalogService
{
  readonly #cloudInit: CloudInitVisibility;

  constructor(
    private readonly inner: RequesterCatalogService,
    private readonly authorizer: ShepherdAuthorizer,
  ) {
    this.#cloudInit = new CloudInitVisibility(authorizer);
  }

  async listNamespaces(actor: Actor, request: PageRequest) {
    return this.authorizer.listAuthorized(
      actor,
      shepherdNamespaceReadPermission,
      emptyPage<ShepherdNamespace>(request),
      conditions =>
        this.inner.listNamespaces(actor, { ...request, conditions }),
    );
  }

  async getNamespace(actor: Actor, name: string) {
    return this.authorizer.authorizeRead(
      actor,
      'namespace',
      await this.inner.getNamespace(actor, name),
    );
  }

  async listEnvironments(actor: Actor): Promise<Environment[]> {
    return this.authorizer.listAuthorized(
      actor,
      shepherdNamespaceReadPermission,
      [],
      conditions => this.inner.listEnvironments(actor, { conditions }),
    );
  }

  async listTemplates(actor: Actor, request: OfferRequest) {
    return this.#cloudInit.as(
      actor,
      await this.inner.listTemplates(
        actor,
        await this.#offerRequest(actor, request),
      ),
    );
  }

  async listInstanceSizes(actor: Actor, request: OfferRequest) {
    return this.inner.listInstanceSizes(
      actor,
      await this.#offerRequest(actor, request),
    );
  }

  /** The request with the environments the caller may use; the namespace must be readable. */
  async #offerRequest(actor: Actor, request: OfferRequest) {
    if (
      !(await this.authorizer.isAllowed(
        actor.credentials,
        shepherdCatalogReadPermission,
      ))
    ) {
      throw notAllowed('You may not read the request catalog');
    }
    if (request.namespace !== undefined) {
      await this.getNamespace(actor, request.namespace);
    }
    return { ...request, environments: await this.listEnvironments(actor) };
  }
}
