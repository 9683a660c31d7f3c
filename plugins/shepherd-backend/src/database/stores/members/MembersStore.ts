import {
  MemberRole,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface MembersStore {
  listForSystem(systemId: string): Promise<SystemMember[]>;
  listForSystems(systemIds: string[]): Promise<Map<string, SystemMember[]>>;
  get(id: string): Promise<SystemMember | undefined>;
  insert(member: SystemMember): Promise<void>;
  updateRole(
    id: string,
    patch: { role: MemberRole; updatedAt: string },
  ): Promise<void>;
  delete(id: string): Promise<void>;
}
