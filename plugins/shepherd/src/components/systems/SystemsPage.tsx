import { Route, Routes } from 'react-router-dom';
import { SystemDetailPage } from './SystemDetailPage';
import { SystemListPage } from './SystemListPage';

/** The Systems & Services page: the index, and one System at `:systemId` (systemDetailRouteRef). */
export function SystemsPage() {
  return (
    <Routes>
      <Route index element={<SystemListPage />} />
      <Route path=":systemId" element={<SystemDetailPage />} />
    </Routes>
  );
}
