import { discoveryApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import {
  CONSOLE_CLOSE_CODES,
  ConsoleGrant,
  ConsoleSession,
  ShepherdVm,
  consoleWebSocketProtocols,
  shepherdVmConsolePermission,
  shepherdVmConsoleTakeoverPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aTicket, aVm } from '../../__testUtils__/fixtures';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ERROR_CODE_LABEL } from '../common';
import {
  OPEN_CONSOLE_LABEL,
  REQUEST_CONSOLE_LABEL,
} from '../vms/ConsoleAccessCard';
import { VmsPage } from '../vms/VmsPage';
import {
  IN_USE_REASON,
  RELAY_UNREACHABLE_REASON,
  USER_DISCONNECTED_REASON,
} from './consoleEnd';
import {
  CONNECT_LABEL,
  CONSOLE_STATUS_LABELS,
  CTRL_ALT_DEL_LABEL,
  DISCONNECT_LABEL,
  IN_USE_TITLE,
  PASTE_LABEL,
  RECONNECT_LABEL,
  TAKE_OVER_LABEL,
  TYPE_TEXT_LABEL,
  VIEW_ONLY_LABEL,
} from './VncConsole';
import {
  CONSOLE_AWAITS_APPROVAL,
  CONSOLE_NEEDS_ACCESS,
  CONSOLE_NOT_PERMITTED,
} from './VmConsolePage';
import { refusing } from '../../__testUtils__/refusing';

/*
 * The console page with noVNC and the browser's WebSocket replaced by fakes that behave like
 * them: noVNC reports `disconnect` after its websocket closed, and the page's own close
 * listener runs first. The real websocket and noVNC are exercised by browser tests.
 */

/** A browser WebSocket that never connects anywhere; tests close it as the relay would. */
class FakeWebSocket extends EventTarget {
  static readonly opened: FakeWebSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  constructor(readonly url: string, readonly protocols: string[]) {
    super();
    FakeWebSocket.opened.push(this);
  }
  close(code = 1000, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event('close'), { code, reason }));
  }
}

/** noVNC's RFB client as the page uses it. */
class MockRfb extends EventTarget {
  static readonly created: MockRfb[] = [];
  viewOnly = false;
  scaleViewport = false;
  readonly disconnect = jest.fn(() => this.socket.close(1000));
  readonly sendCtrlAltDel = jest.fn();
  readonly sendKey = jest.fn();
  readonly focus = jest.fn();
  constructor(
    readonly target: HTMLElement,
    readonly socket: FakeWebSocket,
    readonly options: { shared?: boolean },
  ) {
    super();
    MockRfb.created.push(this);
    socket.addEventListener('close', () =>
      this.dispatchEvent(new CustomEvent('disconnect', { detail: {} })),
    );
  }
  /** The VNC handshake completed. */
  handshake() {
    act(() => {
      this.dispatchEvent(new CustomEvent('connect'));
    });
  }
}

jest.mock('@novnc/novnc', () => ({ __esModule: true, default: MockRfb }));

const RUNNING_VM = aVm({ id: 'vm-1', name: 'dev-payments-api-01' });
const PROD_VM = aVm({
  id: 'vm-9',
  name: 'prod-payments-api-01',
  namespace: 'prod',
  environment: 'prod',
});
const BACKSTAGE_TOKEN = 'backstage-user-token';
const SESSION_TOKEN = 'sealed-session-token';

function aGrant(vm: ShepherdVm = RUNNING_VM): ConsoleGrant {
  return {
    id: 'grant-1',
    vmId: vm.id,
    userRef: 'user:default/engineer-test',
    grantedBy: 'user:default/engineer-test',
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    createdAt: new Date().toISOString(),
  };
}

function aSession(vm: ShepherdVm = RUNNING_VM): ConsoleSession {
  return {
    token: SESSION_TOKEN,
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    grantExpiresAt: aGrant(vm).expiresAt,
    websocketPath: `/v1/vms/${vm.id}/console/stream`,
  };
}

function renderConsole(
  vm: ShepherdVm,
  stubs: Partial<ShepherdApi> = {},
  options: Pick<RenderShepherdOptions, 'permissions'> & {
    backstageToken?: string | null;
    route?: string;
  } = {},
) {
  const token =
    options.backstageToken === null
      ? undefined
      : options.backstageToken ?? BACKSTAGE_TOKEN;
  return renderShepherd(
    <TestApiProvider
      apis={[
        [
          discoveryApiRef,
          mockApis.discovery({ baseUrl: 'https://portal.test' }),
        ],
        [identityApiRef, mockApis.identity({ token })],
      ]}
    >
      <VmsPage />
    </TestApiProvider>,
    {
      api: {
        getVm: async () => vm,
        getVmConsoleAccess: async () => ({ grant: aGrant(vm) }),
        createVmConsoleSession: async () => aSession(vm),
        ...stubs,
      },
      permissions: options.permissions,
      path: '/shepherd/vms/*',
      route: options.route ?? `/shepherd/vms/${vm.id}/console`,
    },
  );
}

