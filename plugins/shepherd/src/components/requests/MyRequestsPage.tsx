import { Route, Routes } from 'react-router-dom';
import { RequestDetailPage } from './RequestDetailPage';
import { RequestListPage } from './RequestListPage';

/** The My requests page: the list, and one request at `:ticketId` (requestDetailRouteRef). */
export function MyRequestsPage() {
  return (
    <Routes>
      <Route index element={<RequestListPage />} />
      <Route path=":ticketId" element={<RequestDetailPage />} />
    </Routes>
  );
}
