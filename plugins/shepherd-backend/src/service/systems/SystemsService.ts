import {
  MemberRole,
  Page,
  ShepherdService,
  ShepherdSystem,
  SystemMember,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor, Reader } from '../Actor';
import { PermissionConditions } from '../../database/permissionFilter';

export interface ListRequest {
  offset: number;
  limit: number;
  search?: string;
  /** Only the record registered from this catalog entity. */
  entityRef?: string;
}

/** Systems, their members and their Services: the governance hierarchy. */
export interface SystemsService {
  listSystems(
    reader: Reader,
    request: ListRequest & { conditions?: PermissionConditions },
  ): Promise<Page<ShepherdSystem>>;
  getSystem(reader: Reader, id: string): Promise<ShepherdSystem>;
  createSystem(
    actor: Actor,
    input: { name: string; description?: string; owner?: string },
  ): Promise<WithWarnings<ShepherdSystem>>;
  registerSystem(
    actor: Actor,
    entityRef: string,
  ): Promise<WithWarnings<ShepherdSystem>>;
  updateSystem(
    actor: Actor,
    id: string,
    input: { description: string },
  ): Promise<ShepherdSystem>;
  deleteSystem(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ): Promise<void>;

  listMembers(reader: Reader, systemId: string): Promise<SystemMember[]>;
  addMember(
    actor: Actor,
    systemId: string,
    input: { memberRef: string; role: MemberRole },
    options: { mayManageOwners: boolean },
  ): Promise<SystemMember>;
  updateMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    input: { role: MemberRole },
    options: { mayManageOwners: boolean },
  ): Promise<SystemMember>;
  removeMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    options: { mayManageOwners: boolean },
  ): Promise<void>;

  listServices(
    reader: Reader,
    request: ListRequest & {
      systemId?: string;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdService>>;
  getService(reader: Reader, id: string): Promise<ShepherdService>;
  createService(
    actor: Actor,
    systemId: string,
    input: { name: string; description?: string },
  ): Promise<WithWarnings<ShepherdService>>;
  /** Registers a catalog Component (type service) of the System as one of its Services. */
  registerService(
    actor: Actor,
    systemId: string,
    entityRef: string,
  ): Promise<WithWarnings<ShepherdService>>;
  updateService(
    actor: Actor,
    id: string,
    input: { description: string },
  ): Promise<ShepherdService>;
  deleteService(actor: Actor, id: string, confirm: boolean): Promise<void>;
}
