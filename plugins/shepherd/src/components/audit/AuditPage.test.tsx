import { shepherdAuditReadPermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, anAuditEntry } from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { CLEAR_FILTERS_LABEL } from '../common';
import { NO_DETAILS, OPEN_REQUEST_LABEL } from './AuditEntryPage';
import { REQUEST_LINK_LABEL } from './AuditTable';
import { NO_AUDIT_ENTRIES_TITLE } from './AuditListPage';
import { AUDIT_DENIED_TITLE, AuditPage } from './AuditPage';
import { toLocalInput } from './timeRange';

const VM_REQUEST = anAuditEntry({
  id: 'audit-vm',
  action: 'vm.delete_submitted',
  actor: 'user:default/engineer-prod',
  resourceType: 'vm',
  resourceId: 'vm-9',
  resourceName: 'prod-payments-api-01',
  parentType: 'system',
  parentId: 'sys-payments',
  environment: 'prod',
  ticketId: 'ticket-delete',
  details: {
    operation: 'DELETE',
    reason: 'Replaced',
    kubeconfig: '***REDACTED***',
  },
});
const MEMBER_CHANGE = anAuditEntry({
  id: 'audit-member',
  action: 'member.update',
  actor: 'user:default/platform-admin',
  resourceType: 'member',
  resourceId: 'member-jane',
  resourceName: 'user:default/jane',
  parentType: 'system',
  parentId: 'sys-payments',
  ticketId: undefined,
  details: { role: 'admin', previousRole: 'member' },
});
const FAILED_RUN = anAuditEntry({
  id: 'audit-failed',
  action: 'execution.failed',
  outcome: 'failure',
  actor: 'service:shepherd',
  resourceType: 'ticket',
  resourceId: 'ticket-create',
  resourceName: 'dev-payments-api-02',
  environment: 'test',
  details: { error: 'CLUSTER_UNAVAILABLE' },
});

function renderAudit(
  stubs: Partial<ShepherdApi> = {},
  options: Pick<RenderShepherdOptions, 'permissions' | 'route'> = {},
) {
  return renderShepherd(<AuditPage />, {
    api: {
      listAuditLogs: async () => aPage([VM_REQUEST, MEMBER_CHANGE, FAILED_RUN]),
      ...stubs,
    },
    path: '/shepherd/audit/*',
    route: '/shepherd/audit',
    ...options,
  });
}

// Whole pages with tables, driven keystroke by keystroke: slow on a busy machine.

const rowOf = (element: HTMLElement) => element.closest('tr')!;

