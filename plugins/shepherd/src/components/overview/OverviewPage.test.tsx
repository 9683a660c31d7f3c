import { screen, within } from '@testing-library/react';
import {
  aHealthReport,
  aPage,
  aTicket,
  aVm,
} from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { SHEPHERD_PAGES } from '../../pages';
import { GETTING_STARTED_TITLE } from './GettingStartedCard';
import { OverviewPage } from './OverviewPage';

function renderOverview(stubs: Partial<ShepherdApi>) {
  return renderShepherd(<OverviewPage />, {
    api: { getHealth: async () => aHealthReport(), ...stubs },
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
    expect(
      screen.getByText(/Request a VM for one of its Services/),
    ).toBeInTheDocument();
    const steps = within(screen.getByText(/An approver chooses the cluster/));
    expect(steps.getByRole('link', { name: 'My requests' })).toHaveAttribute(
      'href',
      '/shepherd/requests',
    );
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

  it('shows why the summary could not be loaded, with the error code', async () => {
    await renderOverview({
      listVms: async () => {
        throw new ShepherdApiError({
          message: 'Missing credentials',
          code: 'UNAUTHENTICATED',
          status: 401,
        });
      },
      listTickets: async () => aPage([]),
    });

    expect(
      await screen.findByText('Could not load your VMs and requests'),
    ).toBeInTheDocument();
    expect(screen.getByText('UNAUTHENTICATED')).toBeInTheDocument();
  });
});
