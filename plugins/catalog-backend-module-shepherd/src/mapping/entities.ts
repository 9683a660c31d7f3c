import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  Entity,
  EntityLink,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS,
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { EntityMappingOptions } from '../config';
import {
  ENTITY_API_VERSION,
  KUBERNETES_ANNOTATIONS,
  SERVICE_COMPONENT_TYPE,
  SHEPHERD_PAGES,
  VM_RESOURCE_TYPE,
  locationOf,
} from '../constants';
import { accessOf } from './access';
import { ownerOf } from './owners';
import { MappedRecord, ShepherdRecords, recordKey } from './records';

/** The ref of a registered record's catalog entity, in the catalog's lowercase form. */
function linkedRef(entityRef: string, defaultKind: string): string {
  return stringifyEntityRef(parseEntityRef(entityRef, { defaultKind }));
}

/**
 * The name of the Component of a Service, `{system}.{service}`: Service names are unique only
 * within their System, and Shepherd names are DNS labels, which have no dots, so no two
 * Services share a name (with `-` between them, `shop`/`cart-api` and `shop-cart`/`api` would).
 */
export const SYSTEM_SERVICE_SEPARATOR = '.';

export function componentName(
  system: ShepherdSystem,
  service: ShepherdService,
): string {
  return `${system.name}${SYSTEM_SERVICE_SEPARATOR}${service.name}`;
}

/** The Kubernetes label selector that finds a VM's objects by the platform labels. */
export function vmLabelSelector(vm: ShepherdVm): string {
  return [
    `${SHEPHERD_PLATFORM_LABELS.managedBy}=${SHEPHERD_MANAGER}`,
    `${SHEPHERD_PLATFORM_LABELS.system}=${vm.systemName}`,
    `${SHEPHERD_PLATFORM_LABELS.service}=${vm.serviceName}`,
    `${SHEPHERD_PLATFORM_LABELS.instance}=${vm.instance}`,
  ].join(',');
}

/** Maps one batch of records; knows each record's System, owner and catalog refs. */
class RecordMapper {
  readonly #systems: Map<string, ShepherdSystem>;
  readonly #services: Map<string, ShepherdService>;
  /**
   * The ref of the entity that stands for each record mapped so far: its own, or the linked
   * one of a registered record. A record without an entity has none, so nothing refers to it.
   */
  readonly #refOfRecord = new Map<string, string>();

  constructor(
    private readonly records: ShepherdRecords,
    private readonly options: EntityMappingOptions,
  ) {
    this.#systems = new Map(records.systems.map(s => [s.id, s]));
    this.#services = new Map(records.services.map(s => [s.id, s]));
  }

  system(id: string) {
    return this.#systems.get(id);
  }

  service(id: string) {
    return this.#services.get(id);
  }

  /** Notes the ref of the entity that stands for a record, once the record has one. */
  standsFor(key: string, entityRef: string) {
    this.#refOfRecord.set(key, entityRef);
  }

  /** The ref of the entity that stands for a mapped System, if it has one. */
  systemRef(system: ShepherdSystem): string | undefined {
    return system.entityRef
      ? linkedRef(system.entityRef, 'system')
      : this.#refOfRecord.get(recordKey('system', system.id));
  }

  /** The ref of the entity that stands for a mapped Service, if it has one. */
  serviceRef(service: ShepherdService): string | undefined {
    return service.entityRef
      ? linkedRef(service.entityRef, 'component')
      : this.#refOfRecord.get(recordKey('service', service.id));
  }

  owner(system: ShepherdSystem): string {
    return ownerOf(system, this.records.members.get(system.id));
  }

  /** What decides who may see an entity of the System (and, for a VM, its requester). */
  access(system: ShepherdSystem, vm?: ShepherdVm) {
    return accessOf(this.records.members.get(system.id), vm?.createdBy);
  }

  #page(path: string) {
    return `${this.options.shepherdUrl}${path}`;
  }

  #metadata(
    recordId: string,
    name: string,
    description: string,
    viewUrl: string,
    annotations: Record<string, string>,
    links: EntityLink[],
  ): Entity['metadata'] {
    const location = locationOf(recordId);
    return {
      name,
      namespace: this.options.namespace,
      ...(description && { description }),
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_VIEW_URL]: viewUrl,
        ...annotations,
      },
      links,
    };
  }

  systemEntity(system: ShepherdSystem): Entity {
    const url = this.#page(SHEPHERD_PAGES.system(system.id));
    return {
      apiVersion: ENTITY_API_VERSION,
      kind: 'System',
      metadata: this.#metadata(
        system.id,
        system.name,
        system.description,
        url,
        { [SHEPHERD_ANNOTATIONS.systemId]: system.id },
        [{ url, title: 'Shepherd System' }],
      ),
      spec: { owner: this.owner(system), ...this.access(system) },
    };
  }

  serviceEntity(system: ShepherdSystem, service: ShepherdService): Entity {
    const url = this.#page(SHEPHERD_PAGES.system(system.id));
    return {
      apiVersion: ENTITY_API_VERSION,
      kind: 'Component',
      metadata: this.#metadata(
        service.id,
        componentName(system, service),
        service.description,
        url,
        {
          [SHEPHERD_ANNOTATIONS.systemId]: system.id,
          [SHEPHERD_ANNOTATIONS.serviceId]: service.id,
        },
        [
          { url, title: 'Shepherd System' },
          {
            url: this.#page(SHEPHERD_PAGES.requestVm(service.id)),
            title: 'Request a VM',
          },
        ],
      ),
      spec: {
        type: SERVICE_COMPONENT_TYPE,
        lifecycle: this.options.lifecycle,
        owner: this.owner(system),
        ...withRef('system', this.systemRef(system)),
        ...this.access(system),
      },
    };
  }

  vmEntity(
    system: ShepherdSystem,
    service: ShepherdService,
    vm: ShepherdVm,
  ): Entity {
    const url = this.#page(SHEPHERD_PAGES.vm(vm.id));
    return {
      apiVersion: ENTITY_API_VERSION,
      kind: 'Resource',
      metadata: {
        ...this.#metadata(
          vm.id,
          vm.name,
          `Virtual machine ${vm.instance} of ${system.name}/${service.name} in the ${vm.environment} namespace ${vm.namespace}`,
          url,
          {
            [SHEPHERD_ANNOTATIONS.systemId]: system.id,
            [SHEPHERD_ANNOTATIONS.serviceId]: service.id,
            [SHEPHERD_ANNOTATIONS.vmId]: vm.id,
            ...(vm.clusterName && {
              [SHEPHERD_ANNOTATIONS.cluster]: vm.clusterName,
            }),
            [KUBERNETES_ANNOTATIONS.namespace]: vm.namespace,
            [KUBERNETES_ANNOTATIONS.labelSelector]: vmLabelSelector(vm),
          },
          [{ url, title: 'Shepherd VM' }],
        ),
        labels: { [SHEPHERD_PLATFORM_LABELS.environment]: vm.environment },
        tags: ['kubevirt', vm.environment],
      },
      spec: {
        type: VM_RESOURCE_TYPE,
        owner: this.owner(system),
        ...withRef('system', this.systemRef(system)),
        ...withRef('dependencyOf', this.serviceRef(service), ref => [ref]),
        ...this.access(system, vm),
      },
    };
  }
}

