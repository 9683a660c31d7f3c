import {
  isTemplateTransitionAllowed,
  KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
  SHEPHERD_ERROR_CODES,
  ShepherdTemplate,
  TEMPLATE_TRANSITIONS,
  utf8ByteLength,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { checkCloudInit } from '../../domain/cloudInit';
import { CLOUD_INIT_FIELD } from '../audit/redact';
import { checkKubeVirtLimits } from '../../domain/kubevirtAdmission';
import { checkTemplateSource, hardwareFields } from '../../domain/templates';
import { Actor } from '../Actor';
import { conflict, invalidInput } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import {
  assertKubeVirtAdmits,
  CATALOG_AUDIT,
  checkDnsLabelName,
} from './platformRules';
import { PlatformRegistry } from './PlatformRegistry';
import {
  TemplateInput,
  TemplatePatch,
  TemplatesService,
} from './TemplatesService';

const AUDIT = CATALOG_AUDIT.template;

const PATCHABLE_FIELDS = [
  'displayName',
  'description',
  'status',
  'catalogScope',
  'sourceType',
  'imageUrl',
  'pvcName',
  'pvcNamespace',
  'cloudInit',
  'osFamily',
  'osVersion',
] as const;
const CREATE_FIELDS: readonly string[] = ['name', ...PATCHABLE_FIELDS];
/** Audited with their values; cloud-init only as changed, since it may hold passwords or keys. */
const AUDITED_FIELDS = PATCHABLE_FIELDS.filter(
  field => field !== CLOUD_INIT_FIELD,
);

/**
 * Refuses hardware (TEMPLATE_SPEC_VIOLATION) and any other field the body may not carry.
 * The request schema lets unknown fields through so that hardware gets its own code.
 */
function checkFields(body: object, allowed: readonly string[]) {
  const hardware = hardwareFields(body);
  if (hardware.length > 0) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.TEMPLATE_SPEC_VIOLATION,
      `Templates carry the OS image and cloud-init only; hardware (${hardware.join(
        ', ',
      )}) belongs to instance sizes`,
      { fields: hardware },
    );
  }
  const unknown = Object.keys(body).filter(key => !allowed.includes(key));
  if (unknown.length > 0) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `Unknown template field(s): ${unknown.join(', ')}`,
      { fields: unknown },
    );
  }
}

/** Whether requesters can choose the template somewhere. */
function isOffered(template: ShepherdTemplate): boolean {
  return (
    template.status === 'active' && template.catalogScope !== 'unclassified'
  );
}

/**
 * Checks a template as it would be saved: its source, then its cloud-init against KubeVirt's
 * inline limit (CLOUD_INIT_INVALID; on an update only when the update changes cloud-init or
 * puts the template on offer, see {@link assertKubeVirtAdmits}) and as cloud-config YAML.
 */
function checkContent(template: ShepherdTemplate, before?: ShepherdTemplate) {
  const problems = checkTemplateSource(template);
  if (problems.length > 0) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.TEMPLATE_SOURCE_INVALID,
      problems.join('; '),
      { problems },
    );
  }
  assertKubeVirtAdmits(
    checkKubeVirtLimits({ cloudInit: template.cloudInit }),
    {
      before: before && checkKubeVirtLimits({ cloudInit: before.cloudInit }),
      offered: isOffered(template) && !(before && isOffered(before)),
    },
    {
      bytes: utf8ByteLength(template.cloudInit ?? ''),
      maxBytes: KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
    },
  );
  if (template.cloudInit !== undefined) {
    const check = checkCloudInit(template.cloudInit);
    if (!check.ok) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CLOUD_INIT_INVALID,
        `${check.message} (line ${check.line}, column ${check.column})`,
        { line: check.line, column: check.column },
      );
    }
  }
}

/** `null` in a patch clears an optional field; absent keeps it. */
function patched<T>(value: T | null | undefined, current: T | undefined) {
  if (value === null) return undefined;
  return value ?? current;
}

