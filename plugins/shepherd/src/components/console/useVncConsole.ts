import {
  discoveryApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import {
  ConsoleEnd,
  ConsoleEndSeen,
  USER_DISCONNECTED_REASON,
  describeConsoleEnd,
} from './consoleEnd';
import { openConsoleSocket } from './consoleSocket';
import { keysymsOf } from './keysyms';
import { RfbClient, loadRfb } from './loadRfb';

/** Where a console session stands. */
export type ConsoleStatus =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected'; grantExpiresAt: string; desktopName?: string }
  | ConsoleEnd
  | { kind: 'failed'; error: Error };

export type VncConsole = {
  status: ConsoleStatus;
  viewOnly: boolean;
  setViewOnly: (viewOnly: boolean) => void;
  /** Asks for a session token, opens the relay's websocket and starts noVNC. */
  connect: () => void;
  /**
   * Connects with a take-over session, which ends the session someone else holds on the
   * console (the backend checks the take-over permission).
   */
  takeOver: () => void;
  disconnect: () => void;
  sendCtrlAltDel: () => void;
  /** Types a text into the VM key by key. */
  typeText: (text: string) => void;
};

type LiveSession = { rfb: RfbClient; seen: ConsoleEndSeen };

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * One VM's VNC console drawn into `screen`: a new single-use session token per connection,
 * the relay's websocket opened with it, and noVNC speaking RFB over that websocket. A
 * session ends when the user disconnects, the relay closes it (grant expired, idle, VM gone,
 * someone else holds the console) or the page is left.
 */
export function useVncConsole(
  vmId: string,
  screen: RefObject<HTMLElement>,
): VncConsole {
  const api = useApi(shepherdApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const identityApi = useApi(identityApiRef);
  const [status, setStatus] = useState<ConsoleStatus>({ kind: 'idle' });
  const [viewOnly, setViewOnlyState] = useState(false);
  const viewOnlyRef = useRef(viewOnly);
  const sessionRef = useRef<LiveSession | undefined>(undefined);
  // Each connection attempt has a number; answers of an older attempt are dropped.
  const attemptRef = useRef(0);

  const connect = useCallback(
    async (takeover: boolean) => {
      const attempt = ++attemptRef.current;
      const isCurrent = () => attempt === attemptRef.current;
      sessionRef.current?.rfb.disconnect();
      sessionRef.current = undefined;
      setStatus({ kind: 'connecting' });
      try {
        const session = takeover
          ? await api.createVmConsoleSession(vmId, { takeover: true })
          : await api.createVmConsoleSession(vmId);
        const Rfb = await loadRfb();
        if (!isCurrent()) return;
        const socket = await openConsoleSocket(
          { discoveryApi, identityApi },
          session,
        );
        const target = screen.current;
        if (!isCurrent() || !target) {
          socket.close();
          return;
        }
        const seen: ConsoleEndSeen = {
          userDisconnected: false,
          connected: false,
        };
        // Registered before noVNC's own handler, so the code is known when noVNC reports.
        socket.addEventListener('close', event => {
          seen.close = { code: event.code, reason: event.reason };
        });
        // Shared: asking the VNC server for exclusive use would drop another user's session.
        const rfb = new Rfb(target, socket, { shared: true });
        rfb.viewOnly = viewOnlyRef.current;
        rfb.scaleViewport = true;
        rfb.addEventListener('connect', () => {
          seen.connected = true;
          if (!isCurrent()) return;
          setStatus({
            kind: 'connected',
            grantExpiresAt: session.grantExpiresAt,
          });
          rfb.focus();
        });
        rfb.addEventListener('desktopname', event => {
          const name = (event as CustomEvent<{ name?: string }>).detail?.name;
          if (!isCurrent()) return;
          setStatus(current =>
            current.kind === 'connected' && name
              ? { ...current, desktopName: name }
              : current,
          );
        });
        rfb.addEventListener('securityfailure', event => {
          const detail = (
            event as CustomEvent<{ status?: number; reason?: string }>
          ).detail;
          seen.securityFailure = detail?.reason || `status ${detail?.status}`;
        });
        rfb.addEventListener('credentialsrequired', () => {
          seen.credentialsRequired = true;
          rfb.disconnect();
        });
        rfb.addEventListener('disconnect', () => {
          if (!isCurrent()) return;
          sessionRef.current = undefined;
          setStatus(describeConsoleEnd(seen));
        });
        sessionRef.current = { rfb, seen };
      } catch (error) {
        if (isCurrent()) {
          setStatus({ kind: 'failed', error: toError(error) });
        }
      }
    },
    [api, discoveryApi, identityApi, vmId, screen],
  );

  const disconnect = useCallback(() => {
    const session = sessionRef.current;
    if (session) {
      session.seen.userDisconnected = true;
      session.rfb.disconnect();
      return;
    }
    // Still asking for a token or loading noVNC: drop that attempt.
    attemptRef.current += 1;
    setStatus({ kind: 'disconnected', reason: USER_DISCONNECTED_REASON });
  }, []);

  const setViewOnly = useCallback((value: boolean) => {
    viewOnlyRef.current = value;
    setViewOnlyState(value);
    if (sessionRef.current) {
      sessionRef.current.rfb.viewOnly = value;
    }
  }, []);

  const sendCtrlAltDel = useCallback(() => {
    if (!viewOnlyRef.current) sessionRef.current?.rfb.sendCtrlAltDel();
  }, []);

  const typeText = useCallback((text: string) => {
    const rfb = sessionRef.current?.rfb;
    if (!rfb || viewOnlyRef.current) return;
    for (const keysym of keysymsOf(text)) {
      rfb.sendKey(keysym, null);
    }
    rfb.focus();
  }, []);

  // Leaving the page (or another VM) ends the session.
  useEffect(
    () => () => {
      attemptRef.current += 1;
      sessionRef.current?.rfb.disconnect();
      sessionRef.current = undefined;
    },
    [vmId],
  );

  return {
    status,
    viewOnly,
    setViewOnly,
    connect: () => void connect(false),
    takeOver: () => void connect(true),
    disconnect,
    sendCtrlAltDel,
    typeText,
  };
}
