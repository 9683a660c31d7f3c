import {
  shepherdCatalogManagePermission,
  shepherdClusterManagePermission,
  shepherdClusterReadPermission,
  shepherdReconcileReadPermission,
  shepherdVmAdoptPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { useShepherdPermission } from '../common';
import { ADMIN_SECTIONS, AdminSection } from './adminSections';

export type AdminAccess = {
  loading: boolean;
  /** The sections the user may open. */
  sections: ReadonlyArray<AdminSection>;
  /** Whether the user may open the admin page at all. */
  any: boolean;
};

/**
 * What of the admin page the user may see, from the permissions of shepherd-common. The
 * backend checks every request again; this only spares users tabs that would answer 403.
 */
export function useAdminAccess(): AdminAccess {
  const clusterRead = useShepherdPermission(shepherdClusterReadPermission);
  const clusterManage = useShepherdPermission(shepherdClusterManagePermission);
  const catalogManage = useShepherdPermission(shepherdCatalogManagePermission);
  const reconcileRead = useShepherdPermission(shepherdReconcileReadPermission);
  const vmAdopt = useShepherdPermission(shepherdVmAdoptPermission);
  const decisions = [
    clusterRead,
    clusterManage,
    catalogManage,
    reconcileRead,
    vmAdopt,
  ];
  const allowedNames = new Set(
    [
      [shepherdClusterReadPermission.name, clusterRead.allowed],
      [shepherdCatalogManagePermission.name, catalogManage.allowed],
      [shepherdReconcileReadPermission.name, reconcileRead.allowed],
      [shepherdVmAdoptPermission.name, vmAdopt.allowed],
    ]
      .filter(([, allowed]) => allowed)
      .map(([name]) => name),
  );
  const sections = ADMIN_SECTIONS.filter(section =>
    allowedNames.has(section.permission.name),
  );
  return {
    loading: decisions.some(decision => decision.loading),
    sections,
    any: decisions.some(decision => decision.allowed),
  };
}
