import { ApprovalTask } from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aTicket } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ApprovalsPage } from './ApprovalsPage';

function renderQueue(route: string, stubs: Partial<ShepherdApi>) {
  return renderShepherd(<ApprovalsPage />, {
    api: stubs,
    path: '/shepherd/approvals/*',
    route,
  });
}

const TASKS: ApprovalTask[] = [
  {
    ageDays: 1,
    ticket: aTicket({ id: 'ticket-new', requester: 'user:default/amy' }),
  },
  {
    ageDays: 9,
    ticket: aTicket({
      id: 'ticket-old',
      operation: 'DELETE',
      vmId: 'vm-1',
      vmName: 'dev-payments-api-01',
      requester: 'user:default/zoe',
    }),
  },
];

const rowLinks = () =>
  within(screen.getByRole('table'))
    .getAllByRole('link')
    .map(link => link.textContent);

describe('Approval queue: search and order', () => {
  it('searches on the server once typing stops', async () => {
    const { api } = await renderQueue('/shepherd/approvals', {
      listApprovalTasks: async () => aPage(TASKS),
    });
    await screen.findByRole('link', { name: 'Delete dev-payments-api-01' });

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search requests' }),
      'zoe',
    );

    await waitFor(() =>
      expect(api.listApprovalTasks).toHaveBeenLastCalledWith({
        search: 'zoe',
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('sorts on the server by the header clicked and shows the server order', async () => {
    const { api } = await renderQueue('/shepherd/approvals', {
      // Answers in the order asked for: the newest first when sorted by requester.
      listApprovalTasks: async query =>
        aPage(query?.orderBy ? TASKS : [...TASKS].reverse()),
    });
    await screen.findByRole('link', { name: 'Delete dev-payments-api-01' });
    // The queue's own order: the longest-waiting first.
    expect(rowLinks()).toEqual([
      'Delete dev-payments-api-01',
      'New VM for payments/api in dev',
    ]);

    await userEvent.click(
      within(screen.getByRole('table')).getByRole('button', {
        name: 'Requester',
      }),
    );

    await waitFor(() =>
      expect(api.listApprovalTasks).toHaveBeenLastCalledWith({
        orderBy: 'requester',
        order: 'asc',
        offset: 0,
        limit: 20,
      }),
    );
    await waitFor(() =>
      expect(rowLinks()).toEqual([
        'New VM for payments/api in dev',
        'Delete dev-payments-api-01',
      ]),
    );
  });

  it('says when the search matches nothing', async () => {
    await renderQueue('/shepherd/approvals?search=nobody', {
      listApprovalTasks: async () => aPage([]),
    });

    expect(
      await screen.findByText('No waiting requests match this search'),
    ).toBeInTheDocument();
  });
});
