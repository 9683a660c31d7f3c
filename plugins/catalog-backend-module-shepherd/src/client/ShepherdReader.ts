import {
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** How a list is read: `signal` gives up the read, e.g. when the scheduler aborts the task. */
export interface ReadOptions {
  signal?: AbortSignal;
}

/** What the provider reads of Shepherd: Systems, their members, Services and VMs. */
export interface ShepherdReader {
  listSystems(options?: ReadOptions): Promise<ShepherdSystem[]>;
  /** The System's members; none when the System does not exist (any more). */
  listMembers(systemId: string, options?: ReadOptions): Promise<SystemMember[]>;
  listServices(
    filter?: { systemId?: string },
    options?: ReadOptions,
  ): Promise<ShepherdService[]>;
  listVms(
    filter?: {
      systemId?: string;
      serviceId?: string;
    },
    options?: ReadOptions,
  ): Promise<ShepherdVm[]>;
  /** The record, or undefined when it does not exist (any more). */
  getSystem(id: string): Promise<ShepherdSystem | undefined>;
  getService(id: string): Promise<ShepherdService | undefined>;
  getVm(id: string): Promise<ShepherdVm | undefined>;
}
