/*
 * What the Shepherd backend, the catalog entity provider and the frontend share about catalog
 * entities: the events that announce changed records, the annotations that link an entity
 * back to its Shepherd record, and the fields that say who may see it.
 */
import { MemberRole } from './model/enums';

/**
 * The topic of Backstage's events service on which the Shepherd backend announces changed
 * Systems, Services and VMs, once the change has committed.
 *
 * @public
 */
export const SHEPHERD_CHANGES_TOPIC = 'kubevirt-shepherd.changes';

/** The kinds of records whose changes are announced. @public */
export type ShepherdRecordKind = 'system' | 'service' | 'vm';

/**
 * One changed record: `upserted` when it was created or changed (re-read it), `removed` when
 * it no longer exists. A System's members count as part of the System.
 *
 * @public
 */
export type ShepherdRecordChange = {
  kind: ShepherdRecordKind;
  id: string;
  change: 'upserted' | 'removed';
};

/**
 * The payload of an event on {@link SHEPHERD_CHANGES_TOPIC}: the records one unit of work
 * changed. It names records only; readers fetch their current state from the API.
 *
 * @public
 */
export type ShepherdChangesEvent = {
  changes: ShepherdRecordChange[];
};

/**
 * Annotations of the catalog entities the entity provider publishes, naming the Shepherd
 * record an entity stands for.
 *
 * @public
 */
export const SHEPHERD_ANNOTATIONS = {
  /** The id of the System (on Systems, and on the Services and VMs of the System). */
  systemId: 'kubevirt-shepherd.io/system-id',
  /** The id of the Service (on Services, and on the VMs of the Service). */
  serviceId: 'kubevirt-shepherd.io/service-id',
  /** The id of the VM. */
  vmId: 'kubevirt-shepherd.io/vm-id',
  /** The name of the cluster a VM runs on. */
  cluster: 'kubevirt-shepherd.io/cluster',
} as const;

/**
 * `spec.type` of the entities that stand for Shepherd records: Services are Components of
 * type `service` (the type Systems' Components must have to be registered as Services), VMs
 * are Resources of type `virtual-machine`.
 *
 * @public
 */
export const SHEPHERD_ENTITY_TYPES = {
  service: 'service',
  vm: 'virtual-machine',
} as const;

/**
 * Fields under `spec` of the entities the entity provider publishes that carry what Shepherd
 * decides read access with, so that the catalog can show an entity to whoever may read its
 * record in Shepherd (`catalog.entity.read` as `shepherd.system.read`,
 * `shepherd.service.read` or `shepherd.vm.read`; see `createShepherdCatalogReadDecision` in
 * shepherd-node). Paths are relative to `spec`, as the catalog's `HAS_SPEC` rule takes them;
 * entity refs are in their normal, lower-case form. A VM's environment is its
 * `kubevirt-shepherd.io/environment` label.
 *
 * @public
 */
export const SHEPHERD_ENTITY_ACCESS_FIELDS = {
  /** The object under `spec` that holds the fields below. */
  root: 'shepherd',
  /** The members of the record's System with `role` (on Systems, Services and VMs). */
  membersWithRole: (role: MemberRole) => `shepherd.members.${role}`,
  /** The user whose request created the VM (on VMs). */
  requester: 'shepherd.requester',
} as const;
