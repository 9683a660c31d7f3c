import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { TestApiProvider } from '@backstage/test-utils';
import {
  ShepherdCapabilities,
  shepherdAuditReadPermission,
  shepherdClusterReadPermission,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aHealthReport,
  aPage,
  aTicket,
  aVm,
} from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import {
  ADMIN_TITLE,
  APPROVALS_TITLE,
  AUDIT_TITLE,
  MY_REQUESTS_TITLE,
  OVERVIEW_TITLE,
  REQUEST_VM_TITLE,
  SHEPHERD_TITLE,
  SYSTEMS_TITLE,
  VMS_TITLE,
} from '../../labels';
import { SHEPHERD_PAGES } from '../../pages';
import { ADMIN_PERMISSIONS } from '../admin/adminSections';
import { WHERE_TO_GO_TITLE } from '../overview/OverviewPage';
import { pageNotAllowedTitle } from './PageGate';
import { ShepherdPage } from './ShepherdPage';

const API = {
  getHealth: async () => aHealthReport(),
  listVms: async () => aPage([aVm()]),
  listTickets: async () => aPage([aTicket()]),
  listSystems: async () => aPage([]),
  listServices: async () => aPage([]),
  listCatalogNamespaces: async () => aPage([]),
  listClusters: async () => aPage([]),
  listAdminNamespaces: async () => aPage([]),
  listTemplates: async () => aPage([]),
  listInstanceSizes: async () => aPage([]),
};

/** Pages load lazily; on a busy machine their first render takes longer than findBy's 1 s. */
const LAZY_PAGE = { timeout: 10_000 };

