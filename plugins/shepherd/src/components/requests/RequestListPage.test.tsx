import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aTicket } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { CLEAR_FILTERS_LABEL } from '../common';
import { MyRequestsPage } from './MyRequestsPage';

function renderRequests(route: string, stubs: Partial<ShepherdApi>) {
  return renderShepherd(<MyRequestsPage />, {
    api: stubs,
    path: '/shepherd/requests/*',
    route,
  });
}

const header = (name: string) =>
  within(screen.getByRole('table')).getByRole('button', { name });

describe('My requests: search and order', () => {
  it('searches on the server once typing stops, in the chosen group', async () => {
    const { api } = await renderRequests('/shepherd/requests?group=all', {
      listTickets: async () => aPage([aTicket()]),
    });
    await screen.findByRole('link', { name: 'New VM for payments/api in dev' });

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search requests' }),
      'cart',
    );

    await waitFor(() =>
      expect(api.listTickets).toHaveBeenLastCalledWith({
        scope: 'mine',
        statusGroup: undefined,
        search: 'cart',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('says when the search matches nothing, and clears it', async () => {
    const { api } = await renderRequests(
      '/shepherd/requests?group=active&search=nothing',
      { listTickets: async () => aPage([]) },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: CLEAR_FILTERS_LABEL }),
    );

    await waitFor(() =>
      expect(api.listTickets).toHaveBeenLastCalledWith({
        scope: 'mine',
        statusGroup: 'ACTIVE',
        offset: 0,
        limit: 20,
      }),
    );
    expect(api.listTickets).toHaveBeenCalledWith(
      expect.objectContaining({ search: 'nothing' }),
    );
  });

  it('sorts on the server by the header clicked, and keeps the order across groups', async () => {
    const { api } = await renderRequests('/shepherd/requests', {
      listTickets: async () => aPage([aTicket()]),
    });
    await screen.findByRole('link', { name: 'New VM for payments/api in dev' });

    await userEvent.click(header('Submitted'));
    await waitFor(() =>
      expect(api.listTickets).toHaveBeenLastCalledWith({
        scope: 'mine',
        statusGroup: 'ACTIVE',
        orderBy: 'createdAt',
        order: 'asc',
        offset: 0,
        limit: 20,
      }),
    );
    await userEvent.click(header('Submitted'));
    await waitFor(() =>
      expect(api.listTickets).toHaveBeenLastCalledWith(
        expect.objectContaining({ orderBy: 'createdAt', order: 'desc' }),
      ),
    );

    await userEvent.click(screen.getByRole('tab', { name: 'Finished' }));
    await waitFor(() =>
      expect(api.listTickets).toHaveBeenLastCalledWith({
        scope: 'mine',
        statusGroup: 'TERMINAL',
        orderBy: 'createdAt',
        order: 'desc',
        offset: 0,
        limit: 20,
      }),
    );
  });
});
