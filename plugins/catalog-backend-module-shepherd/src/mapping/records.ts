import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  ShepherdRecordKind,
  ShepherdService,
  ShepherdSystem,
  ShepherdVm,
  SystemMember,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** Shepherd records read together: everything, or the part a change touched. */
export interface ShepherdRecords {
  systems: ShepherdSystem[];
  /** Members by System id. */
  members: Map<string, SystemMember[]>;
  services: ShepherdService[];
  vms: ShepherdVm[];
}

/** Identifies a record across kinds. */
export function recordKey(kind: ShepherdRecordKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * A record and the entity that stands for it. A record registered from a catalog entity has
 * none (the catalog already has it), nor has one whose entity could not be named.
 */
export interface MappedRecord {
  key: string;
  entity?: DeferredEntity;
  /** The entity's ref (lowercase, as the catalog keys it), when there is an entity. */
  entityRef?: string;
}
