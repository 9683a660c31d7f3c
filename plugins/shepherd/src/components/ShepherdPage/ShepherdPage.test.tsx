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
});
