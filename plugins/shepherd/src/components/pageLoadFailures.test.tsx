import { screen } from '@testing-library/react';
import { ReactElement } from 'react';
import { aHealthReport, aPage } from '../__testUtils__/fixtures';
import { Refusal, refusing } from '../__testUtils__/refusing';
import { READY_PLATFORM } from '../__testUtils__/scenarios';
import { renderShepherd } from '../__testUtils__/renderShepherd';
import { ShepherdApi } from '../api/ShepherdApi';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { AuditPage } from './audit/AuditPage';
import { OverviewPage } from './overview/OverviewPage';
import { MyRequestsPage } from './requests/MyRequestsPage';
import { SystemsPage } from './systems/SystemsPage';
import { VmsPage } from './vms/VmsPage';

/*
 * Every page says why what it shows could not be loaded: the page's own heading for the
 * failure, the backend's message and its code; a record's page keeps a way on (back to its
 * list, or to where the record now is).
 */

type LoadFailure = {
  page: string;
  element: ReactElement;
  /** The route pattern the page is mounted at, if it reads params. */
  path?: string;
  route?: string;
  /** The API as the page finds it: the load that fails, and what else the page asks for. */
  api: (refusal: () => Promise<never>) => Partial<ShepherdApi>;
  refusal: Refusal;
  title: string;
  /** What else the page says about the failure. */
  shows?: RegExp[];
};

/** The overview of a platform that is ready for requests, but for the load that fails. */
const OVERVIEW: Partial<ShepherdApi> = {
  getHealth: async () => aHealthReport(),
  ...READY_PLATFORM,
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
  {
    page: 'the audit log',
    element: <AuditPage />,
    path: '/shepherd/audit/*',
    route: '/shepherd/audit',
    api: refusal => ({ listAuditLogs: refusal }),
    refusal: {
      message: 'You may not read the audit log',
      code: 'PERMISSION_DENIED',
      status: 403,
    },
    title: 'Could not load the audit log',
    shows: [/HTTP 403/],
  },
  {
    page: "the overview's summary",
    element: <OverviewPage />,
    api: refusal => ({
      ...OVERVIEW,
      listVms: refusal,
      listTickets: async () => aPage([]),
    }),
    refusal: {
      message: 'Missing credentials',
      code: 'UNAUTHENTICATED',
      status: 401,
    },
    title: 'Could not load your VMs and requests',
  },
  {
    page: "the overview's platform set-up",
    element: <OverviewPage />,
    api: refusal => ({
      ...OVERVIEW,
      listClusters: refusal,
      listVms: async () => aPage([]),
      listTickets: async () => aPage([]),
    }),
    refusal: {
      message: 'The cluster store is unavailable',
      code: 'PERMISSION_DENIED',
      status: 403,
    },
    title: "Could not check the platform's catalogs",
  },
];

/** Record pages, with the link they offer instead of the record. */
const RECORD_PAGES: Array<LoadFailure & { link: [string, string] }> = [
  {
    page: 'a VM',
    element: <VmsPage />,
    path: '/shepherd/vms/*',
    route: '/shepherd/vms/vm-1',
    api: refusal => ({
      getVm: refusal,
      listTickets: async () => aPage([]),
      getVmConsoleAccess: async () => ({}),
      getVmHistory: async () => aPage([]),
    }),
    refusal: {
      message: 'VM vm-1 was not found',
      code: 'NOT_FOUND',
      status: 404,
    },
    title: 'Could not load the VM',
    link: ['All VMs', '/shepherd/vms'],
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
    link: ['All Systems', '/shepherd/systems'],
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
    link: ['Audit log', '/shepherd/audit'],
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
    link: ['All my requests', '/shepherd/requests'],
  },
  {
    page: 'a request waiting for a decision',
    element: <ApprovalsPage />,
    path: '/shepherd/approvals/*',
    route: '/shepherd/approvals/ticket-create',
    api: refusal => ({ previewApproval: refusal }),
    refusal: {
      message: 'Only pending tickets can be decided; this one is APPROVED',
      code: 'TICKET_NOT_PENDING',
      status: 409,
    },
    title: 'Could not load the request',
    // Decided meanwhile: the request's own page tells how it ended.
    link: ['See how the request ended', '/shepherd/requests/ticket-create'],
  },
];

/**
 * Renders the page with its load refused; resolves once the page says so, and checks that
 * it shows the backend's message, its code and what else it says about the failure.
 */
async function renderFailing(failure: LoadFailure) {
  await renderShepherd(failure.element, {
    api: failure.api(refusing(failure.refusal)),
    path: failure.path,
    route: failure.route,
  });
  const title = await screen.findByText(failure.title);
  return [
    title,
    screen.getByText(failure.refusal.message),
    screen.getByText(failure.refusal.code!),
    ...(failure.shows ?? []).map(text => screen.getByText(text)),
  ];
}

describe('pages whose load fails', () => {
  it.each(LIST_PAGES)(
    '$page says why it could not be loaded, with the error code',
    async failure => {
      for (const shown of await renderFailing(failure)) {
        expect(shown).toBeInTheDocument();
      }
    },
  );

  it.each(RECORD_PAGES)(
    '$page says why it could not be loaded, with the error code, and where to go',
    async failure => {
      for (const shown of await renderFailing(failure)) {
        expect(shown).toBeInTheDocument();
      }
      const [name, href] = failure.link;
      expect(screen.getByRole('link', { name })).toHaveAttribute('href', href);
    },
  );
});
