import { EmptyState, Progress } from '@backstage/core-components';
import { shepherdAuditReadPermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Route, Routes } from 'react-router-dom';
import { useShepherdPermission } from '../common';
import { AuditEntryPage } from './AuditEntryPage';
import { AuditListPage } from './AuditListPage';

/** What a user without the audit permission reads. */
export const AUDIT_DENIED_TITLE = 'You may not read the audit log';

/**
 * The Audit log page: the list, and one entry at `:auditLogId` (auditEntryRouteRef). Reading
 * it needs shepherd.audit.read; without it the page says so instead of asking the backend,
 * which would answer 403 PERMISSION_DENIED.
 */
export function AuditPage() {
  const { allowed, loading } = useShepherdPermission(
    shepherdAuditReadPermission,
  );
  if (loading) {
    return <Progress />;
  }
  if (!allowed) {
    return (
      <EmptyState
        missing="info"
        title={AUDIT_DENIED_TITLE}
        description={`The audit trail spans every System and cluster, so reading it takes the ${shepherdAuditReadPermission.name} permission, which the portal's permission policy does not give you. Ask your platform team if you need it.`}
      />
    );
  }
  return (
    <Routes>
      <Route index element={<AuditListPage />} />
      <Route path=":auditLogId" element={<AuditEntryPage />} />
    </Routes>
  );
}
