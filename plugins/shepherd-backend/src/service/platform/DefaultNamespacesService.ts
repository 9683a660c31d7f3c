import {
  ShepherdNamespace,
  checkResourceName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { Actor } from '../Actor';
import { invalidInput } from '../errors';
import { checkDeleteConfirmation } from '../deleteConfirmation';
import { GovernanceContext } from '../GovernanceContext';
import {
  NamespaceInput,
  NamespacePatch,
  NamespacesService,
} from './NamespacesService';
import {
  ACTIVE_TICKET_STATUSES,
  CATALOG_AUDIT,
  assertEnvironmentMayChange,
  checkDescription,
} from './platformRules';
import { PlatformRegistry } from './PlatformRegistry';

const AUDIT = CATALOG_AUDIT.namespace;

/**
 * The namespace registry. Namespaces are logical: the Kubernetes namespace is created on the
 * chosen cluster when a VM first needs it. Their environment decides approval and console
 * rules, so it is fixed once anything uses the namespace.
 */
export class DefaultNamespacesService implements NamespacesService {
  readonly #registry: PlatformRegistry<ShepherdNamespace>;

  constructor(private readonly context: GovernanceContext) {
    this.#registry = new PlatformRegistry(context, {
      what: 'Namespace',
      kind: 'namespace',
      audit: AUDIT,
      store: store => store.namespaces,
    });
  }

  async listNamespaces(
    _actor: Actor,
    request: Parameters<NamespacesService['listNamespaces']>[1],
  ) {
    return this.context.store.namespaces.list(request);
  }

  async getNamespace(_actor: Actor, id: string) {
    return this.#registry.get(id);
  }

  async createNamespace(actor: Actor, input: NamespaceInput) {
    const check = checkResourceName('namespace', input.name);
    if (!check.ok) {
      throw invalidInput(check.code, check.message, check.details);
    }
    checkDescription(input.description);
    const now = this.context.now();
    const namespace: ShepherdNamespace = {
      id: randomUUID(),
      name: input.name,
      environment: input.environment,
      description: input.description ?? '',
      enabled: input.enabled ?? true,
      createdBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    await this.#registry.create(
      actor,
      namespace,
      {
        action: AUDIT.create,
        details: {
          environment: namespace.environment,
          enabled: namespace.enabled,
        },
      },
      tx => tx.namespaces.insert(namespace),
    );
    return { item: namespace, warnings: check.warnings };
  }

  async updateNamespace(actor: Actor, id: string, patch: NamespacePatch) {
    checkDescription(patch.description);
    return this.#registry.update(
      actor,
      id,
      { audited: ['description', 'enabled', 'environment'] },
      async (namespace, unit) => {
        await assertEnvironmentMayChange(
          namespace.environment,
          patch.environment,
          () => unit.tx.catalogUsage.ofNamespace(namespace.name),
          `The environment of the namespace '${namespace.name}' cannot change once it is used`,
        );
        const updated: ShepherdNamespace = {
          ...namespace,
          description: patch.description ?? namespace.description,
          enabled: patch.enabled ?? namespace.enabled,
          environment: patch.environment ?? namespace.environment,
          updatedAt: this.context.now(),
        };
        await unit.tx.namespaces.update(id, {
          description: updated.description,
          enabled: updated.enabled,
          environment: updated.environment,
          updatedAt: updated.updatedAt,
        });
        return updated;
      },
    );
  }

  async deleteNamespace(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    const namespace = await this.getNamespace(actor, id);
    checkDeleteConfirmation('namespace', namespace.name, confirmName);
    await this.#registry.delete(
      actor,
      namespace,
      usage => usage.ofNamespace(namespace.name, ACTIVE_TICKET_STATUSES),
      `The namespace '${namespace.name}' cannot be deleted; disable it instead`,
    );
  }
}
