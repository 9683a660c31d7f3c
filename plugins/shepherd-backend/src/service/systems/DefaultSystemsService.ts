import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuditAction,
  SHEPHERD_ERROR_CODES,
  ShepherdSystem,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { Actor, Reader } from '../Actor';
import { conflict, insertUniquelyNamed, invalidInput } from '../errors';
import { checkDeleteConfirmation } from '../deleteConfirmation';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';
import {
  assertNotRegistered,
  changeDescription,
  checkName,
  loadSystem,
  normalizeMemberRef,
  readCatalogEntity,
} from './hierarchyRules';
import { SystemsService } from './SystemsService';

/** Audits a change of a System. */
async function auditSystem(
  unit: UnitOfWork,
  actor: Actor,
  action: AuditAction,
  system: ShepherdSystem,
  details?: Record<string, unknown>,
) {
  await unit.audit({
    action,
    actor: actor.userEntityRef,
    resourceType: 'system',
    resourceId: system.id,
    resourceName: system.name,
    details,
  });
}

/**
 * Systems. Every method trusts its caller to have checked permissions (see
 * AuthorizedSystemsService); it enforces the domain's own rules: names, the owner a new
 * System starts with, and that only a System without Services can go.
 */
export class DefaultSystemsService implements SystemsService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly catalog: Pick<CatalogService, 'getEntityByRef'>,
  ) {}

  async listSystems(
    _reader: Reader,
    request: Parameters<SystemsService['listSystems']>[1],
  ) {
    return this.context.store.systems.list(request);
  }

  async getSystem(_reader: Reader, id: string) {
    return loadSystem(this.context.store, id);
  }

  async createSystem(
    actor: Actor,
    input: Parameters<SystemsService['createSystem']>[1],
  ) {
    const warnings = checkName('system', input.name);
    const owner = normalizeMemberRef(input.owner ?? actor.userEntityRef);
    const mine = [actor.userEntityRef, ...actor.ownershipEntityRefs].map(
      normalizeEntityRef,
    );
    if (!mine.includes(owner)) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.OWNER_NOT_ALLOWED,
        `The owner must be you or one of your groups; you are not ${owner}`,
      );
    }
    const item = await this.#insertSystem(actor, {
      name: input.name,
      description: input.description ?? '',
      owner,
    });
    return { item, warnings };
  }

  async registerSystem(actor: Actor, entityRef: string) {
    const entity = await readCatalogEntity(
      this.catalog,
      actor,
      entityRef,
      'system',
    );
    const ref = stringifyEntityRef(entity);
    assertNotRegistered(
      await this.context.store.systems.getByEntityRef(ref),
      ref,
    );
    const warnings = checkName('system', entity.metadata.name);
    const owner = normalizeMemberRef(
      String(entity.spec?.owner ?? actor.userEntityRef),
    );
    const item = await this.#insertSystem(actor, {
      name: entity.metadata.name,
      description: entity.metadata.description ?? '',
      owner,
      entityRef: ref,
    });
    return { item, warnings };
  }

  async #insertSystem(
    actor: Actor,
    input: {
      name: string;
      description: string;
      owner: string;
      entityRef?: string;
    },
  ): Promise<ShepherdSystem> {
    const now = this.context.now();
    const system: ShepherdSystem = {
      id: randomUUID(),
      name: input.name,
      description: input.description,
      entityRef: input.entityRef,
      createdBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    await insertUniquelyNamed('System', system.name, () =>
      this.context.execute(async unit => {
        await unit.tx.systems.insert(system);
        await unit.tx.members.insert({
          id: randomUUID(),
          systemId: system.id,
          memberRef: input.owner,
          role: 'owner',
          grantedBy: actor.userEntityRef,
          createdAt: now,
          updatedAt: now,
        });
        await unit.recordFact({
          type: 'SYSTEM_CREATED',
          aggregateType: 'system',
          createdBy: actor.userEntityRef,
          aggregateId: system.id,
          payload: {
            systemId: system.id,
            name: system.name,
            owner: input.owner,
            entityRef: input.entityRef ?? null,
          },
        });
        await auditSystem(unit, actor, 'system.create', system, {
          owner: input.owner,
          registeredFrom: input.entityRef ?? null,
        });
      }),
    );
    return system;
  }

  async updateSystem(
    actor: Actor,
    id: string,
    input: Parameters<SystemsService['updateSystem']>[2],
  ) {
    const system = await this.getSystem(actor, id);
    return changeDescription(
      this.context,
      system,
      input.description,
      (tx, patch) => tx.systems.update(id, patch),
      unit =>
        auditSystem(unit, actor, 'system.update', system, {
          description: input.description,
        }),
    );
  }

  async deleteSystem(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    const system = await this.getSystem(actor, id);
    checkDeleteConfirmation('System', system.name, confirmName);
    await this.context.execute(async unit => {
      const services = await unit.tx.services.countForSystem(id);
      if (services > 0) {
        throw conflict(
          SHEPHERD_ERROR_CODES.DELETE_RESTRICTED,
          `The System '${system.name}' still has ${services} Service(s); delete them first`,
          { services },
        );
      }
      await unit.tx.systems.delete(id);
      await unit.recordFact({
        type: 'SYSTEM_DELETED',
        aggregateType: 'system',
        createdBy: actor.userEntityRef,
        aggregateId: id,
        payload: {
          systemId: id,
          name: system.name,
        },
      });
      await auditSystem(unit, actor, 'system.delete_executed', system);
    });
  }
}
