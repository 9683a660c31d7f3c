import { shepherdCatalogManagePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, within } from '@testing-library/react';
import {
  aCluster,
  aHealthReport,
  aPage,
  aSystem,
  aTicket,
  aVm,
  anInstanceSize,
} from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { READY_PLATFORM } from '../../__testUtils__/scenarios';
import { ShepherdApi } from '../../api/ShepherdApi';
import { SHEPHERD_PAGES } from '../../pages';
import { APPROVALS_WAITING_TITLE } from '../approvals/approvalsWaiting';
import { GETTING_STARTED_TITLE } from './GettingStartedCard';
import { OverviewPage } from './OverviewPage';
import { PLATFORM_SETUP_TITLE } from './PlatformSetupCard';

function renderOverview(
  stubs: Partial<ShepherdApi>,
  options: Pick<RenderShepherdOptions, 'permissions'> = {},
) {
  return renderShepherd(<OverviewPage />, {
    api: {
      getHealth: async () => aHealthReport(),
      ...READY_PLATFORM,
      ...stubs,
    },
    ...options,
  });
}

describe('Overview', () => {
  it('tells a new user what to do first', async () => {
    await renderOverview({
      listVms: async () => aPage([]),
      listTickets: async () => aPage([]),
    });

    expect(await screen.findByText(GETTING_STARTED_TITLE)).toBeInTheDocument();
    expect(
      screen.getByText(/no virtual machines and no requests/),
    ).toBeInTheDocument();
    const request = within(screen.getByText(/for one of its Services/));
    expect(request.getByRole('link', { name: 'Request a VM' })).toHaveAttribute(
      'href',
      '/shepherd/request-vm',
    );
    const membership = within(
      screen.getByText(/is one of its members|and that you are one/),
    );
    expect(
      membership.getByRole('link', { name: 'Systems & Services' }),
    ).toHaveAttribute('href', '/shepherd/systems');
    const steps = within(screen.getByText(/An approver chooses the cluster/));
    expect(steps.getByRole('link', { name: 'My requests' })).toHaveAttribute(
      'href',
      '/shepherd/requests',
    );
  });

  describe('a new user without a role in Shepherd', () => {
    const NOTHING_YET: Partial<ShepherdApi> = {
      listVms: async () => aPage([]),
      listTickets: async () => aPage([]),
      listSystems: async () => aPage([]),
    };

    it('is told why no VM can be requested yet and whom to ask, not to use buttons it cannot use', async () => {
      await renderOverview(NOTHING_YET, { permissions: { allowOnly: [] } });

      expect(
        await screen.findByText(/you cannot request one yet/),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/Ask the owner of your team's System to add you/),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/your platform team can tell you or give you a role/),
      ).toBeInTheDocument();
      // None of the steps that lead to disabled buttons.
      expect(
        screen.queryByText(/Make sure your team's System is registered/),
      ).not.toBeInTheDocument();
      expect(
        screen.queryByText(/for one of its Services/),
      ).not.toBeInTheDocument();
    });

    it('is shown the owners of the Systems it can see', async () => {
      await renderOverview(
        {
          ...NOTHING_YET,
          listSystems: async () => aPage([aSystem()]),
          listSystemMembers: async systemId => ({
            items: [
              {
                id: 'm-1',
                systemId,
                memberRef: 'group:default/team-payments',
                role: 'owner' as const,
                grantedBy: 'user:default/platform-admin',
                createdAt: '2026-01-01T00:00:00Z',
                updatedAt: '2026-01-01T00:00:00Z',
              },
            ],
          }),
        },
        { permissions: { allowOnly: [] } },
      );

      const owners = within(
        await screen.findByRole('list', { name: 'System owners' }),
      );
      expect(owners.getByText('payments: team-payments')).toBeInTheDocument();
    });

    it('sees only the pages it may use under where to go', async () => {
      await renderOverview(NOTHING_YET, { permissions: { allowOnly: [] } });

      await screen.findByText(/you cannot request one yet/);
      const pages = within(
        screen.getByRole('list', { name: 'Shepherd pages' }),
      );
      expect(pages.getAllByRole('link').map(link => link.textContent)).toEqual(
        SHEPHERD_PAGES.filter(page => !page.access).map(page => page.title),
      );
    });
  });

  describe('platform set-up', () => {
    const NO_USER_DATA: Partial<ShepherdApi> = {
      listVms: async () => aPage([]),
      listTickets: async () => aPage([]),
    };

    it('shows an administrator which catalogs still need an entry, and where to add it', async () => {
      const { api } = await renderOverview({
        ...NO_USER_DATA,
        listClusters: async () => aPage([aCluster()]),
        listAdminNamespaces: async () => aPage([]),
        listTemplates: async () => aPage([]),
        listInstanceSizes: async () => aPage([anInstanceSize()]),
      });

      const steps = within(
        await screen.findByRole('list', { name: PLATFORM_SETUP_TITLE }),
      );
      expect(
        steps
          .getAllByRole('listitem')
          .map(step => [
            within(step).getByRole('link').textContent,
            within(step).getByTitle(/Done|To do/).textContent,
          ]),
      ).toEqual([
        ['Register a cluster', 'Done'],
        ['Register a namespace', 'To do'],
        ['Activate an OS template', 'To do'],
        ['Create an instance size', 'Done'],
      ]);
      expect(
        steps.getByRole('link', { name: 'Register a namespace' }),
      ).toHaveAttribute('href', '/shepherd/admin/namespaces');
      // Only active templates are offered to requesters.
      expect(api.listTemplates).toHaveBeenCalledWith({
        status: 'active',
        limit: 1,
      });
    });

    it('is gone once every catalog has an entry', async () => {
      const { api } = await renderOverview(NO_USER_DATA);

      expect(
        await screen.findByText(GETTING_STARTED_TITLE),
      ).toBeInTheDocument();
      await screen.findByText('Healthy');
      expect(api.listInstanceSizes).toHaveBeenCalled();
      expect(screen.queryByText(PLATFORM_SETUP_TITLE)).not.toBeInTheDocument();
    });

    it('is not shown to users who may not manage the catalogs', async () => {
      const { api } = await renderOverview(NO_USER_DATA, {
        permissions: { deny: [shepherdCatalogManagePermission] },
      });

      expect(
        await screen.findByText(GETTING_STARTED_TITLE),
      ).toBeInTheDocument();
      expect(screen.queryByText(PLATFORM_SETUP_TITLE)).not.toBeInTheDocument();
      expect(api.listClusters).not.toHaveBeenCalled();
      expect(api.listAdminNamespaces).not.toHaveBeenCalled();
    });
  });

  it('sums up the VMs and open requests of a user who has some', async () => {
    const { api } = await renderOverview({
      listVms: async () => aPage([aVm()], { totalItems: 3 }),
      listTickets: async () => aPage([aTicket()], { totalItems: 1 }),
    });

    expect(await screen.findByRole('link', { name: '3 VMs' })).toHaveAttribute(
      'href',
      '/shepherd/vms',
    );
    expect(screen.getByRole('link', { name: '1 request' })).toBeInTheDocument();
    expect(screen.getByText(/of yours is in progress/)).toBeInTheDocument();
    expect(screen.queryByText(GETTING_STARTED_TITLE)).not.toBeInTheDocument();
    expect(api.listTickets).toHaveBeenCalledWith({
      scope: 'mine',
      statusGroup: 'ACTIVE',
      limit: 1,
    });
  });

  describe('for approvers', () => {
    it('tells how many requests wait for their decision, and where', async () => {
      const { api } = await renderOverview({
        listVms: async () => aPage([]),
        listTickets: async () => aPage([]),
        listApprovalTasks: async () =>
          aPage([{ ticket: aTicket(), ageDays: 0 }], {
            totalItems: 3,
            limit: 1,
          }),
      });

      expect(
        await screen.findByText(APPROVALS_WAITING_TITLE),
      ).toBeInTheDocument();
      expect(
        await screen.findByRole('link', { name: '3 requests' }),
      ).toHaveAttribute('href', '/shepherd/approvals');
      expect(screen.getByText(/wait for your decision/)).toBeInTheDocument();
      expect(api.listApprovalTasks).toHaveBeenCalledWith({ limit: 1 });
    });

    it('says so when nothing waits', async () => {
      await renderOverview({
        listVms: async () => aPage([]),
        listTickets: async () => aPage([]),
        listApprovalTasks: async () => aPage([]),
      });

      expect(
        await screen.findByText('No request waits for your decision.'),
      ).toBeInTheDocument();
    });

    it('is not shown to users who decide no requests, who are not asked', async () => {
      const { api } = await renderOverview(
        {
          listVms: async () => aPage([]),
          listTickets: async () => aPage([]),
          listSystems: async () => aPage([]),
        },
        { permissions: { allowOnly: [] } },
      );

      expect(
        await screen.findByText(/you cannot request one yet/),
      ).toBeInTheDocument();
      expect(
        screen.queryByText(APPROVALS_WAITING_TITLE),
      ).not.toBeInTheDocument();
      expect(api.listApprovalTasks).not.toHaveBeenCalled();
    });
  });

  it('lists every registered page with what it is for', async () => {
    await renderOverview({
      listVms: async () => aPage([]),
      listTickets: async () => aPage([]),
    });

    const pages = within(screen.getByRole('list', { name: 'Shepherd pages' }));
    for (const page of SHEPHERD_PAGES) {
      expect(pages.getByRole('link', { name: page.title })).toBeInTheDocument();
      expect(pages.getByText(page.description)).toBeInTheDocument();
    }
  });

  it('shows the backend health', async () => {
    await renderOverview({
      listVms: async () => aPage([]),
      listTickets: async () => aPage([]),
    });

    expect(await screen.findByText('Healthy')).toBeInTheDocument();
  });
});
