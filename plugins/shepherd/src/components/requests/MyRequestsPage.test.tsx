import {
  ShepherdTicket,
  shepherdTicketCancelPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aDomainEvent,
  aPage,
  aTicket,
  anAuditEntry,
  aTemplate,
  anInstanceSize,
} from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { CODE_LABEL } from '../common';
import { WITHDRAW_LABEL } from './CancelRequestButton';
import { MyRequestsPage } from './MyRequestsPage';
import { NO_LONGER_OFFERED } from './RequestSummaryCard';
import { refusing } from '../../__testUtils__/refusing';

function renderRequests(
  route: string,
  stubs: Partial<ShepherdApi>,
  options: Pick<RenderShepherdOptions, 'permissions'> = {},
) {
  return renderShepherd(<MyRequestsPage />, {
    api: stubs,
    path: '/shepherd/requests/*',
    route,
    ...options,
  });
}

const POWER_TICKET = aTicket({
  id: 'ticket-power',
  operation: 'POWER',
  powerAction: 'stop',
  status: 'SUCCESS',
  vmId: 'vm-9',
  vmName: 'prod-payments-api-01',
  environment: 'prod',
  namespace: 'prod',
  approver: 'user:default/approver',
  decidedAt: '2026-11-23T10:10:00.000Z',
});

