import {
  SHEPHERD_RESOURCE_TYPES,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  ShepherdTicket,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdMemberBinding,
  ShepherdNamespaceResource,
  ShepherdServiceResource,
  ShepherdSystemResource,
  ShepherdTicketResource,
  ShepherdVmResource,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ShepherdStore } from '../database/ShepherdStore';

function toBindings(members: SystemMember[] = []): ShepherdMemberBinding[] {
  return members.map(({ memberRef, role }) => ({ memberRef, role }));
}

/**
 * A VM as permission rules need it. A VM that is only being requested has no id and no
 * Service yet: its System, its namespace's environment and its requester decide.
 */
export type VmRecord = Pick<
  ShepherdVm,
  'systemId' | 'environment' | 'createdBy'
> & { id?: string; serviceId?: string };

/** Records in the shape permission rules evaluate, with the members of their System. */
export class ResourceLoader {
  constructor(private readonly store: Pick<ShepherdStore, 'members'>) {}

  /** `records` in the shape their rules evaluate (`shape`), each with the members of its System. */
  async #withMembers<R, S>(
    records: R[],
    systemIdOf: (record: R) => string,
    shape: (record: R) => S,
  ): Promise<Array<S & { members: ShepherdMemberBinding[] }>> {
    const members = await this.store.members.listForSystems([
      ...new Set(records.map(systemIdOf)),
    ]);
    return records.map(record => ({
      ...shape(record),
      members: toBindings(members.get(systemIdOf(record))),
    }));
  }

  systems(systems: ShepherdSystem[]): Promise<ShepherdSystemResource[]> {
    return this.#withMembers(
      systems,
      s => s.id,
      s => ({ id: s.id, name: s.name }),
    );
  }

  services(services: ShepherdService[]): Promise<ShepherdServiceResource[]> {
    return this.#withMembers(
      services,
      s => s.systemId,
      s => ({ id: s.id, systemId: s.systemId }),
    );
  }

  vms(vms: VmRecord[]): Promise<ShepherdVmResource[]> {
    return this.#withMembers(
      vms,
      vm => vm.systemId,
      vm => ({
        id: vm.id,
        systemId: vm.systemId,
        serviceId: vm.serviceId,
        environment: vm.environment,
        createdBy: vm.createdBy,
      }),
    );
  }

  tickets(tickets: ShepherdTicket[]): Promise<ShepherdTicketResource[]> {
    return this.#withMembers(
      tickets,
      t => t.systemId,
      t => ({
        id: t.id,
        systemId: t.systemId,
        environment: t.environment,
        requester: t.requester,
        status: t.status,
        operation: t.operation,
      }),
    );
  }

  namespaces(namespaces: ShepherdNamespace[]): ShepherdNamespaceResource[] {
    return namespaces.map(n => ({
      id: n.id,
      name: n.name,
      environment: n.environment,
    }));
  }

  /** Records of a resource type in the shape its rules evaluate, their members read at once. */
  async resourcesOf(
    type: (typeof SHEPHERD_RESOURCE_TYPES)[keyof typeof SHEPHERD_RESOURCE_TYPES],
    records: unknown[],
  ): Promise<unknown[]> {
    switch (type) {
      case SHEPHERD_RESOURCE_TYPES.system:
        return this.systems(records as ShepherdSystem[]);
      case SHEPHERD_RESOURCE_TYPES.service:
        return this.services(records as ShepherdService[]);
      case SHEPHERD_RESOURCE_TYPES.vm:
        return this.vms(records as VmRecord[]);
      case SHEPHERD_RESOURCE_TYPES.ticket:
        return this.tickets(records as ShepherdTicket[]);
      case SHEPHERD_RESOURCE_TYPES.namespace:
        return this.namespaces(records as ShepherdNamespace[]);
      default:
        throw new Error(`Unknown resource type ${type}`);
    }
  }
}
