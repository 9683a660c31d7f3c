import {
  SHEPHERD_SIGNAL_CHANNELS,
  ShepherdTicket,
  ShepherdVm,
  VmHistoryEntry,
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
  aVmHistoryEntry,
  anInstanceSize,
  aTemplate,
} from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { SUBMITTED_FOR_APPROVAL } from '../../labels';
import {
  EXISTING_REQUEST_LINK,
  POLL_INITIAL_INTERVAL_MS,
  POLL_MAX_INTERVAL_MS,
  TYPE_NAME_LABEL,
} from '../common';
import { REQUEST_CONSOLE_LABEL } from './ConsoleAccessCard';
import { DELETE_LABEL } from './DeleteVmDialog';
import { ALL_VMS_LABEL, VM_DELETED_TITLE } from './VmDeletedNotice';
import {
  AUDIT_TRAIL_LINK,
  STATUS_HISTORY_TITLE,
  VM_HISTORY_LIMIT,
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
      getVmHistory: async () => aPage([]),
      ...stubs,
    },
    path: '/shepherd/vms/*',
    route: `/shepherd/vms/${vm.id}`,
    ...options,
  });
}

const button = (name: string) => screen.getByRole('button', { name });
/** The explanation a disabled button shows on hover. */
async function reasonOf(name: string) {
  await userEvent.hover(button(name).parentElement as HTMLElement);
  return (await screen.findByRole('tooltip')).textContent;
}
const VM_NOT_FOUND = {
  message: 'VM was not found',
  code: 'NOT_FOUND' as const,
  status: 404,
};
const DELETE_TICKET = aTicket({
  id: 'ticket-delete',
  operation: 'DELETE',
  status: 'PENDING',
  vmId: 'vm-1',
  vmName: 'dev-payments-api-01',
  createdAt: '2026-11-23T10:30:00.000Z',
  updatedAt: '2026-11-23T10:30:00.000Z',
});
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
    expect(await screen.findByText('Ubuntu 24.04')).toHaveAttribute(
      'title',
      'tpl-ubuntu',
    );
    expect(screen.getByText('Small')).toHaveAttribute('title', 'size-small');
    const createdBy = screen
      .getAllByRole('row')
      .find(row =>
        /^created by request$/i.test(row.firstElementChild?.textContent ?? ''),
      );
    expect(
      within(createdBy as HTMLElement).getByRole('link', {
        name: 'New VM for payments/api in dev',
      }),
    ).toHaveAttribute('href', '/shepherd/requests/ticket-create');
    // People read names; ids stay in tooltips.
    expect(
      screen.queryByText(/ticket-create|tpl-ubuntu|size-small/),
    ).not.toBeInTheDocument();
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

    const requestLinks = await screen.findAllByRole('link', {
      name: 'New VM for payments/api in dev',
    });
    // The placement card names the creation request too; the requests table has headers.
    const table = requestLinks
      .map(link => link.closest('table'))
      .find(candidate => candidate?.querySelector('th')) as HTMLElement;
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
    const DIRECT_RESTART = aVmHistoryEntry({
      id: 'audit-restart',
      action: 'vm.restart',
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
          getVmHistory: async () =>
            aPage([
              DIRECT_RESTART,
              // An entry of a request: its steps come from the request.
              aVmHistoryEntry({
                action: 'vm.request',
                ticketId: 'ticket-create',
              }),
            ]),
        },
      );

      await waitFor(() => expect(steps()).toHaveLength(7));
      expect(steps()).toEqual([
        expect.stringMatching(/^Status STOPPED/),
        expect.stringMatching(/^Restart requested/),
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
      expect(api.getVmHistory).toHaveBeenCalledWith('vm-1', {
        limit: VM_HISTORY_LIMIT,
      });
    });

    it('shows only the step a request stands at as under way, and no decision of a withdrawn request', async () => {
      const resize = aTicket({
        id: 'ticket-resize',
        operation: 'MODIFY',
        status: 'EXECUTING',
        vmId: 'vm-1',
        vmName: 'dev-payments-api-01',
        approver: 'user:default/approver',
        createdAt: '2026-11-23T10:20:00.000Z',
        decidedAt: '2026-11-23T10:25:00.000Z',
        updatedAt: '2026-11-23T10:25:00.000Z',
      });
      const withdrawnStop = aTicket({
        id: 'ticket-stop',
        operation: 'POWER',
        powerAction: 'stop',
        status: 'CANCELLED',
        vmId: 'vm-1',
        vmName: 'dev-payments-api-01',
        createdAt: '2026-11-23T10:10:00.000Z',
        // The API records the withdrawal's time here.
        decidedAt: '2026-11-23T10:12:00.000Z',
        updatedAt: '2026-11-23T10:12:00.000Z',
      });
      await renderVm(aVm({ updatedAt: '2026-11-23T10:40:00.000Z' }), {
        listTickets: async () =>
          aPage([resize, withdrawnStop, CREATION_TICKET]),
      });

      await waitFor(() => expect(steps()).toHaveLength(8));
      const step = (title: string) =>
        within(history())
          .getAllByRole('listitem')
          .find(item => item.textContent?.startsWith(title)) as HTMLElement;
      const tone = (title: string) =>
        step(title)
          .querySelector('[data-status-tone]')
          ?.getAttribute('data-status-tone');
      expect(step('Approved: Resize dev-payments-api-01')).toHaveTextContent(
        'EXECUTING',
      );
      expect(tone('Approved: Resize dev-payments-api-01')).toBe('running');
      expect(tone('Requested: Resize dev-payments-api-01')).toBe('ok');
      expect(tone('Approved: New VM for payments/api in dev')).toBe('ok');
      expect(step('Approved: Stop dev-payments-api-01')).toBeUndefined();
      expect(step('Stop dev-payments-api-01: withdrawn')).toHaveTextContent(
        'engineer-test',
      );
    });

    it('tells the power actions that needed no approval, and how they ended', async () => {
      const direct = (
        id: string,
        action: string,
        at: string,
        overrides: Partial<VmHistoryEntry> = {},
      ) => aVmHistoryEntry({ id, action, createdAt: at, ...overrides });
      await renderVm(
        aVm({ status: 'STOPPED', updatedAt: '2026-11-23T10:50:00.000Z' }),
        {
          listTickets: async () => aPage([]),
          getVmHistory: async () =>
            aPage([
              direct('a-4', 'execution.completed', '2026-11-23T10:45:00.000Z', {
                actor: 'service:shepherd',
                details: { action: 'stop' },
              }),
              direct('a-3', 'vm.stop', '2026-11-23T10:44:00.000Z', {
                details: { reason: 'Save costs' },
              }),
              direct('a-2', 'execution.failed', '2026-11-23T10:31:00.000Z', {
                actor: 'service:shepherd',
                outcome: 'failure',
                details: { error: 'The VM failed on the cluster: no node' },
              }),
              direct('a-1', 'vm.start', '2026-11-23T10:30:00.000Z'),
            ]),
        },
      );

      await waitFor(() => expect(steps()).toHaveLength(5));
      expect(steps()).toEqual([
        expect.stringMatching(/^Status STOPPED/),
        expect.stringMatching(/^Stop: done/),
        expect.stringMatching(/^Stop requested.*engineer-test.*Save costs/),
        expect.stringMatching(
          /^Action: failed.*The VM failed on the cluster: no node/,
        ),
        expect.stringMatching(/^Start requested.*engineer-test/),
      ]);
    });

    it('tells users who may not read the audit log what was done, without a link to it', async () => {
      await renderVm(
        aVm({ updatedAt: '2026-11-23T10:50:00.000Z' }),
        {
          getVmHistory: async () =>
            aPage([
              aVmHistoryEntry({
                id: 'a-1',
                action: 'vm.stop',
                createdAt: '2026-11-23T10:40:00.000Z',
              }),
            ]),
        },
        {
          permissions: { deny: [shepherdAuditReadPermission] },
        },
      );

      await waitFor(() => expect(steps()).toHaveLength(5));
      expect(steps()[1]).toMatch(/^Stop requested.*engineer-test/);
      expect(
        screen.queryByRole('link', { name: AUDIT_TRAIL_LINK }),
      ).not.toBeInTheDocument();
    });

    it("shows why the VM's recorded actions or requests could not be loaded, with the code", async () => {
      await renderVm(aVm(), {
        getVmHistory: refusing({
          message: 'The history is unavailable',
          code: 'NOT_FOUND',
          status: 404,
        }),
        listTickets: refusing({
          message: 'Tickets are unavailable',
          code: 'VALIDATION_FAILED',
          status: 400,
        }),
      });

      expect(
        await screen.findByText('Could not load what was done to the VM'),
      ).toBeInTheDocument();
      expect(screen.getByText('NOT_FOUND')).toBeInTheDocument();
      expect(
        screen.getByText("Could not load the VM's requests"),
      ).toBeInTheDocument();
      expect(screen.getByText('VALIDATION_FAILED')).toBeInTheDocument();
      // The current status is known without them.
      expect(steps()).toEqual([expect.stringMatching(/^Status RUNNING/)]);
    });
  });

  describe('once the VM is gone', () => {
    it('says it was deleted, by which request, and offers nothing more to do', async () => {
      const signals = new FakeSignalApi();
      let deletion: ShepherdTicket | undefined;
      let deleted = false;
      const { api } = await renderVm(
        aVm(),
        {
          getVm: async () => {
            if (deleted) throw new ShepherdApiError(VM_NOT_FOUND);
            return aVm();
          },
          listTickets: async () =>
            aPage(deletion ? [deletion, CREATION_TICKET] : [CREATION_TICKET]),
          requestVmDeletion: async () => {
            deletion = DELETE_TICKET;
            return {
              ticketId: 'ticket-delete',
              eventId: 'e',
              status: 'PENDING',
            };
          },
        },
        { signals },
      );
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });
      await userEvent.click(
        await screen.findByRole('button', { name: DELETE_LABEL }),
      );
      const dialog = await screen.findByRole('dialog');
      await userEvent.click(within(dialog).getByRole('checkbox'));
      await userEvent.click(
        within(dialog).getByRole('button', { name: DELETE_LABEL }),
      );
      expect(
        await screen.findByText(new RegExp(SUBMITTED_FOR_APPROVAL)),
      ).toBeInTheDocument();
      await waitFor(() => expect(api.listTickets).toHaveBeenCalledTimes(2));
      const callsBefore = (api.getVm as jest.Mock).mock.calls.length;

      // Approved and carried out elsewhere: the record goes with the VM.
      deleted = true;
      deletion = {
        ...DELETE_TICKET,
        status: 'SUCCESS',
        decidedAt: '2026-11-23T10:35:00.000Z',
      };
      await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
        changes: [{ id: 'vm-1', change: 'removed' }],
      });

      expect(await screen.findByText(VM_DELETED_TITLE)).toBeInTheDocument();
      const notice = screen.getByText(VM_DELETED_TITLE)
        .parentElement as HTMLElement;
      await waitFor(() =>
        expect(
          within(notice).getByRole('link', {
            name: 'Delete dev-payments-api-01',
          }),
        ).toHaveAttribute('href', '/shepherd/requests/ticket-delete'),
      );
      expect(
        within(notice).getByRole('link', { name: ALL_VMS_LABEL }),
      ).toHaveAttribute('href', '/shepherd/vms');
      // No status of a VM that is no more, no actions, no error, no stale note.
      expect(screen.queryByText('RUNNING')).not.toBeInTheDocument();
      expect(screen.queryByRole('button')).not.toBeInTheDocument();
      expect(
        screen.queryByText('Could not refresh the VM'),
      ).not.toBeInTheDocument();
      expect(
        screen.queryByText(new RegExp(SUBMITTED_FOR_APPROVAL)),
      ).not.toBeInTheDocument();
      // Its requests are kept.
      expect(
        screen.getByRole('link', { name: 'New VM for payments/api in dev' }),
      ).toBeInTheDocument();
      expect(api.getVm).toHaveBeenCalledTimes(callsBefore + 1);
    });

    it('stops asking for a VM that was deleted while the page followed it', async () => {
      jest.useFakeTimers();
      const vms: Array<ShepherdVm | undefined> = [
        aVm({ status: 'DELETING', updatedAt: '2026-11-23T10:35:00.000Z' }),
      ];
      const { api } = await renderVm(aVm(), {
        getVm: async () => {
          const vm = vms.shift();
          if (!vm) throw new ShepherdApiError(VM_NOT_FOUND);
          return vm;
        },
        listTickets: async () =>
          aPage([
            {
              ...DELETE_TICKET,
              status: vms.length > 0 ? 'EXECUTING' : 'SUCCESS',
            },
          ]),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await act(() => jest.advanceTimersByTimeAsync(POLL_INITIAL_INTERVAL_MS));
      expect(await screen.findByText(VM_DELETED_TITLE)).toBeInTheDocument();
      const calls = (api.getVm as jest.Mock).mock.calls.length;

      await act(() => jest.advanceTimersByTimeAsync(POLL_MAX_INTERVAL_MS * 4));
      expect(api.getVm).toHaveBeenCalledTimes(calls);
      expect(screen.queryByText('DELETING')).not.toBeInTheDocument();
    });

    it('calls a VM deleted by a known request deleted when the page opens after it', async () => {
      await renderVm(aVm(), {
        getVm: refusing(VM_NOT_FOUND),
        listTickets: async () =>
          aPage([{ ...DELETE_TICKET, status: 'SUCCESS' }]),
      });

      expect(await screen.findByText(VM_DELETED_TITLE)).toBeInTheDocument();
      expect(
        screen.getByRole('heading', { name: 'dev-payments-api-01' }),
      ).toBeInTheDocument();
    });

    it('shows the 404 of a VM it knows no deletion of', async () => {
      await renderVm(aVm(), {
        getVm: refusing(VM_NOT_FOUND),
        listTickets: async () => aPage([]),
      });

      expect(
        await screen.findByText('Could not load the VM'),
      ).toBeInTheDocument();
      expect(screen.getByText('NOT_FOUND')).toBeInTheDocument();
      expect(screen.queryByText(VM_DELETED_TITLE)).not.toBeInTheDocument();
    });
  });

  describe('requests under way', () => {
    it('holds a second deletion back while one is pending, naming it', async () => {
      await renderVm(aVm(), {
        listTickets: async () => aPage([DELETE_TICKET, CREATION_TICKET]),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await waitFor(() => expect(button(DELETE_LABEL)).toBeDisabled());
      expect(await reasonOf(DELETE_LABEL)).toBe(
        'Request “Delete dev-payments-api-01” is waiting for an approver: this waits until it has ended',
      );
      const note = screen.getByText(/actions that would collide with it/);
      expect(note).toHaveTextContent(
        'Request Delete dev-payments-api-01 is waiting for an approver',
      );
      expect(
        within(note).getByRole('link', { name: 'Delete dev-payments-api-01' }),
      ).toHaveAttribute('href', '/shepherd/requests/ticket-delete');
      // A pending deletion does not hold the VM: it may still be stopped or resized.
      expect(button('Stop')).toBeEnabled();
      expect(button('Resize')).toBeEnabled();
    });

    it('holds every change back while a request is carried out on the VM', async () => {
      const resize = aTicket({
        id: 'ticket-resize',
        operation: 'MODIFY',
        status: 'EXECUTING',
        vmId: 'vm-1',
        vmName: 'dev-payments-api-01',
      });
      await renderVm(aVm(), {
        listTickets: async () => aPage([resize, CREATION_TICKET]),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await waitFor(() => expect(button(DELETE_LABEL)).toBeDisabled());
      expect(button('Stop')).toBeDisabled();
      expect(button('Restart')).toBeDisabled();
      expect(button('Resize')).toBeDisabled();
      expect(await reasonOf('Stop')).toBe(
        'Request “Resize dev-payments-api-01” is being carried out: this waits until it has ended',
      );
    });

    it('drops the note of a submitted request once the request has ended', async () => {
      const signals = new FakeSignalApi();
      let tickets = [CREATION_TICKET];
      await renderVm(
        PROD_VM,
        {
          listTickets: async () => aPage(tickets),
          requestVmPower: async () => ({
            status: 'PENDING_APPROVAL',
            ticketId: 'ticket-power',
            eventId: 'e-2',
          }),
        },
        { signals },
      );
      await screen.findByRole('heading', { name: PROD_VM.name });
      await userEvent.click(button('Restart'));
      await userEvent.click(
        within(await screen.findByRole('dialog')).getByRole('button', {
          name: 'Submit for approval',
        }),
      );
      expect(
        await screen.findByText(new RegExp(SUBMITTED_FOR_APPROVAL)),
      ).toBeInTheDocument();

      tickets = [
        aTicket({
          id: 'ticket-power',
          operation: 'POWER',
          powerAction: 'restart',
          status: 'REJECTED',
          vmId: PROD_VM.id,
          vmName: PROD_VM.name,
        }),
        CREATION_TICKET,
      ];
      await signals.signal(SHEPHERD_SIGNAL_CHANNELS.tickets, {
        changes: [{ id: 'ticket-power', vmId: PROD_VM.id }],
      });

      await waitFor(() =>
        expect(
          screen.queryByText(new RegExp(SUBMITTED_FOR_APPROVAL)),
        ).not.toBeInTheDocument(),
      );
      expect(
        await screen.findByRole('link', { name: `Restart ${PROD_VM.name}` }),
      ).toBeInTheDocument();
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

    it('says so when a start joined the one already under way', async () => {
      await renderVm(aVm({ status: 'STOPPED' }), {
        requestVmPower: async () => ({
          status: 'ACCEPTED',
          eventId: 'e-1',
          joined: true,
        }),
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await userEvent.click(button('Start'));

      expect(
        await screen.findByText(
          /Start already under way: your request joined it, and it runs once\./,
        ),
      ).toBeInTheDocument();
    });

    it("shows a rate limit's refusal in the backend's words, with its code and status", async () => {
      await renderVm(aVm({ status: 'STOPPED' }), {
        requestVmPower: async () => {
          throw new ShepherdApiError({
            message:
              'Too many power actions: at most 60 every 60 seconds per user. Try again in 12 seconds.',
            code: 'RATE_LIMITED',
            status: 429,
            statusText: 'Too Many Requests',
            details: { retryAfterSeconds: 12, limit: 60, windowSeconds: 60 },
          });
        },
      });
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });

      await userEvent.click(button('Start'));

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(
        /The VM was not started.*Too many power actions: at most 60 every 60 seconds per user\. Try again in 12 seconds\..*RATE_LIMITED.*HTTP 429 Too Many Requests/,
      );
    });

    it('drops the note of an accepted stop once the VM has stopped', async () => {
      const signals = new FakeSignalApi();
      let current = aVm();
      await renderVm(
        current,
        {
          getVm: async () => current,
          requestVmPower: async () => ({ status: 'ACCEPTED', eventId: 'e-1' }),
        },
        { signals },
      );
      await screen.findByRole('heading', { name: 'dev-payments-api-01' });
      await userEvent.click(button('Stop'));
      await userEvent.click(
        within(await screen.findByRole('dialog')).getByRole('button', {
          name: 'Stop',
        }),
      );
      expect(await screen.findByText(/Stop accepted/)).toBeInTheDocument();

      const changed = async (vm: ShepherdVm) => {
        current = vm;
        await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
          changes: [{ id: vm.id, change: 'upserted' }],
        });
        await waitFor(() => expect(vmStatus()).toHaveTextContent(vm.status));
      };
      // On its way, the note stays.
      await changed(
        aVm({ status: 'STOPPING', updatedAt: '2026-11-23T11:00:00.000Z' }),
      );
      expect(screen.getByText(/Stop accepted/)).toBeInTheDocument();
      await changed(
        aVm({ status: 'STOPPED', updatedAt: '2026-11-23T11:00:05.000Z' }),
      );
      expect(screen.queryByText(/Stop accepted/)).not.toBeInTheDocument();
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
        within(dialog).getByRole('link', { name: EXISTING_REQUEST_LINK }),
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
