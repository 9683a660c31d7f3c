import { Route, Routes } from 'react-router-dom';
import { VmConsolePage } from '../console';
import { VmDetailPage } from './VmDetailPage';
import { VmListPage } from './VmListPage';

/**
 * The VMs page: the list, one VM at `:vmId` (vmDetailRouteRef) and its console at
 * `:vmId/console` (vmConsoleRouteRef).
 */
export function VmsPage() {
  return (
    <Routes>
      <Route index element={<VmListPage />} />
      <Route path=":vmId" element={<VmDetailPage />} />
      <Route path=":vmId/console" element={<VmConsolePage />} />
    </Routes>
  );
}
