import { CatalogListRequest } from '../PageRequest';
import {
  CatalogScope,
  Page,
  ShepherdTemplate,
  TemplateSourceType,
  TemplateStatus,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

/**
 * A template as a request body carries it. Bodies may carry other fields, which the service
 * refuses (hardware with TEMPLATE_SPEC_VIOLATION, anything else with VALIDATION_FAILED).
 */
export interface TemplateInput {
  name: string;
  displayName?: string;
  description?: string;
  status?: TemplateStatus;
  catalogScope?: CatalogScope;
  sourceType: TemplateSourceType;
  imageUrl?: string;
  pvcName?: string;
  pvcNamespace?: string;
  cloudInit?: string;
  osFamily?: string;
  osVersion?: string;
}

/** Changes to a template; `null` clears an optional field. The name is immutable. */
export interface TemplatePatch {
  displayName?: string;
  description?: string;
  status?: TemplateStatus;
  catalogScope?: CatalogScope;
  sourceType?: TemplateSourceType;
  imageUrl?: string | null;
  pvcName?: string | null;
  pvcNamespace?: string | null;
  cloudInit?: string | null;
  osFamily?: string;
  osVersion?: string;
}

/** The OS templates, for admins. */
export interface TemplatesService {
  listTemplates(
    actor: Actor,
    request: CatalogListRequest & {
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
