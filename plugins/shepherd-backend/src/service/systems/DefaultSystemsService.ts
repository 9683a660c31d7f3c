import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import {
  AuditAction,
  MemberRole,
  NamedEntity,
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_ERROR_CODES,
  ShepherdService,
  ShepherdSystem,
  SystemMember,
  TICKET_STATUS_GROUPS,
  checkResourceName,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { ShepherdStore } from '../../database/ShepherdStore';
import { Actor, Reader } from '../Actor';
import { conflict, invalidInput, notAllowed, notFound } from '../errors';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';
import { SystemsService } from './SystemsService';

const SYSTEM = 'System';
const SERVICE = 'Service';
const MEMBER = 'Member';

/** Entity kinds whose refs can be System members. */
const MEMBER_KINDS = new Set(['user', 'group']);

function checkName(entity: NamedEntity, name: string) {
  const check = checkResourceName(entity, name);
  if (!check.ok) {
    throw invalidInput(check.code, check.message, check.details);
  }
  return check.warnings;
}

/** A member entity ref in its full form, or an error naming what is wrong with it. */
function normalizeMemberRef(ref: string): string {
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (!MEMBER_KINDS.has(parsed.kind.toLocaleLowerCase('en-US'))) {
      throw new Error('not a User or Group');
    }
    return normalizeEntityRef(stringifyEntityRef(parsed));
  } catch (error) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `'${ref}' is not the entity ref of a User or Group`,
    );
  }
}

/** An entity ref in the catalog's normal form, the kind defaulting to `defaultKind`. */
function catalogRefOf(entityRef: string, defaultKind: string): string {
  return normalizeEntityRef(
    stringifyEntityRef(parseEntityRef(entityRef, { defaultKind })),
  );
}

/**
 * The System a Component is part of, by Backstage's rule for relative refs: `spec.system`
 * defaults to kind System and to the Component's own namespace. Undefined when the
 * Component names no System, or nothing that parses as a ref.
 */
