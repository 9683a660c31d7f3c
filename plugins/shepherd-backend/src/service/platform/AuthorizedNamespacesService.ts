import { PermissionGate } from '../../permissions/PermissionGate';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import {
  NamespaceInput,
  NamespacePatch,
  NamespacesService,
} from './NamespacesService';
import { manageCatalogs } from './manageCatalogs';

/** The namespace registry behind `shepherd.catalog.manage`, reads included. */
export class AuthorizedNamespacesService implements NamespacesService {
  readonly #gate: PermissionGate;

  constructor(
    private readonly inner: NamespacesService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#gate = manageCatalogs(authorizer);
  }

  async listNamespaces(
    actor: Actor,
    request: Parameters<NamespacesService['listNamespaces']>[1],
  ) {
    await this.#gate.require(actor);
    return this.inner.listNamespaces(actor, request);
  }

  async getNamespace(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.getNamespace(actor, id);
  }

  async createNamespace(actor: Actor, input: NamespaceInput) {
    await this.#gate.require(actor);
    return this.inner.createNamespace(actor, input);
  }

  async updateNamespace(actor: Actor, id: string, patch: NamespacePatch) {
    await this.#gate.require(actor);
    return this.inner.updateNamespace(actor, id, patch);
  }

  async deleteNamespace(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    await this.#gate.require(actor);
    return this.inner.deleteNamespace(actor, id, confirmName);
  }
}
