import { Route, Routes } from 'react-router-dom';
import { ApprovalQueuePage } from './ApprovalQueuePage';
import { ApprovalTaskPage } from './ApprovalTaskPage';

/**
 * The approval workbench: the queue of requests waiting for a decision, and one request at
 * `:ticketId` (approvalTaskRouteRef).
 */
export function ApprovalsPage() {
  return (
    <Routes>
      <Route index element={<ApprovalQueuePage />} />
      <Route path=":ticketId" element={<ApprovalTaskPage />} />
    </Routes>
  );
}