describe('ShepherdPage (legacy frontend system)', () => {
  it('opens on the overview with a tab per registered page', async () => {
    await renderShepherd(<ShepherdPage />, {
      api: API,
      path: '/shepherd/*',
      route: '/shepherd',
    });

    expect(screen.getByText(SHEPHERD_TITLE)).toBeInTheDocument();
    const tabs = within(screen.getByRole('tablist'));
    expect(tabs.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      OVERVIEW_TITLE,
      ...SHEPHERD_PAGES.map(page => page.title),
    ]);
    expect(
      await screen.findByText('Backend health', undefined, LAZY_PAGE),
    ).toBeInTheDocument();
  });

  it('shows each page at its route and moves between them with the tabs', async () => {
    await renderShepherd(<ShepherdPage />, {
      api: API,
      path: '/shepherd/*',
      route: '/shepherd/vms',
    });
    expect(
      await screen.findByRole(
        'link',
        { name: 'dev-payments-api-01' },
        LAZY_PAGE,
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'My requests' }));

    expect(
      await screen.findByRole(
        'link',
        { name: 'New VM for payments/api in dev' },
        LAZY_PAGE,
      ),
    ).toBeInTheDocument();
  });

  /** The titles of the visible tabs. */
  const tabTitles = () =>
    within(screen.getByRole('tablist'))
      .getAllByRole('tab')
      .map(tab => tab.textContent);

  /** Pages every signed-in user may open: they list only what the user may see. */
  const OPEN_TO_ALL = [
    OVERVIEW_TITLE,
    VMS_TITLE,
    REQUEST_VM_TITLE,
    MY_REQUESTS_TITLE,
    SYSTEMS_TITLE,
  ];

  it('shows a user without Shepherd roles no tab of approvers, auditors or administrators', async () => {
    await renderShepherd(<ShepherdPage />, {
      api: API,
      permissions: { allowOnly: [] },
      path: '/shepherd/*',
      route: '/shepherd',
    });

    expect(
      await screen.findByText(WHERE_TO_GO_TITLE, undefined, LAZY_PAGE),
    ).toBeInTheDocument();
    expect(tabTitles()).toEqual(OPEN_TO_ALL);
  });

  it('shows the tabs of the roles the user holds', async () => {
    await renderShepherd(<ShepherdPage />, {
      api: API,
      // An approver: decides requests and reads the cluster registry, not the audit log.
      permissions: {
        allowOnly: [
          shepherdClusterReadPermission,
          shepherdTicketApprovePermission,
        ],
      },
      path: '/shepherd/*',
      route: '/shepherd',
    });

    expect(
      await screen.findByRole('tab', { name: APPROVALS_TITLE }),
    ).toBeInTheDocument();
    expect(tabTitles()).toEqual([
      ...OPEN_TO_ALL.slice(0, 4),
      APPROVALS_TITLE,
      SYSTEMS_TITLE,
      ADMIN_TITLE,
    ]);
    expect(
      screen.queryByRole('tab', { name: AUDIT_TITLE }),
    ).not.toBeInTheDocument();
  });

  /** GET /v1/capabilities for a user who may or may not decide requests, and request no VM. */
  const capabilities = (decideRequests: boolean) => async () => ({
    decideRequests,
    requestVms: [],
    totalItems: 0,
    offset: 0,
    limit: 1,
  });

  it('opens the approvals to whom the backend lets decide requests', async () => {
    const { api } = await renderShepherd(<ShepherdPage />, {
      api: {
        ...API,
        getCapabilities: capabilities(true),
        listApprovalTasks: async () => aPage([]),
      },
      // Deciding is a permission on each ticket: the browser cannot ask it of none.
      permissions: { allowOnly: [] },
      path: '/shepherd/*',
      route: '/shepherd',
    });

    expect(
      await screen.findByRole('tab', { name: APPROVALS_TITLE }),
    ).toBeInTheDocument();
    expect(tabTitles()).toEqual([
      ...OPEN_TO_ALL.slice(0, 4),
      APPROVALS_TITLE,
      SYSTEMS_TITLE,
    ]);
    // Tabs need no System: one small page of the answer.
    expect(api.getCapabilities).toHaveBeenCalledWith({ limit: 1 });
  });

  it('keeps the approvals closed to cluster readers who may decide no request', async () => {
    const { api } = await renderShepherd(<ShepherdPage />, {
      api: { ...API, getCapabilities: capabilities(false) },
      permissions: { allowOnly: [shepherdClusterReadPermission] },
      path: '/shepherd/*',
      route: '/shepherd',
    });

    expect(
      await screen.findByRole('tab', { name: ADMIN_TITLE }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: APPROVALS_TITLE }),
    ).not.toBeInTheDocument();
    // Who decides no request is not asked how many wait.
    expect(api.listApprovalTasks).not.toHaveBeenCalled();
  });

  it('keeps the approvals closed when the backend cannot say', async () => {
    await renderShepherd(<ShepherdPage />, {
      api: {
        ...API,
        getCapabilities: async () => {
          throw new Error('Backend unreachable');
        },
      },
      path: '/shepherd/*',
      route: '/shepherd/approvals',
    });

    expect(
      await screen.findByText(
        pageNotAllowedTitle(
          SHEPHERD_PAGES.find(page => page.id === 'approvals')!,
        ),
        { exact: false },
        LAZY_PAGE,
      ),
    ).toBeInTheDocument();
  });

  it('counts the requests waiting for an approver on the Approvals tab', async () => {
    await renderShepherd(<ShepherdPage />, {
      api: {
        ...API,
        listApprovalTasks: async () =>
          aPage([{ ticket: aTicket(), ageDays: 0 }], {
            totalItems: 2,
            limit: 1,
          }),
      },
      permissions: { allowOnly: [shepherdTicketApprovePermission] },
      path: '/shepherd/*',
      route: '/shepherd',
    });

    expect(
      await screen.findByRole('tab', { name: `${APPROVALS_TITLE} (2)` }),
    ).toBeInTheDocument();
  });

  it('explains a page the user may not use when a link leads there', async () => {
    const admin = SHEPHERD_PAGES.find(page => page.id === 'admin')!;
    await renderShepherd(<ShepherdPage />, {
      api: API,
      permissions: { deny: [...ADMIN_PERMISSIONS] },
      path: '/shepherd/*',
      route: '/shepherd/admin/clusters',
    });

    expect(
      await screen.findByText(
        pageNotAllowedTitle(admin),
        { exact: false },
        LAZY_PAGE,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/shepherd\.cluster\.read, shepherd\.cluster\.manage/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: ADMIN_TITLE }),
    ).not.toBeInTheDocument();
    // Not the overview in its place.
    expect(screen.queryByText(WHERE_TO_GO_TITLE)).not.toBeInTheDocument();
  });

  it('tells a user who decides no requests that the approval queue is for approvers', async () => {
    const approvals = SHEPHERD_PAGES.find(page => page.id === 'approvals')!;
    await renderShepherd(<ShepherdPage />, {
      api: API,
      permissions: { allowOnly: [] },
      path: '/shepherd/*',
      route: '/shepherd/approvals',
    });

    expect(
      await screen.findByText(
        pageNotAllowedTitle(approvals),
        { exact: false },
        LAZY_PAGE,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/shepherd\.ticket\.approve/)).toBeInTheDocument();
  });

  it('adds the tabs of permissions and capabilities once they are granted, and never shows them before', async () => {
    const answers: Array<() => void> = [];
    const slowPermissionApi: PermissionApi = {
      authorize: (request: EvaluatePermissionRequest) =>
        new Promise(resolve =>
          answers.push(() =>
            resolve({
              result:
                request.permission.name === shepherdAuditReadPermission.name
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            }),
          ),
        ),
    };
    const slowCapabilities = () =>
      new Promise<ShepherdCapabilities>(resolve =>
        answers.push(() =>
          resolve({
            decideRequests: true,
            requestVms: [],
            totalItems: 0,
            offset: 0,
            limit: 1,
          }),
        ),
      );
    await renderShepherd(
      <TestApiProvider apis={[[permissionApiRef, slowPermissionApi]]}>
        <ShepherdPage />
      </TestApiProvider>,
      {
        api: { ...API, getCapabilities: slowCapabilities },
        path: '/shepherd/*',
        route: '/shepherd',
      },
    );

    expect(tabTitles()).toEqual(OPEN_TO_ALL);
    await act(async () => answers.forEach(answer => answer()));

    expect(
      await screen.findByRole('tab', { name: AUDIT_TITLE }),
    ).toBeInTheDocument();
    expect(tabTitles()).toEqual([
      ...OPEN_TO_ALL.slice(0, 4),
      APPROVALS_TITLE,
      SYSTEMS_TITLE,
      AUDIT_TITLE,
    ]);
  });
});
