import {
  CatalogScope,
  Page,
  ShepherdApiRequestBody,
  ShepherdTemplate,
  TemplateStatus,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';
import { PageRequest } from '../PageRequest';

/**
 * A template as a request body carries it. Bodies may carry other fields, which the service
 * refuses (hardware with TEMPLATE_SPEC_VIOLATION, anything else with VALIDATION_FAILED).
 */
export type TemplateInput = ShepherdApiRequestBody<'CreateTemplate'>;

/** Changes to a template; `null` clears an optional field. The name is immutable. */
export type TemplatePatch = ShepherdApiRequestBody<'UpdateTemplate'>;

/** The OS templates, for admins. */
export interface TemplatesService {
  listTemplates(
    actor: Actor,
    request: PageRequest & {
      status?: TemplateStatus;
      catalogScope?: CatalogScope;
    },
  ): Promise<Page<ShepherdTemplate>>;
  getTemplate(actor: Actor, id: string): Promise<ShepherdTemplate>;
  createTemplate(
    actor: Actor,
    input: TemplateInput,
  ): Promise<WithWarnings<ShepherdTemplate>>;
  updateTemplate(
    actor: Actor,
    id: string,
    patch: TemplatePatch,
  ): Promise<ShepherdTemplate>;
  deleteTemplate(actor: Actor, id: string): Promise<void>;
}