describe('My requests', () => {
  it('lists the caller’s requests in progress first', async () => {
    const { api } = await renderRequests('/shepherd/requests', {
      listTickets: async () => aPage([aTicket()]),
    });

    const link = await screen.findByRole('link', {
      name: 'New VM for payments/api in dev',
    });
    expect(link).toHaveAttribute('href', '/shepherd/requests/ticket-create');
    expect(screen.getByText('PENDING')).toBeInTheDocument();
    expect(api.listTickets).toHaveBeenCalledWith({
      scope: 'mine',
      statusGroup: 'ACTIVE',
      offset: 0,
      limit: 20,
    });
  });

  it('switches between the status groups', async () => {
    const { api } = await renderRequests('/shepherd/requests', {
      listTickets: async query =>
        aPage(query?.statusGroup === 'TERMINAL' ? [POWER_TICKET] : []),
    });
    expect(
      await screen.findByText('No requests in progress'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Finished' }));

    expect(
      await screen.findByRole('link', { name: 'Stop prod-payments-api-01' }),
    ).toBeInTheDocument();
    expect(api.listTickets).toHaveBeenLastCalledWith({
      scope: 'mine',
      statusGroup: 'TERMINAL',
      offset: 0,
      limit: 20,
    });

    await userEvent.click(screen.getByRole('tab', { name: 'All' }));
    await waitFor(() =>
      expect(api.listTickets).toHaveBeenLastCalledWith({
        scope: 'mine',
        statusGroup: undefined,
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('shows no decision for a withdrawn request', async () => {
    await renderRequests('/shepherd/requests', {
      listTickets: async () =>
        aPage([
          aTicket({
            status: 'CANCELLED',
            // The API records the withdrawal's time here.
            decidedAt: '2026-11-23T10:30:00.000Z',
          }),
        ]),
    });

    const link = await screen.findByRole('link', {
      name: 'New VM for payments/api in dev',
    });
    const row = link.closest('tr') as HTMLElement;
    const cells = within(row).getAllByRole('cell');
    expect(cells[cells.length - 1]).toHaveTextContent('—');
    expect(row.querySelectorAll('time')).toHaveLength(1);
  });

  it('explains where requests come from when there are none', async () => {
    await renderRequests('/shepherd/requests?group=all', {
      listTickets: async () => aPage([]),
    });

    expect(await screen.findByText('No requests yet')).toBeInTheDocument();
    expect(screen.getByText(/When you request a VM/)).toBeInTheDocument();
  });
});

describe('a request', () => {
  function detailOf(
    ticket: ShepherdTicket,
    extra: Partial<{ events: any[]; history: any[] }> = {},
  ) {
    return async () => ({
      ticket,
      events: extra.events ?? [aDomainEvent()],
      history: extra.history ?? [anAuditEntry()],
    });
  }

  it('summarises what it asks for and shows its timeline in order', async () => {
    const approved = aTicket({
      status: 'EXECUTING',
      approver: 'user:default/approver',
      vmId: 'vm-1',
      vmName: 'dev-payments-api-01',
      requestSpec: {
        templateId: 'tpl-ubuntu',
        instanceSizeId: 'size-small',
        targetCpuCores: 4,
        targetMemoryGi: 8,
      },
      templateSnapshot: aTemplate(),
      instanceSizeSnapshot: anInstanceSize(),
      decidedAt: '2026-11-23T10:05:00.000Z',
    });
    await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(approved, {
        events: [
          aDomainEvent({
            status: 'PROCESSING',
            createdAt: '2026-11-23T10:00:01.000Z',
          }),
        ],
        history: [
          anAuditEntry({
            id: 'a-2',
            action: 'approval.approve',
            actor: 'user:default/approver',
            createdAt: '2026-11-23T10:05:00.000Z',
          }),
          anAuditEntry({
            id: 'a-1',
            action: 'vm.request',
            createdAt: '2026-11-23T10:00:00.000Z',
          }),
        ],
      }),
    });

    expect(
      await screen.findByRole('heading', {
        name: 'New VM for payments/api in dev',
      }),
    ).toBeInTheDocument();
    // Next to the title and in the summary.
    expect(screen.getAllByText('EXECUTING')).toHaveLength(2);
    expect(screen.getByText('Ubuntu 24.04')).toBeInTheDocument();
    expect(screen.getByText('Small')).toBeInTheDocument();
    expect(screen.getByText('CPU 4 cores, memory 8 GiB')).toBeInTheDocument();
    expect(screen.getByText('approver')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'dev-payments-api-01' }),
    ).toHaveAttribute('href', '/shepherd/vms/vm-1');
    const timeline = within(screen.getByRole('list', { name: 'Timeline' }));
    const items = timeline.getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      expect.stringMatching(/^VM requested/),
      expect.stringMatching(/^VM creation: in progress/),
      expect.stringMatching(/^Approved/),
    ]);
    // People read words; the codes stay in a tooltip for support.
    for (const item of items) {
      expect(item).not.toHaveTextContent(
        /vm\.request|VM_CREATION_REQUESTED|PROCESSING|approval\.approve/,
      );
    }
    expect(items.map(item => item.getAttribute('title'))).toEqual([
      `${CODE_LABEL}: vm.request`,
      `${CODE_LABEL}: VM_CREATION_REQUESTED (PROCESSING)`,
      `${CODE_LABEL}: approval.approve`,
    ]);
    expect(
      screen.queryByRole('button', { name: WITHDRAW_LABEL }),
    ).not.toBeInTheDocument();
  });

  it('names the template and instance size of a pending request from the catalog, their ids only in tooltips', async () => {
    const { api } = await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(aTicket()),
      listCatalogTemplates: async () =>
        aPage([
          aTemplate({ id: 'tpl-other', displayName: 'Debian' }),
          aTemplate(),
        ]),
      listCatalogInstanceSizes: async () => aPage([anInstanceSize()]),
    });

    expect(await screen.findByText('Ubuntu 24.04')).toHaveAttribute(
      'title',
      'tpl-ubuntu',
    );
    expect(screen.getByText('Small')).toHaveAttribute('title', 'size-small');
    expect(screen.queryByText(/tpl-ubuntu|size-small/)).not.toBeInTheDocument();
    expect(screen.queryByText('Debian')).not.toBeInTheDocument();
    expect(api.listCatalogTemplates).toHaveBeenCalledWith(
      expect.objectContaining({ namespace: 'dev' }),
    );
  });

  it('says a template is no longer offered, its id in the tooltip', async () => {
    await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(aTicket()),
      listCatalogTemplates: async () => aPage([]),
      listCatalogInstanceSizes: async () => aPage([anInstanceSize()]),
    });

    expect(await screen.findByText('Small')).toBeInTheDocument();
    expect(screen.getByText(NO_LONGER_OFFERED)).toHaveAttribute(
      'title',
      'tpl-ubuntu',
    );
    expect(screen.queryByText('tpl-ubuntu')).not.toBeInTheDocument();
  });

  it('says why it was rejected', async () => {
    await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(
        aTicket({
          status: 'REJECTED',
          approver: 'user:default/approver',
          rejectReason: 'Use the shared staging VM instead',
        }),
      ),
    });

    expect(await screen.findByText('Rejected by approver')).toBeInTheDocument();
    expect(
      screen.getByText('Use the shared staging VM instead'),
    ).toBeInTheDocument();
  });

  it('tells in its timeline that it was rejected, and why', async () => {
    await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(
        aTicket({
          status: 'REJECTED',
          approver: 'user:default/approver',
          rejectReason: 'Use the shared staging VM instead',
          decidedAt: '2026-11-23T10:05:00.000Z',
        }),
        {
          // A rejection leaves the request's event CANCELLED.
          events: [
            aDomainEvent({
              status: 'CANCELLED',
              processedAt: '2026-11-23T10:05:00.000Z',
            }),
          ],
          history: [
            anAuditEntry(),
            anAuditEntry({
              id: 'a-2',
              action: 'approval.reject',
              actor: 'user:default/approver',
              details: { reason: 'Use the shared staging VM instead' },
              createdAt: '2026-11-23T10:05:00.000Z',
            }),
          ],
        },
      ),
    });

    const timeline = within(
      await screen.findByRole('list', { name: 'Timeline' }),
    );
    expect(
      timeline.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      expect.stringMatching(/^VM requested/),
      expect.stringMatching(/^Rejected/),
      expect.stringMatching(
        /^VM creation: rejected.*Use the shared staging VM instead/,
      ),
    ]);
    expect(timeline.queryByText(/cancelled/)).not.toBeInTheDocument();
  });

  it('says when and by whom it was withdrawn, and that nobody decided it', async () => {
    await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(
        aTicket({
          status: 'CANCELLED',
          // The API records the withdrawal's time here.
          decidedAt: '2026-11-23T10:30:00.000Z',
          updatedAt: '2026-11-23T10:30:00.000Z',
        }),
        {
          events: [
            aDomainEvent({
              status: 'CANCELLED',
              processedAt: '2026-11-23T10:30:00.000Z',
            }),
            aDomainEvent({
              id: 'event-cancel',
              type: 'REQUEST_CANCELLED',
              status: 'COMPLETED',
              createdAt: '2026-11-23T10:30:00.000Z',
            }),
          ],
          history: [
            anAuditEntry(),
            anAuditEntry({
              id: 'a-2',
              action: 'approval.cancel',
              createdAt: '2026-11-23T10:30:00.000Z',
            }),
          ],
        },
      ),
    });

    await screen.findByRole('list', { name: 'Timeline' });
    const summaryRow = (name: string) =>
      screen
        .queryAllByRole('row')
        .find(row => row.firstElementChild?.textContent === name);
    const withdrawn = summaryRow('Withdrawn') as HTMLElement;
    expect(withdrawn).toHaveTextContent(/by engineer-test$/);
    expect(withdrawn.querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-11-23T10:30:00.000Z',
    );
    expect(summaryRow('Decided')).toBeUndefined();
    expect(summaryRow('Approver')).toBeUndefined();
    const timeline = within(screen.getByRole('list', { name: 'Timeline' }));
    expect(
      timeline.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      expect.stringMatching(/^VM requested/),
      expect.stringMatching(/^Withdrawn/),
      expect.stringMatching(/^Request withdrawn/),
      expect.stringMatching(/^VM creation: withdrawn/),
    ]);
  });

  it('shows the errors of a failed request', async () => {
    await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(aTicket({ status: 'FAILED' }), {
        events: [
          aDomainEvent({
            status: 'FAILED',
            errorMessage: 'admission webhook denied the VM: quota exceeded',
          }),
        ],
        history: [
          anAuditEntry({
            id: 'a-9',
            action: 'execution.failed',
            outcome: 'failure',
            details: {
              error: 'admission webhook denied the VM: quota exceeded',
            },
          }),
        ],
      }),
    });

    expect(
      await screen.findByText('The request failed while it was carried out'),
    ).toBeInTheDocument();
    // In the outcome once (the event and the audit entry agree), and in the timeline twice.
    expect(
      screen.getAllByText('admission webhook denied the VM: quota exceeded'),
    ).toHaveLength(3);
  });

  it('can be withdrawn while it is pending', async () => {
    const getTicket = jest
      .fn()
      .mockImplementationOnce(detailOf(aTicket()))
      .mockImplementation(detailOf(aTicket({ status: 'CANCELLED' })));
    const { api } = await renderRequests('/shepherd/requests/ticket-create', {
      getTicket,
      cancelTicket: async () => aTicket({ status: 'CANCELLED' }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: WITHDRAW_LABEL }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: WITHDRAW_LABEL }),
    );

    expect((await screen.findAllByText('CANCELLED')).length).toBeGreaterThan(0);
    expect(api.cancelTicket).toHaveBeenCalledWith('ticket-create');
    expect(
      screen.queryByRole('button', { name: WITHDRAW_LABEL }),
    ).not.toBeInTheDocument();
  });

  it('shows why it could not be withdrawn', async () => {
    await renderRequests('/shepherd/requests/ticket-create', {
      getTicket: detailOf(aTicket()),
      cancelTicket: refusing({
        message: 'The ticket is APPROVED, not PENDING',
        code: 'TICKET_NOT_PENDING',
        status: 409,
      }),
    });

    await userEvent.click(
      await screen.findByRole('button', { name: WITHDRAW_LABEL }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: WITHDRAW_LABEL }),
    );

    expect(
      await within(dialog).findByText('TICKET_NOT_PENDING'),
    ).toBeInTheDocument();
  });

  it('hides withdrawing from users who may not cancel it', async () => {
    await renderRequests(
      '/shepherd/requests/ticket-create',
      { getTicket: detailOf(aTicket()) },
      { permissions: { deny: [shepherdTicketCancelPermission] } },
    );

    await screen.findByRole('heading', {
      name: 'New VM for payments/api in dev',
    });
    expect(
      screen.queryByRole('button', { name: WITHDRAW_LABEL }),
    ).not.toBeInTheDocument();
  });
});
