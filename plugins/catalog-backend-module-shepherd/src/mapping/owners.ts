import { parseEntityRef } from '@backstage/catalog-model';
import {
  ShepherdSystem,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';

function kindOf(ref: string): string | undefined {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

const oldestFirst = (a: SystemMember, b: SystemMember) =>
  a.createdAt.localeCompare(b.createdAt) ||
  a.memberRef.localeCompare(b.memberRef);

/**
 * The owner of a System's entities: its oldest owner that is a Group (teams own things in the
 * catalog), else its oldest owner, else whoever created it. A System keeps an owner in
 * Shepherd, so the last case only covers a System read between two changes of its members.
 */
export function ownerOf(
  system: ShepherdSystem,
  members: SystemMember[] = [],
): string {
  const owners = members
    .filter(member => member.role === 'owner')
    .sort(oldestFirst);
  const group = owners.find(member => kindOf(member.memberRef) === 'group');
  return (group ?? owners[0])?.memberRef ?? system.createdBy;
}
