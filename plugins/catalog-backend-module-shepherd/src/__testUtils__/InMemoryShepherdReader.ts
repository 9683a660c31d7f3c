import {
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReadOptions, ShepherdReader } from '../client/ShepherdReader';

/**
 * A {@link ShepherdReader} over in-memory records, for tests that need no HTTP. It counts
 * the calls of each method and remembers the abort signal of each list read; `failWith`
 * makes every following call fail with that error.
 */
export class InMemoryShepherdReader implements ShepherdReader {
  systems: ShepherdSystem[] = [];
  members: SystemMember[] = [];
  services: ShepherdService[] = [];
  vms: ShepherdVm[] = [];
  failWith?: Error;
  readonly calls: string[] = [];
  readonly signals: Array<AbortSignal | undefined> = [];

  #call(name: string, options?: ReadOptions) {
    this.calls.push(name);
    if (name.startsWith('list')) this.signals.push(options?.signal);
    if (this.failWith) throw this.failWith;
  }

  async listSystems(options?: ReadOptions): Promise<ShepherdSystem[]> {
    this.#call('listSystems', options);
    return [...this.systems];
  }

  async listMembers(
    systemId: string,
    options?: ReadOptions,
  ): Promise<SystemMember[]> {
    this.#call('listMembers', options);
    return this.members.filter(member => member.systemId === systemId);
  }

  async listServices(
    filter: { systemId?: string } = {},
    options?: ReadOptions,
  ): Promise<ShepherdService[]> {
    this.#call('listServices', options);
    return this.services.filter(
      service => !filter.systemId || service.systemId === filter.systemId,
    );
  }

  async listVms(
    filter: { systemId?: string; serviceId?: string } = {},
    options?: ReadOptions,
  ): Promise<ShepherdVm[]> {
    this.#call('listVms', options);
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
