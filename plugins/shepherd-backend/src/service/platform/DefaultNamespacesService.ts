import {
  SHEPHERD_ERROR_CODES,
  ShepherdNamespace,
  checkResourceName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { Actor } from '../Actor';
import { invalidInput, notFound } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import {
  NamespaceInput,
  NamespacePatch,
  NamespacesService,
} from './NamespacesService';
import {
  ACTIVE_TICKET_STATUSES,
  CATALOG_AUDIT,
  assertUnused,
  auditPlatformChange,
  checkDescription,
  describeChanges,
  insertUniquelyNamed,
} from './platformRules';

const NAMESPACE = 'Namespace';
const AUDIT = CATALOG_AUDIT.namespace;

/**
 * The namespace registry. Namespaces are logical: the Kubernetes namespace is created on the
 * chosen cluster when a VM first needs it. Their environment decides approval and console
 * rules, so it is fixed once anything uses the namespace.
 */
export class DefaultNamespacesService implements NamespacesService {
  constructor(private readonly context: GovernanceContext) {}

  async listNamespaces(
    _actor: Actor,
    request: Parameters<NamespacesService['listNamespaces']>[1],
  ) {
    return this.context.store.namespaces.list(request);
  }

  async getNamespace(_actor: Actor, id: string) {
    const namespace = await this.context.store.namespaces.get(id);
    if (!namespace) throw notFound(NAMESPACE);
    return namespace;
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
    await insertUniquelyNamed('namespace', namespace.name, () =>
      this.context.execute(async unit => {
        await unit.tx.namespaces.insert(namespace);
        await auditPlatformChange(
          unit,
          actor,
          AUDIT.resourceType,
          AUDIT.create,
          namespace,
          {
            environment: namespace.environment,
            enabled: namespace.enabled,
          },
        );
      }),
    );
    return { item: namespace, warnings: check.warnings };
  }

  async updateNamespace(actor: Actor, id: string, patch: NamespacePatch) {
    checkDescription(patch.description);
    return this.context.execute(async unit => {
      const namespace = await unit.tx.namespaces.get(id);
      if (!namespace) throw notFound(NAMESPACE);
      if (
        patch.environment !== undefined &&
        patch.environment !== namespace.environment
      ) {
        assertUnused(
          await unit.tx.catalogUsage.ofNamespace(namespace.name),
          SHEPHERD_ERROR_CODES.ENVIRONMENT_IMMUTABLE,
          `The environment of the namespace '${namespace.name}' cannot change once it is used`,
        );
      }
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
      await auditPlatformChange(
        unit,
        actor,
        AUDIT.resourceType,
        AUDIT.update,
        updated,
        {
          changes: describeChanges(namespace, updated, [
            'description',
            'enabled',
            'environment',
          ]),
        },
      );
      return updated;
    });
  }

  async deleteNamespace(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    const namespace = await this.getNamespace(actor, id);
    if (!confirmName) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
        `Deleting a namespace needs confirm_name set to its name, '${namespace.name}'`,
      );
    }
    if (confirmName !== namespace.name) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CONFIRMATION_NAME_MISMATCH,
        `'${confirmName}' does not match the namespace's name`,
      );
    }
    await this.context.execute(async unit => {
      assertUnused(
        await unit.tx.catalogUsage.ofNamespace(
          namespace.name,
          ACTIVE_TICKET_STATUSES,
        ),
        SHEPHERD_ERROR_CODES.DELETE_RESTRICTED,
        `The namespace '${namespace.name}' cannot be deleted; disable it instead`,
      );
      await unit.tx.namespaces.delete(id);
      await auditPlatformChange(
        unit,
        actor,
        AUDIT.resourceType,
        AUDIT.delete,
        namespace,
      );
    });
  }
}
