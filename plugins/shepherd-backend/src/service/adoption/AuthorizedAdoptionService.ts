import { shepherdVmAdoptPermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionGate } from '../../permissions/PermissionGate';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { AdoptionInput, AdoptionService } from './AdoptionService';

/** Adoption behind `shepherd.vm.adopt`: seeing, scanning for and deciding adoptions alike. */
export class AuthorizedAdoptionService implements AdoptionService {
  readonly #gate: PermissionGate;

  constructor(
    private readonly inner: AdoptionService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#gate = new PermissionGate(
      authorizer,
      shepherdVmAdoptPermission,
      'You may not adopt VMs',
    );
  }

  async listPendingAdoptions(
    actor: Actor,
    request: Parameters<AdoptionService['listPendingAdoptions']>[1],
  ) {
    await this.#gate.require(actor);
    return this.inner.listPendingAdoptions(actor, request);
  }

  async discover(actor: Actor, request: { clusterId?: string }) {
    await this.#gate.require(actor);
    return this.inner.discover(actor, request);
  }

  async adopt(actor: Actor, id: string, input: AdoptionInput) {
    await this.#gate.require(actor);
    return this.inner.adopt(actor, id, input);
  }

  async reject(actor: Actor, id: string, input: { reason: string }) {
    await this.#gate.require(actor);
    return this.inner.reject(actor, id, input);
  }
}
