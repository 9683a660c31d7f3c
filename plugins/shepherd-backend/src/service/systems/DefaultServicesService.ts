import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuditAction,
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_ERROR_CODES,
  ShepherdService,
  ShepherdSystem,
  TICKET_STATUS_GROUPS,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { Actor, Reader } from '../Actor';
import { conflict, invalidInput, writeUnique } from '../errors';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';
import {
  assertNotRegistered,
  catalogRefOf,
  changeDescription,
  catalogSystemRefOf,
  checkName,
  loadService,
  loadSystem,
  readCatalogEntity,
} from './hierarchyRules';
import { ServicesService } from './ServicesService';

/** Audits a change of a Service, under its System. */
async function auditService(
  unit: UnitOfWork,
  actor: Actor,
  action: AuditAction,
  service: ShepherdService,
  details?: Record<string, unknown>,
) {
  await unit.audit({
    action,
    actor: actor.userEntityRef,
    resourceType: 'service',
    resourceId: service.id,
    resourceName: service.name,
    parentType: 'system',
    parentId: service.systemId,
    details,
  });
}

/**
 * The Services of Systems. Every method trusts its caller to have checked permissions (see
 * AuthorizedServicesService); it enforces the domain's own rules: names, the catalog
 * Component a Service is registered from, and that only a Service without VMs or requests in
 * progress can go.
 */
export class DefaultServicesService implements ServicesService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly catalog: Pick<CatalogService, 'getEntityByRef'>,
  ) {}

  /** The System of the members or Services asked about; 404 when it does not exist. */
  async getSystem(systemId: string) {
    return loadSystem(this.context.store, systemId);
  }

  async listServices(
    _reader: Reader,
    request: Parameters<ServicesService['listServices']>[1],
  ) {
    return this.context.store.services.list(request);
  }

  async getService(_reader: Reader, id: string) {
    return loadService(this.context.store, id);
  }

  async createService(
    actor: Actor,
    systemId: string,
    input: Parameters<ServicesService['createService']>[2],
  ) {
    const system = await loadSystem(this.context.store, systemId);
    const warnings = checkName('service', input.name);
    const item = await this.#insertService(actor, system, {
      name: input.name,
      description: input.description ?? '',
    });
    return { item, warnings };
  }

  async registerService(actor: Actor, systemId: string, entityRef: string) {
    const system = await loadSystem(this.context.store, systemId);
    const entity = await readCatalogEntity(
      this.catalog,
      actor,
      entityRef,
      'component',
    );
    const ref = stringifyEntityRef(entity);
    if (entity.spec?.type !== 'service') {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.ENTITY_KIND_INVALID,
        `${ref} is a Component of type '${entity.spec?.type}', not 'service'`,
      );
    }
    assertNotRegistered(
      await this.context.store.services.getByEntityRef(ref),
      ref,
    );
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
    await writeUnique(
      () =>
        this.context.execute(async unit => {
          await unit.tx.services.insert(service);
          await unit.recordFact({
            type: 'SERVICE_CREATED',
            aggregateType: 'service',
            createdBy: actor.userEntityRef,
            aggregateId: service.id,
            payload: {
              serviceId: service.id,
              systemId: system.id,
              name: service.name,
              entityRef: input.entityRef ?? null,
            },
          });
          await auditService(unit, actor, 'service.create', service, {
            registeredFrom: input.entityRef ?? null,
          });
        }),
      () =>
        conflict(
          SHEPHERD_ERROR_CODES.NAME_ALREADY_EXISTS,
          `The System '${system.name}' already has a Service named '${service.name}'`,
        ),
    );
    return service;
  }

  async updateService(
    actor: Actor,
    id: string,
    input: Parameters<ServicesService['updateService']>[2],
  ) {
    const service = await this.getService(actor, id);
    return changeDescription(
      this.context,
      service,
      input.description,
      (tx, patch) => tx.services.update(id, patch),
      unit =>
        auditService(unit, actor, 'service.update', service, {
          description: input.description,
        }),
    );
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
      await unit.recordFact({
        type: 'SERVICE_DELETED',
        aggregateType: 'service',
        createdBy: actor.userEntityRef,
        aggregateId: id,
        payload: {
          serviceId: id,
          systemId: service.systemId,
          name: service.name,
        },
      });
      await auditService(unit, actor, 'service.delete_executed', service);
    });
  }
}
