import { shepherdCatalogManagePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, within } from '@testing-library/react';
import {
  aCluster,
  aHealthReport,
  aPage,
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