const button = (name: string) => screen.getByRole('button', { name });
const statusLine = () => screen.getByRole('status');

/** Opens the console and waits for noVNC to be started on the relay's websocket. */
async function connect(): Promise<MockRfb> {
  const created = MockRfb.created.length;
  await userEvent.click(
    await screen.findByRole('button', { name: CONNECT_LABEL }),
  );
  await waitFor(() => expect(MockRfb.created).toHaveLength(created + 1));
  return MockRfb.created[created];
}

describe('console page', () => {
  const realWebSocket = global.WebSocket;
  beforeEach(() => {
    FakeWebSocket.opened.length = 0;
    MockRfb.created.length = 0;
    global.WebSocket = FakeWebSocket as unknown as typeof WebSocket;
  });
  afterEach(() => {
    global.WebSocket = realWebSocket;
  });

  it('is reached from the VM page once console access is granted', async () => {
    await renderConsole(
      RUNNING_VM,
      {
        listTickets: async () => aPage([]),
        getVmHistory: async () => aPage([]),
      },
      { route: '/shepherd/vms/vm-1' },
    );

    const openConsole = await screen.findByRole('button', {
      name: OPEN_CONSOLE_LABEL,
    });
    expect(openConsole).toHaveAttribute('href', '/shepherd/vms/vm-1/console');
    await userEvent.click(openConsole);

    expect(
      await screen.findByRole('heading', {
        name: 'Console of dev-payments-api-01',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: OPEN_CONSOLE_LABEL }),
    ).not.toBeInTheDocument();
    expect(button(CONNECT_LABEL)).toBeEnabled();
    // noVNC is loaded when a console is opened, not with the page.
    expect(MockRfb.created).toHaveLength(0);
  });

  describe('access', () => {
    it('asks for access first, and offers the console once it is granted', async () => {
      const grant = aGrant();
      const access = jest
        .fn()
        .mockResolvedValueOnce({})
        .mockResolvedValue({ grant });
      const { api } = await renderConsole(RUNNING_VM, {
        getVmConsoleAccess: access,
        requestVmConsole: async () => ({ status: 'ACCEPTED', grant }),
      });

      expect(await screen.findByText(CONSOLE_NEEDS_ACCESS)).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: CONNECT_LABEL }),
      ).not.toBeInTheDocument();

      await userEvent.click(button(REQUEST_CONSOLE_LABEL));
      const dialog = await screen.findByRole('dialog');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Grant access' }),
      );

      expect(
        await screen.findByRole('button', { name: CONNECT_LABEL }),
      ).toBeEnabled();
      expect(screen.queryByText(CONSOLE_NEEDS_ACCESS)).not.toBeInTheDocument();
      expect(api.requestVmConsole).toHaveBeenCalledWith('vm-1', {
        minutes: 60,
        reason: undefined,
      });
      expect(api.createVmConsoleSession).not.toHaveBeenCalled();
    });

    it('waits for an approver of a production console request', async () => {
      await renderConsole(PROD_VM, {
        getVmConsoleAccess: async () => ({
          pendingTicket: aTicket({ id: 'ticket-7', operation: 'VNC_ACCESS' }),
        }),
      });

      expect(
        await screen.findByText(/console access waits for an approver/),
      ).toBeInTheDocument();
      expect(screen.getByText(CONSOLE_AWAITS_APPROVAL)).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: CONNECT_LABEL }),
      ).not.toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: REQUEST_CONSOLE_LABEL }),
      ).not.toBeInTheDocument();
    });

    it('tells users without the console permission, and asks nothing', async () => {
      const { api } = await renderConsole(
        RUNNING_VM,
        {},
        { permissions: { deny: [shepherdVmConsolePermission] } },
      );

      expect(
        await screen.findByText(CONSOLE_NOT_PERMITTED),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: CONNECT_LABEL }),
      ).not.toBeInTheDocument();
      expect(api.getVmConsoleAccess).not.toHaveBeenCalled();
      expect(api.createVmConsoleSession).not.toHaveBeenCalled();
    });

    it('offers no console while the VM does not run', async () => {
      await renderConsole(aVm({ id: 'vm-1', status: 'STOPPED' }));

      expect(
        await screen.findByText(
          'The console is only available while the VM runs; it is STOPPED',
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: CONNECT_LABEL }),
      ).not.toBeInTheDocument();
    });
  });

  describe('session', () => {
    it('opens the relay with the session and the user tokens as subprotocols, never in the URL', async () => {
      const { api } = await renderConsole(RUNNING_VM);

      const rfb = await connect();

      expect(api.createVmConsoleSession).toHaveBeenCalledWith('vm-1');
      expect(FakeWebSocket.opened).toHaveLength(1);
      const [socket] = FakeWebSocket.opened;
      expect(socket.url).toBe(
        'wss://portal.test/api/shepherd/v1/vms/vm-1/console/stream',
      );
      expect(socket.protocols).toEqual(
        consoleWebSocketProtocols(SESSION_TOKEN, BACKSTAGE_TOKEN),
      );
      expect(socket.protocols[0]).toBe('shepherd.console.v1');
      expect(socket.url).not.toContain(SESSION_TOKEN);
      expect(socket.url).not.toContain('?');
      expect(rfb.socket).toBe(socket);
      expect(rfb.options).toEqual({ shared: true });
      expect(rfb.scaleViewport).toBe(true);
      expect(rfb.target).toBe(screen.getByTestId('shepherd-console-screen'));
      // Until the VNC handshake completes, the console is connecting.
      expect(statusLine()).toHaveTextContent(CONSOLE_STATUS_LABELS.connecting);
      expect(button(CTRL_ALT_DEL_LABEL)).toBeDisabled();
    });

    it('is connected after the handshake: Ctrl+Alt+Del, typing a text, view only, disconnect', async () => {
      await renderConsole(RUNNING_VM);
      const rfb = await connect();

      rfb.handshake();

      expect(statusLine()).toHaveTextContent(CONSOLE_STATUS_LABELS.connected);
      expect(screen.getByText(/Your access ends/)).toBeInTheDocument();
      expect(rfb.focus).toHaveBeenCalled();

      await userEvent.click(button(CTRL_ALT_DEL_LABEL));
      expect(rfb.sendCtrlAltDel).toHaveBeenCalledTimes(1);

      await userEvent.type(screen.getByLabelText(PASTE_LABEL), 'ls é');
      await userEvent.click(button(TYPE_TEXT_LABEL));
      expect(rfb.sendKey.mock.calls).toEqual([
        [0x6c, null],
        [0x73, null],
        [0x20, null],
        [0xe9, null],
      ]);
      expect(screen.getByLabelText(PASTE_LABEL)).toHaveValue('');

      await userEvent.click(screen.getByLabelText(VIEW_ONLY_LABEL));
      expect(rfb.viewOnly).toBe(true);
      expect(button(CTRL_ALT_DEL_LABEL)).toBeDisabled();
      expect(screen.getByLabelText(PASTE_LABEL)).toBeDisabled();

      await userEvent.click(button(DISCONNECT_LABEL));
      expect(rfb.disconnect).toHaveBeenCalled();
      expect(statusLine()).toHaveTextContent(
        CONSOLE_STATUS_LABELS.disconnected,
      );
      expect(screen.getByText(USER_DISCONNECTED_REASON)).toBeInTheDocument();
      expect(button(RECONNECT_LABEL)).toBeEnabled();
    });

    it('starts in view only when it was chosen before connecting', async () => {
      await renderConsole(RUNNING_VM);
      await userEvent.click(await screen.findByLabelText(VIEW_ONLY_LABEL));

      const rfb = await connect();

      expect(rfb.viewOnly).toBe(true);
    });

    it('tells why the relay ended the session, and reconnects with a new token', async () => {
      const { api } = await renderConsole(RUNNING_VM);
      const rfb = await connect();
      rfb.handshake();

      act(() =>
        rfb.socket.close(
          CONSOLE_CLOSE_CODES.grantExpired,
          'The console grant has expired',
        ),
      );

      expect(statusLine()).toHaveTextContent(
        CONSOLE_STATUS_LABELS.disconnected,
      );
      expect(
        screen.getByText(/The console grant has expired/),
      ).toHaveTextContent(
        `The console grant has expired (close code ${CONSOLE_CLOSE_CODES.grantExpired})`,
      );

      await userEvent.click(button(RECONNECT_LABEL));
      await waitFor(() => expect(MockRfb.created).toHaveLength(2));
      expect(api.createVmConsoleSession).toHaveBeenCalledTimes(2);
      expect(FakeWebSocket.opened).toHaveLength(2);
    });

    it('tells that the relay refused or could not be reached when the websocket never opened', async () => {
      await renderConsole(RUNNING_VM);
      const rfb = await connect();

      act(() => rfb.socket.close(1006));

      expect(
        screen.getByText(new RegExp(RELAY_UNREACHABLE_REASON.slice(0, 40))),
      ).toHaveTextContent('close code 1006');
    });

    it('says when someone else holds the console, and offers no take-over without its permission', async () => {
      await renderConsole(
        RUNNING_VM,
        {},
        { permissions: { deny: [shepherdVmConsoleTakeoverPermission] } },
      );
      const rfb = await connect();

      act(() =>
        rfb.socket.close(
          CONSOLE_CLOSE_CODES.sessionInUse,
          'The console of dev-payments-api-01 is in use by another session',
        ),
      );

      expect(statusLine()).toHaveTextContent(CONSOLE_STATUS_LABELS.inUse);
      expect(screen.getByText(IN_USE_TITLE)).toBeInTheDocument();
      expect(
        screen.getByText(
          'The console of dev-payments-api-01 is in use by another session',
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: TAKE_OVER_LABEL }),
      ).not.toBeInTheDocument();
      expect(button(RECONNECT_LABEL)).toBeEnabled();
    });

    it('offers a take-over to users who may, which asks for a take-over session and connects', async () => {
      const { api } = await renderConsole(RUNNING_VM);
      const rfb = await connect();
      // Only an "in use" end offers it.
      expect(
        screen.queryByRole('button', { name: TAKE_OVER_LABEL }),
      ).not.toBeInTheDocument();

      act(() => rfb.socket.close(CONSOLE_CLOSE_CODES.sessionInUse));
      await userEvent.click(
        await screen.findByRole('button', { name: TAKE_OVER_LABEL }),
      );

      await waitFor(() => expect(MockRfb.created).toHaveLength(2));
      expect(api.createVmConsoleSession).toHaveBeenLastCalledWith('vm-1', {
        takeover: true,
      });
      expect(FakeWebSocket.opened).toHaveLength(2);
      expect(MockRfb.created[1].socket).toBe(FakeWebSocket.opened[1]);
      MockRfb.created[1].handshake();
      expect(statusLine()).toHaveTextContent(CONSOLE_STATUS_LABELS.connected);
      expect(
        screen.queryByRole('button', { name: TAKE_OVER_LABEL }),
      ).not.toBeInTheDocument();
    });

    it('says the console is in use when the relay gave no reason', async () => {
      await renderConsole(RUNNING_VM);
      const rfb = await connect();

      act(() => rfb.socket.close(CONSOLE_CLOSE_CODES.sessionInUse));

      expect(screen.getByText(IN_USE_REASON)).toBeInTheDocument();
    });

    it('shows the backend’s error code and message when no session could be prepared', async () => {
      await renderConsole(RUNNING_VM, {
        createVmConsoleSession: refusing({
          message:
            'You have no console access to dev-payments-api-01: request it first',
          code: 'CONSOLE_GRANT_REQUIRED',
          status: 403,
        }),
      });

      await userEvent.click(
        await screen.findByRole('button', { name: CONNECT_LABEL }),
      );

      expect(
        await screen.findByText('Could not open the console'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(
          'You have no console access to dev-payments-api-01: request it first',
        ),
      ).toBeInTheDocument();
      expect(screen.getByText(new RegExp(ERROR_CODE_LABEL))).toHaveTextContent(
        'CONSOLE_GRANT_REQUIRED',
      );
      expect(statusLine()).toHaveTextContent(CONSOLE_STATUS_LABELS.failed);
      expect(FakeWebSocket.opened).toHaveLength(0);
      expect(button(RECONNECT_LABEL)).toBeEnabled();
    });

    it('asks a guest without a Backstage token to sign in, and opens no websocket', async () => {
      await renderConsole(RUNNING_VM, {}, { backstageToken: null });

      await userEvent.click(
        await screen.findByRole('button', { name: CONNECT_LABEL }),
      );

      expect(
        await screen.findByText(/Sign in to open the console/),
      ).toBeInTheDocument();
      expect(FakeWebSocket.opened).toHaveLength(0);
    });

    it('ends the session when the page is left', async () => {
      const { unmount } = await renderConsole(RUNNING_VM);
      const rfb = await connect();
      rfb.handshake();

      unmount();

      expect(rfb.disconnect).toHaveBeenCalled();
    });
  });
});
