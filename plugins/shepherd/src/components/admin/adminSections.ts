import { Permission } from '@backstage/plugin-permission-common';
import {
  shepherdCatalogManagePermission,
  shepherdClusterManagePermission,
  shepherdClusterReadPermission,
  shepherdReconcileReadPermission,
  shepherdVmAdoptPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** The sections of the admin page, in tab order; `id` is the section's path. */
export type AdminSectionId =
  | 'clusters'
  | 'namespaces'
  | 'templates'
  | 'instance-sizes'
  | 'reconciler'
  | 'adoption';

export type AdminSection = {
  id: AdminSectionId;
  title: string;
  /** The permission the backend checks to list the section's records. */
  permission: Permission;
};

export const ADMIN_SECTIONS: ReadonlyArray<AdminSection> = [
  {
    id: 'clusters',
    title: 'Clusters',
    permission: shepherdClusterReadPermission,
  },
  {
    id: 'namespaces',
    title: 'Namespaces',
    permission: shepherdCatalogManagePermission,
  },
  {
    id: 'templates',
    title: 'Templates',
    permission: shepherdCatalogManagePermission,
  },
  {
    id: 'instance-sizes',
    title: 'Instance sizes',
    permission: shepherdCatalogManagePermission,
  },
  {
    id: 'reconciler',
    title: 'Reconciler',
    permission: shepherdReconcileReadPermission,
  },
  {
    id: 'adoption',
    title: 'Adoption',
    permission: shepherdVmAdoptPermission,
  },
];

/** Any of these opens the admin page; each section then asks for its own. */
export const ADMIN_PERMISSIONS: ReadonlyArray<Permission> = [
  shepherdClusterReadPermission,
  shepherdClusterManagePermission,
  shepherdCatalogManagePermission,
  shepherdReconcileReadPermission,
  shepherdVmAdoptPermission,
];
