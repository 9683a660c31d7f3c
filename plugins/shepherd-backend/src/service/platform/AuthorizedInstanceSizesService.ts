import { manageCatalogs } from './manageCatalogs';
import { PermissionGate } from '../../permissions/PermissionGate';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import {
  InstanceSizeInput,
  InstanceSizePatch,
  InstanceSizesService,
} from './InstanceSizesService';

/** The instance sizes behind `shepherd.catalog.manage`, reads included. */
export class AuthorizedInstanceSizesService implements InstanceSizesService {
  readonly #gate: PermissionGate;

  constructor(
    private readonly inner: InstanceSizesService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#gate = manageCatalogs(authorizer);
  }

  async listInstanceSizes(
    actor: Actor,
    request: Parameters<InstanceSizesService['listInstanceSizes']>[1],
  ) {
    await this.#gate.require(actor);
    return this.inner.listInstanceSizes(actor, request);
  }

  async getInstanceSize(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.getInstanceSize(actor, id);
  }

  async createInstanceSize(actor: Actor, input: InstanceSizeInput) {
    await this.#gate.require(actor);
    return this.inner.createInstanceSize(actor, input);
  }

  async updateInstanceSize(actor: Actor, id: string, patch: InstanceSizePatch) {
    await this.#gate.require(actor);
    return this.inner.updateInstanceSize(actor, id, patch);
  }

  async deleteInstanceSize(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.deleteInstanceSize(actor, id);
  }
}
