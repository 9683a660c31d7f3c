import {
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdReader } from '../client/ShepherdReader';

/**
 * A {@link ShepherdReader} over in-memory records, for tests that need no HTTP. It counts
 * the calls of each method; `failWith` makes every following call fail with that error.
 */
export class InMemoryShepherdReader implements ShepherdReader {
  systems: ShepherdSystem[] = [];
  members: SystemMember[] = [];
  services: ShepherdService[] = [];
  vms: ShepherdVm[] = [];
  failWith?: Error;
  readonly calls: string[] = [];

  #call(name: string) {
    this.calls.push(name);
    if (this.failWith) throw this.failWith;
  }

  async listSystems(): Promise<ShepherdSystem[]> {
    this.#call('listSystems');
    return [...this.systems];
  }

  async listMembers(systemId: string): Promise<SystemMember[]> {
    this.#call('listMembers');
    return this.members.filter(member => member.systemId === systemId);
  }

  async listServices(
    filter: { systemId?: string } = {},
  ): Promise<ShepherdService[]> {
    this.#call('listServices');
    return this.services.filter(
      service => !filter.systemId || service.systemId === filter.systemId,
    );
  }

  async listVms(
    filter: { systemId?: string; serviceId?: string } = {},
  ): Promise<ShepherdVm[]> {
    this.#call('listVms');
    return this.vms.filter(
      vm =>
        (!filter.systemId || vm.systemId === filter.systemId) &&
        (!filter.serviceId || vm.serviceId === filter.serviceId),
    );
  }

  async getSystem(id: string): Promise<ShepherdSystem | undefined> {
    this.#call('getSystem');
    return this.systems.find(system => system.id === id);
  }

  async getService(id: string): Promise<ShepherdService | undefined> {
    this.#call('getService');
    return this.services.find(service => service.id === id);
  }

  async getVm(id: string): Promise<ShepherdVm | undefined> {
    this.#call('getVm');
    return this.vms.find(vm => vm.id === id);
  }
}
