import {
  SHEPHERD_SIGNAL_CHANNELS,
  ShepherdVm,
  shepherdAuditReadPermission,
  shepherdVmConsolePermission,
  shepherdVmPowerPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  aPage,
  aTicket,
  aVm,
  anAuditEntry,
  anInstanceSize,
  aTemplate,
} from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { SUBMITTED_FOR_APPROVAL } from '../../labels';
import {
  POLL_INITIAL_INTERVAL_MS,
  POLL_MAX_INTERVAL_MS,
  TYPE_NAME_LABEL,
} from '../common';
import { REQUEST_CONSOLE_LABEL } from './ConsoleAccessCard';
import { DELETE_LABEL } from './DeleteVmDialog';
import {
  AUDIT_TRAIL_LINK,
  STATUS_HISTORY_TITLE,
  VM_AUDIT_LIMIT,
} from './VmStatusHistoryCard';
import { VmsPage } from './VmsPage';
import { ACCEPTED_ACTION_FOLLOW_MS } from './useLiveVm';
import { refusing } from '../../__testUtils__/refusing';
import { FakeSignalApi } from '../../__testUtils__/fakeSignalApi';
import { aVmStartedLate } from '../../__testUtils__/scenarios';

const PROD_VM = aVm({
  id: 'vm-9',
  name: 'prod-payments-api-01',
  namespace: 'prod',
  environment: 'prod',
  clusterName: 'sim-prod',
});

const CREATION_TICKET = aTicket({
  status: 'SUCCESS',
  vmId: 'vm-1',
  vmName: 'dev-payments-api-01',
  templateSnapshot: aTemplate(),
  instanceSizeSnapshot: anInstanceSize(),
  decidedAt: '2026-11-23T10:05:00.000Z',
});

function renderVm(
  vm: ShepherdVm,
  stubs: Partial<ShepherdApi> = {},
  options: Pick<RenderShepherdOptions, 'permissions' | 'signals'> = {},
) {
  return renderShepherd(<VmsPage />, {
    api: {
      getVm: async () => vm,
      listTickets: async () => aPage([CREATION_TICKET]),
      getVmConsoleAccess: async () => ({}),
      listAuditLogs: async () => aPage([]),
      ...stubs,
    },
    path: '/shepherd/vms/*',
    route: `/shepherd/vms/${vm.id}`,
    ...options,
  });
}

const button = (name: string) => screen.getByRole('button', { name });
/** The status badge next to the VM's name. */
const vmStatus = () =>
  screen.getByRole('heading', { name: 'dev-payments-api-01' })
    .parentElement as HTMLElement;

