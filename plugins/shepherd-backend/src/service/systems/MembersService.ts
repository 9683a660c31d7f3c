import {
  ShepherdApiRequestBody,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor, Reader } from '../Actor';

/** Who holds which role in a System (inherited by its Services and VMs). */
export interface MembersService {
  listMembers(reader: Reader, systemId: string): Promise<SystemMember[]>;
  addMember(
    actor: Actor,
    systemId: string,
    input: ShepherdApiRequestBody<'AddSystemMember'>,
  ): Promise<SystemMember>;
  updateMember(
    actor: Actor,
    systemId: string,
    memberId: string,
    input: ShepherdApiRequestBody<'UpdateSystemMember'>,
  ): Promise<SystemMember>;
  removeMember(actor: Actor, systemId: string, memberId: string): Promise<void>;
}
