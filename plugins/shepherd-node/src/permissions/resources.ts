import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  Environment,
  MemberRole,
  SHEPHERD_PLUGIN_ID,
  SHEPHERD_RESOURCE_TYPES,
  TicketOperation,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** A member binding of a System, as permission rules see it. @public */
export interface ShepherdMemberBinding {
  memberRef: string;
  role: MemberRole;
}

/** A System as permission rules see it. @public */
export interface ShepherdSystemResource {
  id: string;
  name: string;
  members: ShepherdMemberBinding[];
}

/** A Service as permission rules see it; members are those of its System. @public */
export interface ShepherdServiceResource {
  id: string;
  systemId: string;
  members: ShepherdMemberBinding[];
}

/**
 * A VM as permission rules see it, also a VM that is only being requested (for
 * `shepherd.vm.create`): members are those of its System, `createdBy` is the requester. The
 * VM to be is known by its System and its namespace's environment alone, so that one decision
 * answers both a request and which Systems and environments a user may request VMs in.
 *
 * @public
 */
export interface ShepherdVmResource {
  /** Absent for a VM that is only being requested. */
  id?: string;
  systemId: string;
  /** Absent for a VM that is only being requested. */
  serviceId?: string;
  environment: Environment;
  createdBy: string;
  members: ShepherdMemberBinding[];
}

/** A ticket as permission rules see it. @public */
export interface ShepherdTicketResource {
  id: string;
  systemId: string;
  environment: Environment;
  requester: string;
  status: TicketStatus;
  operation: TicketOperation;
  members: ShepherdMemberBinding[];
}

/** A namespace of the registry as permission rules see it. @public */
export interface ShepherdNamespaceResource {
  id: string;
  name: string;
  environment: Environment;
}

/**
 * The database filter a permission rule translates to. The store turns a criteria tree of
 * these into SQL for the table being listed. Claims arrive in their normal form (see
 * `normalizeEntityRef`), so the store compares them with refs in that form.
 *
 * @public
 */
export type ShepherdPermissionFilter =
  | { kind: 'member'; claims: string[]; roles?: MemberRole[] }
  | { kind: 'environment'; environments: Environment[] }
  | { kind: 'requester'; claims: string[] }
  | { kind: 'ticketStatus'; statuses: TicketStatus[] };

/** @public */
export const shepherdSystemPermissionResourceRef = createPermissionResourceRef<
  ShepherdSystemResource,
  ShepherdPermissionFilter
>().with({
  pluginId: SHEPHERD_PLUGIN_ID,
  resourceType: SHEPHERD_RESOURCE_TYPES.system,
});

/** @public */
export const shepherdServicePermissionResourceRef = createPermissionResourceRef<
  ShepherdServiceResource,
  ShepherdPermissionFilter
>().with({
  pluginId: SHEPHERD_PLUGIN_ID,
  resourceType: SHEPHERD_RESOURCE_TYPES.service,
});

/** @public */
export const shepherdVmPermissionResourceRef = createPermissionResourceRef<
  ShepherdVmResource,
  ShepherdPermissionFilter
>().with({
  pluginId: SHEPHERD_PLUGIN_ID,
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** @public */
export const shepherdTicketPermissionResourceRef = createPermissionResourceRef<
  ShepherdTicketResource,
  ShepherdPermissionFilter
>().with({
  pluginId: SHEPHERD_PLUGIN_ID,
  resourceType: SHEPHERD_RESOURCE_TYPES.ticket,
});

/** @public */
export const shepherdNamespacePermissionResourceRef =
  createPermissionResourceRef<
    ShepherdNamespaceResource,
    ShepherdPermissionFilter
  >().with({
    pluginId: SHEPHERD_PLUGIN_ID,
    resourceType: SHEPHERD_RESOURCE_TYPES.namespace,
  });
