import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  SHEPHERD_RESOURCE_TYPES,
  shepherdPermissions,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  shepherdNamespacePermissionResourceRef,
  shepherdPermissionRules,
  shepherdServicePermissionResourceRef,
  shepherdSystemPermissionResourceRef,
  shepherdTicketPermissionResourceRef,
  shepherdVmPermissionResourceRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ShepherdStore } from '../database/ShepherdStore';
import { ResourceLoader } from './ResourceLoader';

function permissionsOf(resourceType: string) {
  return shepherdPermissions.filter(
    permission =>
      isResourcePermission(permission) &&
      permission.resourceType === resourceType,
  );
}

/** Loads records by id, keeping the order of `ids` and undefined for unknown ids. */
async function loadAligned<TRecord extends { id: string }, TResource>(
  ids: string[],
  get: (id: string) => Promise<TRecord | undefined>,
  toResources: (records: TRecord[]) => Promise<TResource[]> | TResource[],
): Promise<Array<TResource | undefined>> {
  const records: Array<TRecord | undefined> = await Promise.all(
    ids.map(id => get(id)),
  );
  const found = records.filter((r): r is TRecord => r !== undefined);
  const resources = await toResources(found);
  const byId = new Map(found.map((record, i) => [record.id, resources[i]]));
  return ids.map(id => byId.get(id));
}

/**
 * Registers Shepherd's permissions, resource types and rules, so that policies can use them,
 * RBAC admin UIs list them, and the permission backend can evaluate conditional decisions
 * on Shepherd resources (for `usePermission` with a resource ref).
 */
export function registerShepherdPermissions(
  registry: PermissionsRegistryService,
  store: ShepherdStore,
  loader: ResourceLoader,
) {
  registry.addPermissions(
    shepherdPermissions.filter(permission => !isResourcePermission(permission)),
  );
  registry.addResourceType({
    resourceRef: shepherdSystemPermissionResourceRef,
    permissions: permissionsOf(SHEPHERD_RESOURCE_TYPES.system),
    rules: Object.values(shepherdPermissionRules.system),
    getResources: ids =>
      loadAligned(
        ids,
        id => store.systems.get(id),
        r => loader.systems(r),
      ),
  });
  registry.addResourceType({
    resourceRef: shepherdServicePermissionResourceRef,
    permissions: permissionsOf(SHEPHERD_RESOURCE_TYPES.service),
    rules: Object.values(shepherdPermissionRules.service),
    getResources: ids =>
      loadAligned(
        ids,
        id => store.services.get(id),
        r => loader.services(r),
      ),
  });
  registry.addResourceType({
    resourceRef: shepherdVmPermissionResourceRef,
    permissions: permissionsOf(SHEPHERD_RESOURCE_TYPES.vm),
    rules: Object.values(shepherdPermissionRules.vm),
    getResources: ids =>
      loadAligned(
        ids,
        id => store.vms.get(id),
        r => loader.vms(r),
      ),
  });
  registry.addResourceType({
    resourceRef: shepherdTicketPermissionResourceRef,
    permissions: permissionsOf(SHEPHERD_RESOURCE_TYPES.ticket),
    rules: Object.values(shepherdPermissionRules.ticket),
    getResources: ids =>
      loadAligned(
        ids,
        id => store.tickets.get(id),
        r => loader.tickets(r),
      ),
  });
  registry.addResourceType({
    resourceRef: shepherdNamespacePermissionResourceRef,
    permissions: permissionsOf(SHEPHERD_RESOURCE_TYPES.namespace),
    rules: Object.values(shepherdPermissionRules.namespace),
    getResources: ids =>
      loadAligned(
        ids,
        id => store.namespaces.get(id),
        r => loader.namespaces(r),
      ),
  });
}
