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
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { EntityMappingOptions } from '../config';
import {
  ENTITY_API_VERSION,
  KUBERNETES_ANNOTATIONS,
  PLATFORM_LABELS,
  SERVICE_COMPONENT_TYPE,
  SHEPHERD_MANAGER,
  SHEPHERD_PAGES,
  VM_RESOURCE_TYPE,
  locationOf,
} from '../constants';
import { ownerOf } from './owners';
import { MappedRecord, ShepherdRecords, recordKey } from './records';

/** The ref of a registered record's catalog entity, in the catalog's lowercase form. */
function linkedRef(entityRef: string, defaultKind: string): string {
  return stringifyEntityRef(parseEntityRef(entityRef, { defaultKind }));
}

/** The name of the Component of a Service: Service names are unique only within their System. */
export function componentName(
  system: ShepherdSystem,
  service: ShepherdService,
): string {
  return `${system.name}-${service.name}`;
}

/** The Kubernetes label selector that finds a VM's objects by the platform labels. */
export function vmLabelSelector(vm: ShepherdVm): string {
  return [
    `${PLATFORM_LABELS.managedBy}=${SHEPHERD_MANAGER}`,
    `${PLATFORM_LABELS.system}=${vm.systemName}`,
    `${PLATFORM_LABELS.service}=${vm.serviceName}`,
    `${PLATFORM_LABELS.instance}=${vm.instance}`,
  ].join(',');
}

/** Maps one batch of records; knows each record's System, owner and catalog refs. */
class RecordMapper {
  readonly #systems: Map<string, ShepherdSystem>;
  readonly #services: Map<string, ShepherdService>;

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

  systemRef(system: ShepherdSystem): string {
    return system.entityRef
      ? linkedRef(system.entityRef, 'system')
      : stringifyEntityRef({
          kind: 'system',
          namespace: this.options.namespace,
          name: system.name,
        });
  }

  serviceRef(system: ShepherdSystem, service: ShepherdService): string {
    return service.entityRef
      ? linkedRef(service.entityRef, 'component')
      : stringifyEntityRef({
          kind: 'component',
          namespace: this.options.namespace,
          name: componentName(system, service),
        });
  }

  owner(system: ShepherdSystem): string {
    return ownerOf(system, this.records.members.get(system.id));
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
      spec: { owner: this.owner(system) },
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
        system: this.systemRef(system),
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
        labels: { [PLATFORM_LABELS.environment]: vm.environment },
        tags: ['kubevirt', vm.environment],
      },
      spec: {
        type: VM_RESOURCE_TYPE,
        owner: this.owner(system),
        system: this.systemRef(system),
        dependencyOf: [this.serviceRef(system, service)],
      },
    };
  }
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
 * entity, or would take the ref of an older record's entity, gets none either; `warn` says
 * why.
 */
export function mapRecords(
  records: ShepherdRecords,
  options: EntityMappingOptions,
  warn: (message: string) => void,
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
    const owner = claimedBy.get(entityRef);
    if (owner) {
      warn(`${what} gets no entity: ${entityRef} stands for ${owner} already`);
      mapped.push({ key });
      return;
    }
    claimedBy.set(entityRef, what);
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
    add(recordKey('vm', vm.id), mapper.vmEntity(system, service, vm), what);
  }
  return mapped;
}