describe('VM page', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the VM: status, placement with the cluster read-only, resources and requests', async () => {
    const { api } = await renderVm(
      aVm({ statusMessage: 'Guest agent connected' }),
    );

    expect(
      await screen.findByRole('heading', { name: 'dev-payments-api-01' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('RUNNING').length).toBeGreaterThan(0);
    expect(screen.getByText('Guest agent connected')).toBeInTheDocument();
    expect(screen.getByText('sim-test')).toBeInTheDocument();
    expect(
      screen.getByText('Chosen by the approver; read-only'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 cores (request 1)')).toBeInTheDocument();
    expect(screen.getByText('4 GiB (request 4 GiB)')).toBeInTheDocument();
    expect(screen.getByText('20 GiB')).toBeInTheDocument();
    expect(await screen.findByText('Ubuntu 24.04')).toBeInTheDocument();
    expect(screen.getByText('Small')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'New VM for payments/api in dev' }),
    ).toHaveAttribute('href', '/shepherd/requests/ticket-create');
    expect(api.listTickets).toHaveBeenCalledWith({
      scope: 'all',
      vmId: 'vm-1',
      limit: 20,
    });
  });

  it('shows a change made elsewhere once a signal names the VM, and re-reads its requests once one names a request of the VM', async () => {
    const signals = new FakeSignalApi();
    let current = aVm({ status: 'RUNNING' });
    const { api } = await renderVm(
      current,
      { getVm: async () => current },
      { signals },
    );
    await waitFor(() => expect(vmStatus()).toHaveTextContent('RUNNING'));
    expect(api.getVm).toHaveBeenCalledTimes(1);

    // Stopped on its cluster: another VM's signal leaves the page as it is.
    current = { ...current, status: 'STOPPED' };
    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
      changes: [{ id: 'vm-other', change: 'upserted' }],
    });
    expect(api.getVm).toHaveBeenCalledTimes(1);
    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
      changes: [{ id: current.id, change: 'upserted' }],
    });
    await waitFor(() => expect(vmStatus()).toHaveTextContent('STOPPED'));
    expect(api.getVm).toHaveBeenCalledTimes(2);

    expect(api.listTickets).toHaveBeenCalledTimes(1);
    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.tickets, {
      changes: [{ id: 'ticket-power', vmId: current.id }],
    });
    await waitFor(() => expect(api.listTickets).toHaveBeenCalledTimes(2));
  });

  it("lists the VM's requests across the page's width, with their requester", async () => {
    await renderVm(aVm());

    const requestLink = await screen.findByRole('link', {
      name: 'New VM for payments/api in dev',
    });
    const table = requestLink.closest('table') as HTMLElement;
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Request',
      'Operation',
      'Status',
      'Requester',
      'Submitted',
      'Decided',
    ]);
    expect(within(table).getByText('engineer-test')).toBeInTheDocument();
    // A half-width card wrapped the request's title every few letters.
    const gridItem = table.closest('.MuiGrid-item') as HTMLElement;
    expect(gridItem).toHaveClass('MuiGrid-grid-xs-12');
    expect(gridItem).not.toHaveClass('MuiGrid-grid-md-6');
  });

  describe('status history', () => {
    const REJECTED_STOP = aTicket({
      id: 'ticket-stop',
      operation: 'POWER',
      powerAction: 'stop',
      status: 'REJECTED',
      vmId: 'vm-1',
      vmName: 'dev-payments-api-01',
      reason: 'Save costs over the weekend',
      approver: 'user:default/approver',
      rejectReason: 'The load tests run on Saturday',
      createdAt: '2026-11-23T10:20:00.000Z',
      decidedAt: '2026-11-23T10:25:00.000Z',
      updatedAt: '2026-11-23T10:25:00.000Z',
    });
    const DIRECT_RESTART = anAuditEntry({
      id: 'audit-restart',
      action: 'vm.restart',
      resourceType: 'vm',
      resourceId: 'vm-1',
      ticketId: undefined,
      createdAt: '2026-11-23T10:30:00.000Z',
    });
    const history = () =>
      screen.getByRole('list', { name: STATUS_HISTORY_TITLE });
    const steps = () =>
      within(history())
        .getAllByRole('listitem')
        .map(item => item.textContent);

    it('tells what happened to the VM, newest first, with the requests linked', async () => {
      const { api } = await renderVm(
        aVm({ status: 'STOPPED', updatedAt: '2026-11-23T10:40:00.000Z' }),
        {
          listTickets: async () => aPage([REJECTED_STOP, CREATION_TICKET]),
          listAuditLogs: async () =>
            aPage([
              DIRECT_RESTART,
              anAuditEntry({ resourceType: 'vm', resourceId: 'vm-1' }),
            ]),
        },
      );

      await waitFor(() => expect(steps()).toHaveLength(7));
      expect(steps()).toEqual([
        expect.stringMatching(/^Status STOPPED/),
        expect.stringMatching(/^vm\.restart/),
        expect.stringMatching(
          /^Rejected: Stop dev-payments-api-01REJECTED.*approver.*The load tests run on Saturday/,
        ),
        expect.stringMatching(
          /^Requested: Stop dev-payments-api-01PENDING.*engineer-test.*Save costs/,
        ),
        expect.stringMatching(/^Approved: New VM for payments\/api in dev/),
        // The creation ended when it was last updated, here when it was asked for.
        expect.stringMatching(/^New VM for payments\/api in dev: doneSUCCESS/),
        expect.stringMatching(/^Requested: New VM for payments\/api in dev/),
      ]);
      expect(
        within(history()).getByRole('link', {
          name: 'Rejected: Stop dev-payments-api-01',
        }),
      ).toHaveAttribute('href', '/shepherd/requests/ticket-stop');
      expect(
        screen.getByRole('link', { name: AUDIT_TRAIL_LINK }),
      ).toHaveAttribute('href', '/shepherd/audit?resourceId=vm-1');
      expect(api.listAuditLogs).toHaveBeenCalledWith({
        resourceType: 'vm',
        resourceId: 'vm-1',
        limit: VM_AUDIT_LIMIT,
      });
    });

    it('leaves the audit log out for users who may not read it', async () => {
      const { api } = await renderVm(
        aVm(),
        {},
        {
          permissions: { deny: [shepherdAuditReadPermission] },
        },
      );

      await waitFor(() => expect(steps()).toHaveLength(4));
      expect(screen.getByText(/recorded in the audit log/)).toBeInTheDocument();
      expect(
        screen.queryByRole('link', { name: AUDIT_TRAIL_LINK }),
      ).not.toBeInTheDocument();
      expect(api.listAuditLogs).not.toHaveBeenCalled();
    });

    it('shows why the audit entries or the requests could not be loaded, with the code', async () => {
      await renderVm(aVm(), {
        listAuditLogs: refusing({
          message: 'The audit log is unavailable',
          code: 'PERMISSION_DENIED',
          status: 403,
        }),
        listTickets: refusing({
          message: 'Tickets are unavailable',
          code: 'VALIDATION_FAILED',
          status: 400,
        }),
      });

      expect(
        await screen.findByText("Could not load the VM's audit entries"),
      ).toBeInTheDocument();
      expect(screen.getByText('PERMISSION_DENIED')).toBeInTheDocument();
      expect(
        screen.getByText("Could not load the VM's requests"),
      ).toBeInTheDocument();
      expect(screen.getByText('VALIDATION_FAILED')).toBeInTheDocument();
      // The current status is known without them.
      expect(steps()).toEqual([expect.stringMatching(/^Status RUNNING/)]);
    });
  });

  describe('power', () => {
    it('starts a stopped test VM at once', async () => {
      const { api } = await renderVm(aVm({ status: 'STOPPED' }), {
        requestVmPower: async () => ({ status: 'ACCEPTED', eventId: 'e-1' }),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });
      expect(button('Stop')).toBeDisabled();

      await userEvent.click(button('Start'));

      expect(await screen.findByText(/Start accepted/)).toBeInTheDocument();
      expect(api.requestVmPower).toHaveBeenCalledWith('vm-1', {
        action: 'start',
        reason: undefined,
      });
    });

    it('follows a started VM until the job has moved it on, although the first reload still shows it stopped', async () => {
      jest.useFakeTimers();
      const user = userEvent.setup({
        advanceTimers: jest.advanceTimersByTime,
      });
      const startedLate = aVmStartedLate();
      const { api } = await renderVm(startedLate.stopped, startedLate.api);
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await user.click(button('Start'));
      expect(await screen.findByText(/Start accepted/)).toBeInTheDocument();
      await waitFor(() => expect(api.getVm).toHaveBeenCalledTimes(2));
      expect(vmStatus()).toHaveTextContent('STOPPED');

      await act(() => jest.advanceTimersByTimeAsync(POLL_INITIAL_INTERVAL_MS));
      await waitFor(() => expect(vmStatus()).toHaveTextContent('STARTING'));
      await act(() => jest.advanceTimersByTimeAsync(POLL_INITIAL_INTERVAL_MS));
      await waitFor(() => expect(vmStatus()).toHaveTextContent('RUNNING'));

      await act(() => jest.advanceTimersByTimeAsync(POLL_MAX_INTERVAL_MS * 2));
      expect(api.getVm).toHaveBeenCalledTimes(4);
    });

    it('stops following an accepted action whose job never changes the VM', async () => {
      jest.useFakeTimers();
      const user = userEvent.setup({
        advanceTimers: jest.advanceTimersByTime,
      });
      const { api } = await renderVm(aVm({ status: 'STOPPED' }), {
        requestVmPower: async () => ({ status: 'ACCEPTED', eventId: 'e-1' }),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await user.click(button('Start'));
      await screen.findByText(/Start accepted/);
      await act(() =>
        jest.advanceTimersByTimeAsync(
          ACCEPTED_ACTION_FOLLOW_MS + POLL_MAX_INTERVAL_MS,
        ),
      );
      const calls = (api.getVm as jest.Mock).mock.calls.length;
      // Followed with backoff meanwhile: 2 s, 4 s, 8 s, 16 s, then every 30 s.
      expect(calls).toBeGreaterThan(10);

      await act(() => jest.advanceTimersByTimeAsync(POLL_MAX_INTERVAL_MS * 4));
      expect(api.getVm).toHaveBeenCalledTimes(calls);
    });

    it('follows the VM while a request on it is carried out and shows what it did', async () => {
      jest.useFakeTimers();
      const restartTicket = aTicket({
        id: 'ticket-restart',
        operation: 'POWER',
        powerAction: 'restart',
        vmId: 'vm-1',
        vmName: 'dev-payments-api-01',
      });
      const ticketPages = [
        aPage([
          { ...restartTicket, status: 'EXECUTING' as const },
          CREATION_TICKET,
        ]),
        aPage([
          { ...restartTicket, status: 'EXECUTING' as const },
          CREATION_TICKET,
        ]),
        aPage([
          { ...restartTicket, status: 'SUCCESS' as const },
          CREATION_TICKET,
        ]),
      ];
      // The restart's job has not touched the VM when the page opens.
      const vms = [
        aVm(),
        aVm(),
        aVm({ status: 'STARTING', updatedAt: '2026-11-23T11:00:00.000Z' }),
        aVm({ updatedAt: '2026-11-23T11:00:05.000Z' }),
      ];
      const { api } = await renderVm(aVm(), {
        getVm: async () => (vms.length > 1 ? vms.shift()! : vms[0]),
        listTickets: async () =>
          ticketPages.length > 1 ? ticketPages.shift()! : ticketPages[0],
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });
      await waitFor(() => expect(api.getVm).toHaveBeenCalledTimes(2));
      expect(vmStatus()).toHaveTextContent('RUNNING');

      await act(() => jest.advanceTimersByTimeAsync(POLL_INITIAL_INTERVAL_MS));
      expect(vmStatus()).toHaveTextContent('STARTING');
      await act(() => jest.advanceTimersByTimeAsync(POLL_INITIAL_INTERVAL_MS));
      expect(vmStatus()).toHaveTextContent('RUNNING');

      // The request is done: the VM is reloaded once more, then left alone.
      await act(() => jest.advanceTimersByTimeAsync(POLL_MAX_INTERVAL_MS));
      const calls = (api.getVm as jest.Mock).mock.calls.length;
      await act(() => jest.advanceTimersByTimeAsync(POLL_MAX_INTERVAL_MS * 4));
      expect(api.getVm).toHaveBeenCalledTimes(calls);
      expect(api.listTickets).toHaveBeenCalledTimes(3);
    });

    it('submits a production stop for approval and links the request', async () => {
      const { api } = await renderVm(PROD_VM, {
        requestVmPower: async () => ({
          status: 'PENDING_APPROVAL',
          ticketId: 'ticket-power',
          eventId: 'e-2',
        }),
      });
      await screen.findByRole('heading', { name: PROD_VM.name });

      await userEvent.click(button('Stop'));
      const dialog = await screen.findByRole('dialog');
      expect(
        within(dialog).getByText(/an approver must allow/),
      ).toBeInTheDocument();
      await userEvent.type(
        within(dialog).getByLabelText('Reason (optional)'),
        'maintenance',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Submit for approval' }),
      );

      expect(
        await screen.findByText(new RegExp(SUBMITTED_FOR_APPROVAL)),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(
        screen.getByRole('link', { name: 'Follow the request' }),
      ).toHaveAttribute('href', '/shepherd/requests/ticket-power');
      expect(api.requestVmPower).toHaveBeenCalledWith('vm-9', {
        action: 'stop',
        reason: 'maintenance',
      });
    });

    it('shows a refused action with its code', async () => {
      await renderVm(aVm({ status: 'STOPPED' }), {
        requestVmPower: refusing({
          message: 'Cannot start dev-payments-api-01 while it is STARTING',
          code: 'VM_STATE_CONFLICT',
          status: 409,
        }),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await userEvent.click(button('Start'));

      expect(await screen.findByText('VM_STATE_CONFLICT')).toBeInTheDocument();
      expect(
        screen.getByText(
          'Cannot start dev-payments-api-01 while it is STARTING',
        ),
      ).toBeInTheDocument();
    });

    it('disables power actions for users without the permission', async () => {
      await renderVm(
        aVm({ status: 'STOPPED' }),
        {},
        {
          permissions: { deny: [shepherdVmPowerPermission] },
        },
      );
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      expect(button('Start')).toBeDisabled();
      expect(button('Restart')).toBeDisabled();
      await waitFor(() => expect(button('Resize')).toBeEnabled());
    });
  });

  describe('resize', () => {
    it('accepts CPU and memory in steps of 0.5 and lets disks only grow', async () => {
      const { api } = await renderVm(aVm(), {
        requestVmModification: async () => ({
          ticketId: 'ticket-modify',
          eventId: 'e',
          status: 'PENDING',
        }),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });
      await waitFor(() => expect(button('Resize')).toBeEnabled());

      await userEvent.click(button('Resize'));
      const dialog = await screen.findByRole('dialog');
      const submit = within(dialog).getByRole('button', {
        name: 'Submit for approval',
      });
      const cpu = within(dialog).getByLabelText('CPU cores');
      const disk = within(dialog).getByLabelText('Disk (GiB)');

      await userEvent.clear(cpu);
      await userEvent.type(cpu, '2.3');
      expect(
        within(dialog).getByText('CPU cores come in steps of 0.5'),
      ).toBeInTheDocument();
      await userEvent.clear(disk);
      await userEvent.type(disk, '10');
      expect(
        within(dialog).getByText('Disks only grow: at least 20 GiB'),
      ).toBeInTheDocument();
      expect(submit).toBeDisabled();

      await userEvent.clear(cpu);
      await userEvent.type(cpu, '3.5');
      await userEvent.clear(disk);
      await userEvent.type(disk, '40');
      expect(
        within(dialog).getByText(/take effect after its next restart/),
      ).toBeInTheDocument();
      expect(submit).toBeDisabled(); // the reason is still missing
      await userEvent.type(
        within(dialog).getByLabelText(/Reason/),
        'More load',
      );
      await userEvent.click(submit);

      expect(
        await screen.findByText(/Submitted for approval: the resize/),
      ).toBeInTheDocument();
      expect(api.requestVmModification).toHaveBeenCalledWith('vm-1', {
        targetCpuCores: 3.5,
        targetMemoryGi: undefined,
        targetDiskGb: 40,
        reason: 'More load',
      });
    });
  });

  describe('delete', () => {
    it('asks for a tick for a test VM', async () => {
      const { api } = await renderVm(aVm(), {
        requestVmDeletion: async () => ({
          ticketId: 'ticket-delete',
          eventId: 'e',
          status: 'PENDING',
        }),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });
      await waitFor(() => expect(button(DELETE_LABEL)).toBeEnabled());

      await userEvent.click(button(DELETE_LABEL));
      const dialog = await screen.findByRole('dialog');
      const confirm = within(dialog).getByRole('button', {
        name: DELETE_LABEL,
      });
      expect(confirm).toBeDisabled();
      await userEvent.click(within(dialog).getByRole('checkbox'));
      await userEvent.click(confirm);

      expect(
        await screen.findByText(/Submitted for approval: the deletion/),
      ).toBeInTheDocument();
      expect(api.requestVmDeletion).toHaveBeenCalledWith('vm-1', {
        confirm: true,
        reason: undefined,
      });
    });

    it('asks for the name of a production VM and shows a duplicate request', async () => {
      const { api } = await renderVm(PROD_VM, {
        requestVmDeletion: refusing({
          message: 'A deletion of prod-payments-api-01 is already pending',
          code: 'DUPLICATE_PENDING_REQUEST',
          status: 409,
          details: { ticketId: 'ticket-old' },
        }),
      });
      await screen.findByRole('heading', { name: PROD_VM.name });
      await waitFor(() => expect(button(DELETE_LABEL)).toBeEnabled());

      await userEvent.click(button(DELETE_LABEL));
      const dialog = await screen.findByRole('dialog');
      expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
      await userEvent.type(
        within(dialog).getByLabelText(TYPE_NAME_LABEL),
        PROD_VM.name,
      );
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /^Reason/ }),
        'Replaced',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: DELETE_LABEL }),
      );

      expect(
        await within(dialog).findByText('DUPLICATE_PENDING_REQUEST'),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByRole('link', { name: 'ticket-old' }),
      ).toHaveAttribute('href', '/shepherd/requests/ticket-old');
      expect(api.requestVmDeletion).toHaveBeenCalledWith('vm-9', {
        confirm_name: PROD_VM.name,
        reason: 'Replaced',
      });
    });
  });

  describe('console', () => {
    it('grants a test VM’s console at once and shows the grant', async () => {
      const grant = {
        id: 'grant-1',
        vmId: 'vm-1',
        userRef: 'user:default/engineer-test',
        grantedBy: 'user:default/engineer-test',
        expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        createdAt: new Date().toISOString(),
      };
      const access = jest
        .fn()
        .mockResolvedValueOnce({})
        .mockResolvedValue({ grant });
      const { api } = await renderVm(aVm(), {
        getVmConsoleAccess: access,
        requestVmConsole: async () => ({ status: 'ACCEPTED', grant }),
      });

      await userEvent.click(
        await screen.findByRole('button', { name: REQUEST_CONSOLE_LABEL }),
      );
      const dialog = await screen.findByRole('dialog');
      const minutes = within(dialog).getByLabelText('Minutes');
      await userEvent.clear(minutes);
      await userEvent.type(minutes, '30');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Grant access' }),
      );

      expect(
        await screen.findByText(/Console access granted until/),
      ).toBeInTheDocument();
      expect(api.requestVmConsole).toHaveBeenCalledWith('vm-1', {
        minutes: 30,
        reason: undefined,
      });
    });

    it('shows a production console request that waits for an approver', async () => {
      await renderVm(PROD_VM, {
        getVmConsoleAccess: async () => ({
          pendingTicket: aTicket({ id: 'ticket-vnc', operation: 'VNC_ACCESS' }),
        }),
      });

      expect(
        await screen.findByText(/console access waits for an approver/),
      ).toBeInTheDocument();
      expect(
        within(screen.getByText(/console access waits/)).getByRole('link'),
      ).toHaveAttribute('href', '/shepherd/requests/ticket-vnc');
      expect(
        screen.queryByRole('button', { name: REQUEST_CONSOLE_LABEL }),
      ).not.toBeInTheDocument();
    });

    it('offers the console only while the VM runs', async () => {
      await renderVm(aVm({ status: 'STOPPED' }));

      expect(
        await screen.findByRole('button', { name: REQUEST_CONSOLE_LABEL }),
      ).toBeDisabled();
    });

    it('is not shown to users without the console permission', async () => {
      const { api } = await renderVm(
        aVm(),
        {},
        {
          permissions: { deny: [shepherdVmConsolePermission] },
        },
      );
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      expect(screen.queryByText('Console')).not.toBeInTheDocument();
      expect(api.getVmConsoleAccess).not.toHaveBeenCalled();
    });
  });
});
