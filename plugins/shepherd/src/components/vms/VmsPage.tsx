import { Route, Routes } from 'react-router-dom';
import { VmDetailPage } from './VmDetailPage';
import { VmListPage } from './VmListPage';

/** The VMs page: the list, and one VM at `:vmId` (vmDetailRouteRef). */
export function VmsPage() {
  return (
    <Routes>
      <Route index element={<VmListPage />} />
      <Route path=":vmId" element={<VmDetailPage />} />
    </Routes>
  );
}
