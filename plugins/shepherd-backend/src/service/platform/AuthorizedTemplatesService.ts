import { manageCatalogs } from './manageCatalogs';
import { PermissionGate } from '../../permissions/PermissionGate';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import {
  TemplateInput,
  TemplatePatch,
  TemplatesService,
} from './TemplatesService';

/** The templates behind `shepherd.catalog.manage`, reads included. */
export class AuthorizedTemplatesService implements TemplatesService {
  readonly #gate: PermissionGate;

  constructor(
    private readonly inner: TemplatesService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#gate = manageCatalogs(authorizer);
  }

  async listTemplates(
    actor: Actor,
    request: Parameters<TemplatesService['listTemplates']>[1],
  ) {
    await this.#gate.require(actor);
    return this.inner.listTemplates(actor, request);
  }

  async getTemplate(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.getTemplate(actor, id);
  }

  async createTemplate(actor: Actor, input: TemplateInput) {
    await this.#gate.require(actor);
    return this.inner.createTemplate(actor, input);
  }

  async updateTemplate(actor: Actor, id: string, patch: TemplatePatch) {
    await this.#gate.require(actor);
    return this.inner.updateTemplate(actor, id, patch);
  }

  async deleteTemplate(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.deleteTemplate(actor, id);
  }
}