function catalogSystemRefOf(component: Entity): string | undefined {
  const system = component.spec?.system;
  if (typeof system !== 'string' || !system) {
    return undefined;
  }
  try {
    return normalizeEntityRef(
      stringifyEntityRef(
        parseEntityRef(system, {
          defaultKind: 'system',
          defaultNamespace: component.metadata.namespace ?? DEFAULT_NAMESPACE,
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/**
 * The governance hierarchy. Every method trusts its caller to have checked permissions
 * (see AuthorizedSystemsService); it enforces the domain's own rules: names, delete tiers,
 * ownership.
 */
export class DefaultSystemsService implements SystemsService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly catalog: Pick<CatalogService, 'getEntityByRef'>,
  ) {}

  private get store(): ShepherdStore {
    return this.context.store;
  }

  async listSystems(
    _reader: Reader,
    request: Parameters<SystemsService['listSystems']>[1],
  ) {
    return this.store.systems.list(request);
  }

  async getSystem(_reader: Reader, id: string) {
    const system = await this.store.systems.get(id);
    if (!system) throw notFound(SYSTEM);
    return system;
  }

  async createSystem(
    actor: Actor,
    input: { name: string; description?: string; owner?: string },
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
    const entity = await this.#readEntity(actor, entityRef, 'system');
    const ref = stringifyEntityRef(entity);
    if (await this.store.systems.getByEntityRef(ref)) {
      throw conflict(
        SHEPHERD_ERROR_CODES.ALREADY_REGISTERED,
        `${ref} is already registered in Shepherd`,
      );
    }
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
    try {
      await this.context.execute(async unit => {
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
        await unit.recordEvent({
          type: 'SYSTEM_CREATED',
          aggregateType: 'system',
          createdBy: actor.userEntityRef,
          // Facts that need no processing: recorded as already completed.
          status: 'COMPLETED',
          aggregateId: system.id,
          payload: {
            systemId: system.id,
            name: system.name,
            owner: input.owner,
            entityRef: input.entityRef ?? null,
          },
        });
        await unit.audit({
          action: 'system.create',
          actor: actor.userEntityRef,
          resourceType: 'system',
          resourceId: system.id,
          resourceName: system.name,
          details: {
            owner: input.owner,
            registeredFrom: input.entityRef ?? null,
          },
        });
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw conflict(
          SHEPHERD_ERROR_CODES.NAME_ALREADY_EXISTS,
          `A System named '${system.name}' already exists`,
        );
      }
      throw error;
    }
    return system;
  }

  async updateSystem(actor: Actor, id: string, input: { description: string }) {
    const system = await this.getSystem(actor, id);
    const updatedAt = this.context.now();
    await this.context.execute(async unit => {
      await unit.tx.systems.update(id, {
        description: input.description,
        updatedAt,
      });
      await unit.audit({
        action: 'system.update',
        actor: actor.userEntityRef,
        resourceType: 'system',
        resourceId: id,
        resourceName: system.name,
        details: { description: input.description },
      });
    });
    return { ...system, description: input.description, updatedAt };
  }

  async deleteSystem(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    const system = await this.getSystem(actor, id);
    if (!confirmName) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
        `Deleting a System needs confirm_name set to its name, '${system.name}'`,
      );
    }
    if (confirmName !== system.name) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CONFIRMATION_NAME_MISMATCH,
        `'${confirmName}' does not match the System's name`,
      );
    }
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
      await unit.recordEvent({
        type: 'SYSTEM_DELETED',
        aggregateType: 'system',
        createdBy: actor.userEntityRef,
        // Facts that need no processing: recorded as already completed.
        status: 'COMPLETED',
        aggregateId: id,
        payload: {
          systemId: id,
          name: system.name,
        },
      });
      await unit.audit({
        action: 'system.delete_executed',
        actor: actor.userEntityRef,
        resourceType: 'system',
        resourceId: id,
        resourceName: system.name,
      });
    });
  }

  async listMembers(reader: Reader, systemId: string) {
    await this.getSystem(reader, systemId);
    return this.store.members.listForSystem(systemId);
  }

  async addMember(
    actor: Actor,
    systemId: string,
    input: { memberRef: string; role: MemberRole },
    options: { mayManageOwners: boolean },
  ) {
    const system = await this.getSystem(actor, systemId);
    const memberRef = normalizeMemberRef(input.memberRef);
    this.#checkOwnerChange(options, input.role);
    const now = this.context.now();
    const member: SystemMember = {
      id: randomUUID(),
      systemId,
      memberRef,
      role: input.role,
      grantedBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.context.execute(async unit => {
        await unit.tx.members.insert(member);
        await this.#auditMember(unit, actor, 'member.add', system, member);
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw conflict(
          SHEPHERD_ERROR_CODES.MEMBER_ALREADY_EXISTS,
          `${memberRef} is already a member of '${system.name}'; change its role instead`,
        );
      }
      throw error;
    }
    return member;
  }

  async updateMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    input: { role: MemberRole },
    options: { mayManageOwners: boolean },
  ) {
    const system = await this.getSystem(actor, systemId);
    const updatedAt = this.context.now();
    return this.context.execute(async unit => {
      const member = await this.#getMember(unit, systemId, memberId);
      if (member.role === input.role) {
        return member;
      }
      this.#checkOwnerChange(options, member.role, input.role);
      if (member.role === 'owner') {
        await this.#assertAnotherOwner(unit, systemId, memberId);
      }
      await unit.tx.members.updateRole(memberId, {
        role: input.role,
        updatedAt,
      });
      const updated = { ...member, role: input.role, updatedAt };
      await this.#auditMember(unit, actor, 'member.update', system, updated, {
        previousRole: member.role,
      });
      return updated;
    });
  }

  async removeMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    options: { mayManageOwners: boolean },
  ) {
    const system = await this.getSystem(actor, systemId);
    await this.context.execute(async unit => {
      const member = await this.#getMember(unit, systemId, memberId);
      this.#checkOwnerChange(options, member.role);
      if (member.role === 'owner') {
        await this.#assertAnotherOwner(unit, systemId, memberId);
      }
      await unit.tx.members.delete(memberId);
      await this.#auditMember(unit, actor, 'member.remove', system, member);
    });
  }

  async #getMember(unit: UnitOfWork, systemId: string, memberId: string) {
    const member = await unit.tx.members.get(memberId);
    if (!member || member.systemId !== systemId) {
      throw notFound(MEMBER);
    }
    return member;
  }

  #checkOwnerChange(
    options: { mayManageOwners: boolean },
    ...roles: MemberRole[]
  ) {
    if (roles.includes('owner') && !options.mayManageOwners) {
      throw notAllowed(
        'Only an owner of the System can grant, change or revoke the owner role',
        SHEPHERD_ERROR_CODES.OWNER_GRANT_FORBIDDEN,
      );
    }
  }

  async #assertAnotherOwner(
    unit: UnitOfWork,
    systemId: string,
    memberId: string,
  ) {
    const members = await unit.tx.members.listForSystem(systemId);
    if (!members.some(m => m.role === 'owner' && m.id !== memberId)) {
      throw conflict(
        SHEPHERD_ERROR_CODES.LAST_OWNER,
        'A System must keep at least one owner; grant the owner role to someone else first',
      );
    }
  }

  async #auditMember(
    unit: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    system: ShepherdSystem,
    member: SystemMember,
    extra: Record<string, unknown> = {},
  ) {
    await unit.audit({
      action,
      actor: actor.userEntityRef,
      resourceType: 'member',
      resourceId: member.id,
      resourceName: member.memberRef,
      parentType: 'system',
      parentId: system.id,
      details: { memberRef: member.memberRef, role: member.role, ...extra },
    });
  }

  async listServices(
    _reader: Reader,
    request: Parameters<SystemsService['listServices']>[1],
  ) {
    return this.store.services.list(request);
  }

  async getService(_reader: Reader, id: string) {
    const service = await this.store.services.get(id);
    if (!service) throw notFound(SERVICE);
    return service;
  }

  async createService(
    actor: Actor,
    systemId: string,
    input: { name: string; description?: string },
  ) {
    const system = await this.getSystem(actor, systemId);
    const warnings = checkName('service', input.name);
    const item = await this.#insertService(actor, system, {
      name: input.name,
      description: input.description ?? '',
    });
    return { item, warnings };
  }

  async registerService(actor: Actor, systemId: string, entityRef: string) {
    const system = await this.getSystem(actor, systemId);
    const entity = await this.#readEntity(actor, entityRef, 'component');
    const ref = stringifyEntityRef(entity);
    if (entity.spec?.type !== 'service') {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.ENTITY_KIND_INVALID,
        `${ref} is a Component of type '${entity.spec?.type}', not 'service'`,
      );
    }
    if (await this.store.services.getByEntityRef(ref)) {
      throw conflict(
        SHEPHERD_ERROR_CODES.ALREADY_REGISTERED,
        `${ref} is already registered in Shepherd`,
      );
    }
    const systemRef = catalogSystemRefOf(entity);
    if (!systemRef) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.SYSTEM_NOT_REGISTERED,
        `${ref} names no System in spec.system, so it belongs to no Shepherd System`,
      );
    }
    if (!(await this.#standsFor(actor, system, systemRef))) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.SYSTEM_NOT_REGISTERED,
        `${ref} belongs to ${systemRef}, which is not the catalog entity of the System '${system.name}'`,
      );
    }
    const warnings = checkName('service', entity.metadata.name);
    const item = await this.#insertService(actor, system, {
      name: entity.metadata.name,
      description: entity.metadata.description ?? '',
      entityRef: ref,
    });
    return { item, warnings };
  }

  /**
   * Whether the catalog System `systemRef` is the catalog entity of the Shepherd System: the
   * one it was registered from, or, for a System created in Shepherd, the entity the catalog
   * module publishes for it (in whatever namespace the module is configured with), which
   * carries the System's id. It is read with the user's credentials, like the Component.
   */
  async #standsFor(
    actor: Actor,
    system: ShepherdSystem,
    systemRef: string,
  ): Promise<boolean> {
    if (system.entityRef) {
      return catalogRefOf(system.entityRef, 'system') === systemRef;
    }
    const published = await this.catalog.getEntityByRef(systemRef, {
      credentials: actor.credentials,
    });
    return (
      published?.metadata.annotations?.[SHEPHERD_ANNOTATIONS.systemId] ===
      system.id
    );
  }

  async #insertService(
    actor: Actor,
    system: ShepherdSystem,
    input: { name: string; description: string; entityRef?: string },
  ): Promise<ShepherdService> {
    const now = this.context.now();
    const service: ShepherdService = {
      id: randomUUID(),
      systemId: system.id,
      systemName: system.name,
      name: input.name,
      description: input.description,
      entityRef: input.entityRef,
      nextInstanceIndex: 1,
      createdBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.context.execute(async unit => {
        await unit.tx.services.insert(service);
        await unit.recordEvent({
          type: 'SERVICE_CREATED',
          aggregateType: 'service',
          createdBy: actor.userEntityRef,
          // Facts that need no processing: recorded as already completed.
          status: 'COMPLETED',
          aggregateId: service.id,
          payload: {
            serviceId: service.id,
            systemId: system.id,
            name: service.name,
            entityRef: input.entityRef ?? null,
          },
        });
        await unit.audit({
          action: 'service.create',
          actor: actor.userEntityRef,
          resourceType: 'service',
          resourceId: service.id,
          resourceName: service.name,
          parentType: 'system',
          parentId: system.id,
          details: { registeredFrom: input.entityRef ?? null },
        });
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw conflict(
          SHEPHERD_ERROR_CODES.NAME_ALREADY_EXISTS,
          `The System '${system.name}' already has a Service named '${service.name}'`,
        );
      }
      throw error;
    }
    return service;
  }

  async updateService(
    actor: Actor,
    id: string,
    input: { description: string },
  ) {
    const service = await this.getService(actor, id);
    const updatedAt = this.context.now();
    await this.context.execute(async unit => {
      await unit.tx.services.update(id, {
        description: input.description,
        updatedAt,
      });
      await unit.audit({
        action: 'service.update',
        actor: actor.userEntityRef,
        resourceType: 'service',
        resourceId: id,
        resourceName: service.name,
        parentType: 'system',
        parentId: service.systemId,
        details: { description: input.description },
      });
    });
    return { ...service, description: input.description, updatedAt };
  }

  async deleteService(actor: Actor, id: string, confirm: boolean) {
    const service = await this.getService(actor, id);
    if (!confirm) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
        'Deleting a Service needs confirm=true',
      );
    }
    await this.context.execute(async unit => {
      const vms = await unit.tx.vms.count({ serviceId: id });
      if (vms > 0) {
        throw conflict(
          SHEPHERD_ERROR_CODES.DELETE_RESTRICTED,
          `The Service '${service.name}' still has ${vms} VM(s); delete them first`,
          { vms },
        );
      }
      const active = await unit.tx.tickets.list({
        offset: 0,
        limit: 1,
        statuses: [...TICKET_STATUS_GROUPS.ACTIVE],
        serviceId: id,
      });
      if (active.totalItems > 0) {
        throw conflict(
          SHEPHERD_ERROR_CODES.ACTIVE_TICKETS_EXIST,
          `The Service '${service.name}' has requests that are not finished yet`,
        );
      }
      await unit.tx.services.delete(id);
      await unit.recordEvent({
        type: 'SERVICE_DELETED',
        aggregateType: 'service',
        createdBy: actor.userEntityRef,
        // Facts that need no processing: recorded as already completed.
        status: 'COMPLETED',
        aggregateId: id,
        payload: {
          serviceId: id,
          systemId: service.systemId,
          name: service.name,
        },
      });
      await unit.audit({
        action: 'service.delete_executed',
        actor: actor.userEntityRef,
        resourceType: 'service',
        resourceId: id,
        resourceName: service.name,
        parentType: 'system',
        parentId: service.systemId,
      });
    });
  }

  async #readEntity(
    actor: Actor,
    entityRef: string,
    kind: 'system' | 'component',
  ) {
    let ref;
    try {
      ref = parseEntityRef(entityRef, {
        defaultKind: kind,
        defaultNamespace: 'default',
      });
    } catch {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `'${entityRef}' is not an entity ref`,
      );
    }
    if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.ENTITY_KIND_INVALID,
        `'${entityRef}' is not a ${kind === 'system' ? 'System' : 'Component'}`,
      );
    }
    // Read with the user's credentials: what the user cannot see in the catalog cannot be
    // registered either.
    const entity: Entity | undefined = await this.catalog.getEntityByRef(ref, {
      credentials: actor.credentials,
    });
    if (!entity) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.ENTITY_NOT_FOUND,
        `${stringifyEntityRef(ref)} is not in the catalog`,
      );
    }
    return entity;
  }
}
