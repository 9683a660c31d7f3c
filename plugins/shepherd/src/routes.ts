import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/*
 * Routes of the Shepherd page. The root is where the app mounts the page (/shepherd in the
 * demo portal); every other route is a sub-route of it, so the same refs resolve in apps on
 * the legacy and on the new frontend system. A page's route is registered together with its
 * page in src/pages.tsx.
 */

/** The Shepherd page; its index is the overview. */
export const rootRouteRef = createRouteRef({
  id: 'shepherd',
});

/** The list of VMs. */
export const vmsRouteRef = createSubRouteRef({
  id: 'shepherd/vms',
  parent: rootRouteRef,
  path: '/vms',
});

/** One VM. */
export const vmDetailRouteRef = createSubRouteRef({
  id: 'shepherd/vm',
  parent: rootRouteRef,
  path: '/vms/:vmId',
});

/** One VM's VNC console. */
export const vmConsoleRouteRef = createSubRouteRef({
  id: 'shepherd/vm-console',
  parent: rootRouteRef,
  path: '/vms/:vmId/console',
});

/** The caller's requests (tickets). */
export const myRequestsRouteRef = createSubRouteRef({
  id: 'shepherd/requests',
  parent: rootRouteRef,
  path: '/requests',
});

/** One request (ticket). */
export const requestDetailRouteRef = createSubRouteRef({
  id: 'shepherd/request',
  parent: rootRouteRef,
  path: '/requests/:ticketId',
});

/** Systems and their Services (the index), and one System at `:systemId`. */
export const systemsRouteRef = createSubRouteRef({
  id: 'shepherd/systems',
  parent: rootRouteRef,
  path: '/systems',
});

/** One System: its Services, members and description. */
export const systemDetailRouteRef = createSubRouteRef({
  id: 'shepherd/system',
  parent: rootRouteRef,
  path: '/systems/:systemId',
});

/** The audit log. */
export const auditRouteRef = createSubRouteRef({
  id: 'shepherd/audit',
  parent: rootRouteRef,
  path: '/audit',
});

/** One audit entry. */
export const auditEntryRouteRef = createSubRouteRef({
  id: 'shepherd/audit-entry',
  parent: rootRouteRef,
  path: '/audit/:auditLogId',
});

/** The admin catalogs: clusters, namespaces, templates and instance sizes. */
export const adminRouteRef = createSubRouteRef({
  id: 'shepherd/admin',
  parent: rootRouteRef,
  path: '/admin',
});

/** One section of the admin catalogs: `clusters`, `namespaces`, `templates`, `instance-sizes`. */
export const adminSectionRouteRef = createSubRouteRef({
  id: 'shepherd/admin-section',
  parent: rootRouteRef,
  path: '/admin/:section',
});

/**
 * The wizard that requests a new VM. It starts from `?serviceId=` or `?systemId=` (record
 * ids), or `?service=` / `?system=` (catalog entity refs), e.g. from an entity page.
 */
export const requestVmRouteRef = createSubRouteRef({
  id: 'shepherd/request-vm',
  parent: rootRouteRef,
  path: '/request-vm',
});

/** The approval workbench: the requests waiting for a decision. */
export const approvalsRouteRef = createSubRouteRef({
  id: 'shepherd/approvals',
  parent: rootRouteRef,
  path: '/approvals',
});

/** One request waiting for a decision, in the approval workbench. */
export const approvalTaskRouteRef = createSubRouteRef({
  id: 'shepherd/approval-task',
  parent: rootRouteRef,
  path: '/approvals/:ticketId',
});