/**
 * The OS templates: an image source, cloud-init and OS labels, never hardware. New templates
 * start as drafts; only active ones are offered to requesters.
 */
export class DefaultTemplatesService implements TemplatesService {
  readonly #registry: PlatformRegistry<ShepherdTemplate>;

  constructor(private readonly context: GovernanceContext) {
    this.#registry = new PlatformRegistry(context, {
      what: 'Template',
      kind: 'template',
      audit: AUDIT,
      store: store => store.templates,
    });
  }

  async listTemplates(
    _actor: Actor,
    request: Parameters<TemplatesService['listTemplates']>[1],
  ) {
    return this.context.store.templates.list({
      offset: request.offset,
      limit: request.limit,
      statuses: request.status ? [request.status] : undefined,
      catalogScopes: request.catalogScope ? [request.catalogScope] : undefined,
    });
  }

  async getTemplate(_actor: Actor, id: string) {
    return this.#registry.get(id);
  }

  async createTemplate(actor: Actor, input: TemplateInput) {
    checkFields(input, CREATE_FIELDS);
    checkDnsLabelName(input.name);
    const now = this.context.now();
    const template: ShepherdTemplate = {
      id: randomUUID(),
      name: input.name,
      displayName: input.displayName ?? input.name,
      description: input.description ?? '',
      status: input.status ?? 'draft',
      catalogScope: input.catalogScope ?? 'unclassified',
      sourceType: input.sourceType,
      imageUrl: input.imageUrl,
      pvcName: input.pvcName,
      pvcNamespace: input.pvcNamespace,
      cloudInit: input.cloudInit,
      osFamily: input.osFamily ?? '',
      osVersion: input.osVersion ?? '',
      createdBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    checkContent(template);
    await this.#registry.create(
      actor,
      template,
      {
        action: AUDIT.create,
        details: {
          status: template.status,
          catalogScope: template.catalogScope,
          sourceType: template.sourceType,
        },
      },
      tx => tx.templates.insert(template),
    );
    return { item: template, warnings: [] };
  }

  async updateTemplate(actor: Actor, id: string, patch: TemplatePatch) {
    checkFields(patch, PATCHABLE_FIELDS);
    return this.#registry.update(
      actor,
      id,
      { audited: AUDITED_FIELDS, opaque: [CLOUD_INIT_FIELD] },
      async (template, unit) => {
        const updated: ShepherdTemplate = {
          ...template,
          displayName: patch.displayName ?? template.displayName,
          description: patch.description ?? template.description,
          status: patch.status ?? template.status,
          catalogScope: patch.catalogScope ?? template.catalogScope,
          sourceType: patch.sourceType ?? template.sourceType,
          imageUrl: patched(patch.imageUrl, template.imageUrl),
          pvcName: patched(patch.pvcName, template.pvcName),
          pvcNamespace: patched(patch.pvcNamespace, template.pvcNamespace),
          cloudInit: patched(patch.cloudInit, template.cloudInit),
          osFamily: patch.osFamily ?? template.osFamily,
          osVersion: patch.osVersion ?? template.osVersion,
          updatedAt: this.context.now(),
        };
        if (!isTemplateTransitionAllowed(template.status, updated.status)) {
          throw conflict(
            SHEPHERD_ERROR_CODES.TEMPLATE_STATUS_TRANSITION_INVALID,
            `A ${template.status} template cannot become ${updated.status}`,
            {
              from: template.status,
              to: updated.status,
              allowed: TEMPLATE_TRANSITIONS[template.status],
            },
          );
        }
        checkContent(updated, template);
        await unit.tx.templates.replace(updated);
        return updated;
      },
    );
  }

  async deleteTemplate(actor: Actor, id: string) {
    const template = await this.getTemplate(actor, id);
    await this.#registry.delete(
      actor,
      template,
      // Any ticket, finished or not: its history names the template.
      usage => usage.ofTemplate(id),
      `The template '${template.name}' cannot be deleted; archive it instead`,
    );
  }
}
