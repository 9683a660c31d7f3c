import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource types of the Shepherd permissions. Policies use them with `isResourcePermission`.
 *
 * @public
 */
export const SHEPHERD_RESOURCE_TYPES = {
  system: 'shepherd-system',
  service: 'shepherd-service',
  vm: 'shepherd-vm',
  ticket: 'shepherd-ticket',
  namespace: 'shepherd-namespace',
} as const;

/** @public */
export const shepherdSystemCreatePermission = createPermission({
  name: 'shepherd.system.create',
  attributes: { action: 'create' },
});

/** @public */
export const shepherdSystemReadPermission = createPermission({
  name: 'shepherd.system.read',
  attributes: { action: 'read' },
  resourceType: SHEPHERD_RESOURCE_TYPES.system,
});

/** @public */
export const shepherdSystemUpdatePermission = createPermission({
  name: 'shepherd.system.update',
  attributes: { action: 'update' },
  resourceType: SHEPHERD_RESOURCE_TYPES.system,
});

/** @public */
export const shepherdSystemDeletePermission = createPermission({
  name: 'shepherd.system.delete',
  attributes: { action: 'delete' },
  resourceType: SHEPHERD_RESOURCE_TYPES.system,
});

/** Adding, changing and removing the members of a System. @public */
export const shepherdSystemMembersManagePermission = createPermission({
  name: 'shepherd.system.members.manage',
  attributes: { action: 'update' },
  resourceType: SHEPHERD_RESOURCE_TYPES.system,
});

/** Creating a Service inside a System; the resource is the parent System. @public */
export const shepherdServiceCreatePermission = createPermission({
  name: 'shepherd.service.create',
  attributes: { action: 'create' },
  resourceType: SHEPHERD_RESOURCE_TYPES.system,
});

/** @public */
export const shepherdServiceReadPermission = createPermission({
  name: 'shepherd.service.read',
  attributes: { action: 'read' },
  resourceType: SHEPHERD_RESOURCE_TYPES.service,
});

/** @public */
export const shepherdServiceUpdatePermission = createPermission({
  name: 'shepherd.service.update',
  attributes: { action: 'update' },
  resourceType: SHEPHERD_RESOURCE_TYPES.service,
});

/** @public */
export const shepherdServiceDeletePermission = createPermission({
  name: 'shepherd.service.delete',
  attributes: { action: 'delete' },
  resourceType: SHEPHERD_RESOURCE_TYPES.service,
});

/**
 * Requesting a new VM. The resource is the VM to be: its System, Service, namespace
 * environment and requester, so policies can combine membership and environment.
 *
 * @public
 */
