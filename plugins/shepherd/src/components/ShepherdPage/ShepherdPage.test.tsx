import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aHealthReport,
  aPage,
  aTicket,
  aVm,
} from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { OVERVIEW_TITLE, SHEPHERD_TITLE } from '../../labels';
import { SHEPHERD_PAGES } from '../../pages';
import { ShepherdPage } from './ShepherdPage';

const API = {
  getHealth: async () => aHealthReport(),
  listVms: async () => aPage([aVm()]),
  listTickets: async () => aPage([aTicket()]),
  listSystems: async () => aPage([]),
  listServices: async () => aPage([]),
  listCatalogNamespaces: async () => aPage([]),
  listClusters: async () => aPage([]),
};

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
    expect(await screen.findByText('Backend health')).toBeInTheDocument();
  });

  it('shows each page at its route and moves between them with the tabs', async () => {
    await renderShepherd(<ShepherdPage />, {
      api: API,
      path: '/shepherd/*',
      route: '/shepherd/vms',
    });
    expect(
      await screen.findByRole('link', { name: 'dev-payments-api-01' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'My requests' }));

    expect(
      await screen.findByRole('link', {
        name: 'New VM for payments/api in dev',
      }),
    ).toBeInTheDocument();
  });
});