/** A `spec` field that refers to a parent's entity, left out when the parent has none. */
function withRef<T = string>(
  field: string,
  entityRef: string | undefined,
  value: (ref: string) => T = ref => ref as T,
): Record<string, T> {
  return entityRef ? { [field]: value(entityRef) } : {};
}

const oldestFirst = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The entities that stand for Shepherd records: a System for each System, a Component
 * (`spec.type: service`) for each Service and a Resource (`spec.type: virtual-machine`) for
 * each VM, related through `spec.system`, `spec.owner` and `spec.dependencyOf`.
 *
 * Records registered from catalog entities get none: the catalog has them already, and their
 * children refer to them by their `entityRef`. A record whose entity would not be a valid
 * entity, or would take the ref of an older record's entity or of one `holderOf` names,
 * gets none either; `warn` says why. Its children's entities then leave out the relation to
 * it rather than refer to an entity that does not exist or stands for another record.
 *
 * @param holderOf - the key of the record whose entity the catalog has under a ref already,
 *   for mapping some records while the provider's other entities stay
 */
export function mapRecords(
  records: ShepherdRecords,
  options: EntityMappingOptions,
  warn: (message: string) => void,
  holderOf: (entityRef: string) => string | undefined = () => undefined,
): MappedRecord[] {
  const mapper = new RecordMapper(records, options);
  const claimedBy = new Map<string, string>();
  const mapped: MappedRecord[] = [];

  const add = (key: string, entity: Entity | undefined, what: string) => {
    if (!entity) {
      mapped.push({ key });
      return;
    }
    if (!KubernetesValidatorFunctions.isValidObjectName(entity.metadata.name)) {
      warn(
        `${what} gets no entity: '${entity.metadata.name}' is no valid name`,
      );
      mapped.push({ key });
      return;
    }
    const entityRef = stringifyEntityRef(entity);
    const heldBy = holderOf(entityRef);
    const holder =
      claimedBy.get(entityRef) ?? (heldBy !== key ? heldBy : undefined);
    if (holder) {
      warn(`${what} gets no entity: ${entityRef} stands for ${holder} already`);
      mapped.push({ key });
      return;
    }
    claimedBy.set(entityRef, what);
    mapper.standsFor(key, entityRef);
    mapped.push({
      key,
      entityRef,
      entity: {
        entity,
        locationKey: entity.metadata.annotations![ANNOTATION_LOCATION],
      },
    });
  };

  for (const system of [...records.systems].sort(oldestFirst)) {
    add(
      recordKey('system', system.id),
      system.entityRef ? undefined : mapper.systemEntity(system),
      `System ${system.name} (${system.id})`,
    );
  }
  for (const service of [...records.services].sort(oldestFirst)) {
    const what = `Service ${service.systemName}/${service.name} (${service.id})`;
    const system = mapper.system(service.systemId);
    if (!system) {
      warn(`${what} gets no entity: its System was not read`);
      mapped.push({ key: recordKey('service', service.id) });
      continue;
    }
    if (!service.entityRef && !mapper.systemRef(system)) {
      warn(
        `${what} is part of no System: System ${system.name} (${system.id}) has no entity`,
      );
    }
    add(
      recordKey('service', service.id),
      service.entityRef ? undefined : mapper.serviceEntity(system, service),
      what,
    );
  }
  for (const vm of [...records.vms].sort(oldestFirst)) {
    const what = `VM ${vm.name} (${vm.id})`;
    const system = mapper.system(vm.systemId);
    const service = mapper.service(vm.serviceId);
    if (!system || !service) {
      warn(`${what} gets no entity: its Service or System was not read`);
      mapped.push({ key: recordKey('vm', vm.id) });
      continue;
    }
    if (!mapper.systemRef(system)) {
      warn(
        `${what} is part of no System: System ${system.name} (${system.id}) has no entity`,
      );
    }
    if (!mapper.serviceRef(service)) {
      warn(
        `${what} depends on no Component: Service ${service.systemName}/${service.name} (${service.id}) has no entity`,
      );
    }
    add(recordKey('vm', vm.id), mapper.vmEntity(system, service, vm), what);
  }
  return mapped;
}