export const shepherdVmCreatePermission = createPermission({
  name: 'shepherd.vm.create',
  attributes: { action: 'create' },
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** @public */
export const shepherdVmReadPermission = createPermission({
  name: 'shepherd.vm.read',
  attributes: { action: 'read' },
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** Start, stop and restart. @public */
export const shepherdVmPowerPermission = createPermission({
  name: 'shepherd.vm.power',
  attributes: { action: 'update' },
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** Requesting a change of CPU, memory or disk. @public */
export const shepherdVmModifyPermission = createPermission({
  name: 'shepherd.vm.modify',
  attributes: { action: 'update' },
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** Requesting the deletion of a VM. @public */
export const shepherdVmDeletePermission = createPermission({
  name: 'shepherd.vm.delete',
  attributes: { action: 'delete' },
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** Opening the VNC console of a VM (subject to the environment's console policy). @public */
export const shepherdVmConsolePermission = createPermission({
  name: 'shepherd.vm.console',
  attributes: {},
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** Taking over a console session that another user holds. @public */
export const shepherdVmConsoleTakeoverPermission = createPermission({
  name: 'shepherd.vm.console.takeover',
  attributes: {},
  resourceType: SHEPHERD_RESOURCE_TYPES.vm,
});

/** @public */
export const shepherdTicketReadPermission = createPermission({
  name: 'shepherd.ticket.read',
  attributes: { action: 'read' },
  resourceType: SHEPHERD_RESOURCE_TYPES.ticket,
});

/** Approving, modifying-and-approving or rejecting a ticket. @public */
export const shepherdTicketApprovePermission = createPermission({
  name: 'shepherd.ticket.approve',
  attributes: { action: 'update' },
  resourceType: SHEPHERD_RESOURCE_TYPES.ticket,
});

/** Cancelling a pending ticket. @public */
export const shepherdTicketCancelPermission = createPermission({
  name: 'shepherd.ticket.cancel',
  attributes: { action: 'update' },
  resourceType: SHEPHERD_RESOURCE_TYPES.ticket,
});

/** @public */
export const shepherdAuditReadPermission = createPermission({
  name: 'shepherd.audit.read',
  attributes: { action: 'read' },
});

/**
 * Seeing a namespace of the registry, e.g. to request VMs in it. Policies usually grant it
 * per environment.
 *
 * @public
 */
export const shepherdNamespaceReadPermission = createPermission({
  name: 'shepherd.namespace.read',
  attributes: { action: 'read' },
  resourceType: SHEPHERD_RESOURCE_TYPES.namespace,
});

/** Reading the request catalogs: the templates and instance sizes offered to requesters. @public */
export const shepherdCatalogReadPermission = createPermission({
  name: 'shepherd.catalog.read',
  attributes: { action: 'read' },
});

/** Reading the cluster registry (health, versions, capabilities; never credentials). @public */
export const shepherdClusterReadPermission = createPermission({
  name: 'shepherd.cluster.read',
  attributes: { action: 'read' },
});

/** Registering, updating and removing clusters and their credentials. @public */
export const shepherdClusterManagePermission = createPermission({
  name: 'shepherd.cluster.manage',
  attributes: { action: 'update' },
});

/** Managing the admin catalogs: namespaces, templates and instance sizes. @public */
export const shepherdCatalogManagePermission = createPermission({
  name: 'shepherd.catalog.manage',
  attributes: { action: 'update' },
});

/*
 * The reconciler: comparing Shepherd's VM records with what the clusters hold.
 */

/** Reading the reconciler's reports and marks (findings of every cluster). @public */
export const shepherdReconcileReadPermission = createPermission({
  name: 'shepherd.reconcile.read',
  attributes: { action: 'read' },
});

/** Starting a reconciler run on demand, in dry-run or mark mode. @public */
export const shepherdReconcileRunPermission = createPermission({
  name: 'shepherd.reconcile.run',
  attributes: { action: 'update' },
});

/**
 * Adopting VMs found on registered clusters without Shepherd's labels into Services, and
 * rejecting them: seeing the pending adoptions, scanning for them, deciding them. Platform
 * admins only.
 *
 * @public
 */
export const shepherdVmAdoptPermission = createPermission({
  name: 'shepherd.vm.adopt',
  attributes: { action: 'create' },
});

/**
 * Every permission of Shepherd, in the order admin UIs list them.
 *
 * @public
 */
export const shepherdPermissions = [
  shepherdSystemCreatePermission,
  shepherdSystemReadPermission,
  shepherdSystemUpdatePermission,
  shepherdSystemDeletePermission,
  shepherdSystemMembersManagePermission,
  shepherdServiceCreatePermission,
  shepherdServiceReadPermission,
  shepherdServiceUpdatePermission,
  shepherdServiceDeletePermission,
  shepherdVmCreatePermission,
  shepherdVmReadPermission,
  shepherdVmPowerPermission,
  shepherdVmModifyPermission,
  shepherdVmDeletePermission,
  shepherdVmConsolePermission,
  shepherdVmConsoleTakeoverPermission,
  shepherdTicketReadPermission,
  shepherdTicketApprovePermission,
  shepherdTicketCancelPermission,
  shepherdAuditReadPermission,
  shepherdNamespaceReadPermission,
  shepherdCatalogReadPermission,
  shepherdClusterReadPermission,
  shepherdClusterManagePermission,
  shepherdCatalogManagePermission,
  shepherdReconcileReadPermission,
  shepherdReconcileRunPermission,
  shepherdVmAdoptPermission,
];
