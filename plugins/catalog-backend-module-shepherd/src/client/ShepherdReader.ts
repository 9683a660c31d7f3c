import {
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** What the provider reads of Shepherd: Systems, their members, Services and VMs. */
export interface ShepherdReader {
  listSystems(): Promise<ShepherdSystem[]>;
  /** The System's members; none when the System does not exist (any more). */
  listMembers(systemId: string): Promise<SystemMember[]>;
  listServices(filter?: { systemId?: string }): Promise<ShepherdService[]>;
  listVms(filter?: {
    systemId?: string;
    serviceId?: string;
  }): Promise<ShepherdVm[]>;
  /** The record, or undefined when it does not exist (any more). */
  getSystem(id: string): Promise<ShepherdSystem | undefined>;
  getService(id: string): Promise<ShepherdService | undefined>;
  getVm(id: string): Promise<ShepherdVm | undefined>;
}
