import { screen } from '@testing-library/react';
import { ReactElement } from 'react';
import { aPage } from '../__testUtils__/fixtures';
import { Refusal, refusing } from '../__testUtils__/refusing';
import { renderShepherd } from '../__testUtils__/renderShepherd';
import { ShepherdApi } from '../api/ShepherdApi';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { AuditPage } from './audit/AuditPage';
import { MyRequestsPage } from './requests/MyRequestsPage';
import { SystemsPage } from './systems/SystemsPage';
import { VmsPage } from './vms/VmsPage';

/*
 * Every page says why what it shows could not be loaded: the page's own heading for the
 * failure, the backend's message and its code; a record's page keeps the way back to its list.
 */

type LoadFailure = {
  page: string;
  element: ReactElement;
  /** The route pattern the page is mounted at. */
  path: string;
  route: string;
  /** The API as the page finds it: the load that fails, and what else the page asks for. */
  api: (refusal: () => Promise<never>) => Partial<ShepherdApi>;
  refusal: Refusal;
  title: string;
};

const LIST_PAGES: LoadFailure[] = [
  {
    page: 'the VM list',
    element: <VmsPage />,
    path: '/shepherd/vms/*',
    route: '/shepherd/vms',
    api: refusal => ({
      listVms: refusal,
      listSystems: async () => aPage([]),
      listServices: async () => aPage([]),
      listCatalogNamespaces: async () => aPage([]),
      listClusters: async () => aPage([]),
    }),
    refusal: {
      message: "status: 'DONE' is not a VM status",
      code: 'VALIDATION_FAILED',
      status: 400,
    },
    title: 'Could not load the VMs',
  },
  {
    page: 'the System index',
    element: <SystemsPage />,
    path: '/shepherd/systems/*',
    route: '/shepherd/systems',
    api: refusal => ({ listSystems: refusal }),
    refusal: {
      message: 'limit must be at most 100',
      code: 'VALIDATION_FAILED',
      status: 400,
    },
    title: 'Could not load the Systems',
  },
  {
    page: 'the approval queue',
    element: <ApprovalsPage />,
    path: '/shepherd/approvals/*',
    route: '/shepherd/approvals',
    api: refusal => ({ listApprovalTasks: refusal }),
    refusal: {
      message: 'You may not decide requests',
      code: 'PERMISSION_DENIED',
      status: 403,
    },
    title: 'Could not load the requests waiting for a decision',
  },
  {
    page: 'my requests',
    element: <MyRequestsPage />,
    path: '/shepherd/requests/*',
    route: '/shepherd/requests',
    api: refusal => ({ listTickets: refusal }),
    refusal: {
      message: 'Missing credentials',
      code: 'UNAUTHENTICATED',
      status: 401,
    },
    title: 'Could not load your requests',
  },
];

const RECORD_PAGES: Array<LoadFailure & { back: [string, string] }> = [
  {
    page: 'a VM',
    element: <VmsPage />,
    path: '/shepherd/vms/*',
    route: '/shepherd/vms/vm-1',
    api: refusal => ({
      getVm: refusal,
      listTickets: async () => aPage([]),
      getVmConsoleAccess: async () => ({}),
      listAuditLogs: async () => aPage([]),
    }),
    refusal: {
      message: 'VM vm-1 was not found',
      code: 'NOT_FOUND',
      status: 404,
    },
    title: 'Could not load the VM',
    back: ['All VMs', '/shepherd/vms'],
  },
  {
    page: 'a System',
    element: <SystemsPage />,
    path: '/shepherd/systems/*',
    route: '/shepherd/systems/sys-payments',
    api: refusal => ({
      getSystem: refusal,
      listServices: async () => aPage([]),
      listSystemMembers: async () => ({ items: [] }),
      listVms: async () => aPage([]),
    }),
    refusal: {
      message: 'System was not found',
      code: 'NOT_FOUND',
      status: 404,
    },
    title: 'Could not load the System',
    back: ['All Systems', '/shepherd/systems'],
  },
  {
    page: 'an audit entry',
    element: <AuditPage />,
    path: '/shepherd/audit/*',
    route: '/shepherd/audit/audit-vm',
    api: refusal => ({ getAuditLog: refusal }),
    refusal: {
      message: 'Audit entry was not found',
      code: 'NOT_FOUND',
      status: 404,
    },
    title: 'Could not load the audit entry',
    back: ['Audit log', '/shepherd/audit'],
  },
  {
    page: 'a request',
    element: <MyRequestsPage />,
    path: '/shepherd/requests/*',
    route: '/shepherd/requests/nope',
    api: refusal => ({ getTicket: refusal }),
    refusal: {
      message: 'Ticket nope was not found',
      code: 'NOT_FOUND',
      status: 404,
    },
    title: 'Could not load the request',
    back: ['All my requests', '/shepherd/requests'],
  },
];

/** Renders the page with its load refused; resolves once the page says so. */
async function renderFailing(failure: LoadFailure) {
  await renderShepherd(failure.element, {
    api: failure.api(refusing(failure.refusal)),
    path: failure.path,
    route: failure.route,
  });
  return screen.findByText(failure.title);
}

describe('pages whose load fails', () => {
  it.each(LIST_PAGES)(
    '$page says why it could not be loaded, with the error code',
    async failure => {
      expect(await renderFailing(failure)).toBeInTheDocument();
      expect(screen.getByText(failure.refusal.message)).toBeInTheDocument();
      expect(screen.getByText(failure.refusal.code!)).toBeInTheDocument();
    },
  );

  it.each(RECORD_PAGES)(
    '$page says why it could not be loaded, with the error code, and links back',
    async failure => {
      expect(await renderFailing(failure)).toBeInTheDocument();
      expect(screen.getByText(failure.refusal.message)).toBeInTheDocument();
      expect(screen.getByText(failure.refusal.code!)).toBeInTheDocument();
      const [name, href] = failure.back;
      expect(screen.getByRole('link', { name })).toHaveAttribute('href', href);
    },
  );
});