describe('Audit log', () => {
  it('says so to a user without the audit permission, without asking the backend', async () => {
    const { api } = await renderAudit(
      {},
      { permissions: { deny: [shepherdAuditReadPermission] } },
    );

    expect(await screen.findByText(AUDIT_DENIED_TITLE)).toBeInTheDocument();
    expect(screen.getByText(/shepherd\.audit\.read/)).toBeInTheDocument();
    expect(api.listAuditLogs).not.toHaveBeenCalled();
  });

  it('lists entries newest first, linked to their pages, records and requests', async () => {
    const { api } = await renderAudit();

    const action = await screen.findByRole('link', {
      name: 'Deletion requested',
    });
    expect(action).toHaveAttribute('href', '/shepherd/audit/audit-vm');
    const row = rowOf(action);
    // The code stays beside the words, for auditors who filter by it.
    expect(within(row).getByText('vm.delete_submitted')).toBeInTheDocument();
    expect(within(row).getByText('engineer-prod')).toBeInTheDocument();
    const resource = within(row).getByRole('link', {
      name: 'prod-payments-api-01',
    });
    expect(resource).toHaveAttribute('href', '/shepherd/vms/vm-9');
    expect(resource.closest('[title]')).toHaveAttribute('title', 'vm-9');
    expect(row).toHaveTextContent(/VM prod-payments-api-01/);
    expect(
      within(row).getByRole('link', { name: REQUEST_LINK_LABEL }),
    ).toHaveAttribute('href', '/shepherd/requests/ticket-delete');
    // People read words: no ids and no resource type codes in the row.
    expect(row).not.toHaveTextContent(/ticket-delete|vm-9|ticket /);
    expect(within(row).getByText('prod')).toBeInTheDocument();

    // A member change leads to its System.
    expect(
      screen.getByRole('link', { name: 'user:default/jane' }),
    ).toHaveAttribute('href', '/shepherd/systems/sys-payments');

    const failed = rowOf(screen.getByRole('link', { name: 'Work failed' }));
    expect(failed).toHaveTextContent(/Request dev-payments-api-02/);
    expect(
      within(failed).getByText('failure').closest('[data-outcome]'),
    ).toHaveAttribute('data-outcome', 'failure');
    expect(within(failed).getByText('service:shepherd')).toBeInTheDocument();
    expect(api.listAuditLogs).toHaveBeenCalledWith({ offset: 0, limit: 20 });
  });

  it('shows a progress bar while loading', async () => {
    await renderAudit({ listAuditLogs: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('explains an empty audit log', async () => {
    await renderAudit({ listAuditLogs: async () => aPage([]) });
    expect(await screen.findByText(NO_AUDIT_ENTRIES_TITLE)).toBeInTheDocument();
  });

  it('reads its filters from the URL and sends them to the backend', async () => {
    const { api } = await renderAudit(
      {},
      {
        route:
          '/shepherd/audit?action=vm.request&actor=user:default/jane&resourceType=vm&resourceId=vm-9&ticketId=ticket-1&outcome=failure&from=2026-11-23T10:00:00Z&to=not-a-time&offset=20&limit=50',
      },
    );
    await screen.findByRole('link', { name: 'Deletion requested' });

    expect(api.listAuditLogs).toHaveBeenCalledWith({
      action: 'vm.request',
      actor: 'user:default/jane',
      resourceType: 'vm',
      resourceId: 'vm-9',
      ticketId: 'ticket-1',
      outcome: 'failure',
      from: '2026-11-23T10:00:00.000Z',
      offset: 20,
      limit: 50,
    });
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveValue(
      'vm.request',
    );
  });

  it('filters by action, actor and outcome, starting again at the first page', async () => {
    const { api } = await renderAudit(
      {},
      { route: '/shepherd/audit?offset=40' },
    );
    await screen.findByRole('link', { name: 'Deletion requested' });

    await userEvent.click(screen.getByRole('textbox', { name: 'Action' }));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Member role changed member.update',
      }),
    );
    await waitFor(() =>
      expect(api.listAuditLogs).toHaveBeenLastCalledWith({
        action: 'member.update',
        offset: 0,
        limit: 20,
      }),
    );

    // A bare name means a user of the default namespace.
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Actor' }),
      'platform-admin',
    );
    await waitFor(() =>
      expect(api.listAuditLogs).toHaveBeenLastCalledWith({
        action: 'member.update',
        actor: 'user:default/platform-admin',
        offset: 0,
        limit: 20,
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: /Outcome/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'failure' }),
    );
    await waitFor(() =>
      expect(api.listAuditLogs).toHaveBeenLastCalledWith(
        expect.objectContaining({ outcome: 'failure' }),
      ),
    );

    await userEvent.click(
      screen.getByRole('button', { name: CLEAR_FILTERS_LABEL }),
    );
    await waitFor(() =>
      expect(api.listAuditLogs).toHaveBeenLastCalledWith({
        offset: 0,
        limit: 20,
      }),
    );
  });

  it('filters by a time range, and refuses a range that ends before it starts', async () => {
    const { api } = await renderAudit();
    await screen.findByRole('link', { name: 'Deletion requested' });
    const from = '2026-11-23T10:00:00.000Z';
    const to = '2026-11-23T12:00:00.000Z';

    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: toLocalInput(from) },
    });
    await waitFor(() =>
      expect(api.listAuditLogs).toHaveBeenLastCalledWith({
        from,
        offset: 0,
        limit: 20,
      }),
    );
    fireEvent.change(screen.getByLabelText('To'), {
      target: { value: toLocalInput(to) },
    });
    await waitFor(() =>
      expect(api.listAuditLogs).toHaveBeenLastCalledWith({
        from,
        to,
        offset: 0,
        limit: 20,
      }),
    );

    const calls = api.listAuditLogs.mock.calls.length;
    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: toLocalInput('2026-11-23T13:00:00.000Z') },
    });
    expect(
      await screen.findByText(/change the time range to see entries/),
    ).toBeInTheDocument();
    expect(screen.getByText('“To” must be later than “From”')).toHaveAttribute(
      'id',
      'shepherd-audit-filter-to-helper-text',
    );
    expect(api.listAuditLogs).toHaveBeenCalledTimes(calls);
  });

  it('pages through the entries', async () => {
    const { api } = await renderAudit({
      listAuditLogs: async query =>
        aPage([VM_REQUEST], {
          totalItems: 61,
          offset: query?.offset ?? 0,
          limit: query?.limit ?? 20,
        }),
    });
    await screen.findByRole('link', { name: 'Deletion requested' });

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));

    await waitFor(() =>
      expect(api.listAuditLogs).toHaveBeenLastCalledWith({
        offset: 20,
        limit: 20,
      }),
    );
    expect(await screen.findByText('21-40 of 61')).toBeInTheDocument();
  });

  describe('one entry', () => {
    function renderEntry(stubs: Partial<ShepherdApi>) {
      return renderAudit(stubs, { route: '/shepherd/audit/audit-vm' });
    }

    it('shows who did what to which record, its request, and the details as JSON', async () => {
      const { api } = await renderEntry({
        getAuditLog: async () => VM_REQUEST,
      });

      expect(
        await screen.findByRole('heading', { name: 'Deletion requested' }),
      ).toBeInTheDocument();
      expect(
        screen.getByText('user:default/engineer-prod'),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'prod-payments-api-01' }),
      ).toHaveAttribute('href', '/shepherd/vms/vm-9');
      expect(screen.getByRole('link', { name: 'System' })).toHaveAttribute(
        'href',
        '/shepherd/systems/sys-payments',
      );
      expect(
        screen.getByRole('link', { name: OPEN_REQUEST_LABEL }),
      ).toHaveAttribute('href', '/shepherd/requests/ticket-delete');
      // The ids stay for auditors, labelled, beneath the words.
      expect(screen.getByText('ticket-delete')).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'Everything on this VM' }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'Every “Deletion requested”' }),
      ).toHaveAttribute('href', '/shepherd/audit?action=vm.delete_submitted');
      const details = screen.getByTestId('audit-details');
      expect(details).toHaveTextContent('"reason": "Replaced"');
      expect(details).toHaveTextContent('"kubeconfig": "***REDACTED***"');
      expect(
        screen.getByRole('link', { name: 'Everything for this request' }),
      ).toHaveAttribute('href', '/shepherd/audit?ticketId=ticket-delete');
      expect(
        screen.getByRole('link', {
          name: 'Everything by user:default/engineer-prod',
        }),
      ).toHaveAttribute(
        'href',
        '/shepherd/audit?actor=user%3Adefault%2Fengineer-prod',
      );
      expect(api.getAuditLog).toHaveBeenCalledWith('audit-vm');
    });

    it('says when an entry has no details', async () => {
      await renderEntry({
        getAuditLog: async () => ({ ...MEMBER_CHANGE, details: {} }),
      });
      expect(await screen.findByText(NO_DETAILS)).toBeInTheDocument();
    });
  });
});
