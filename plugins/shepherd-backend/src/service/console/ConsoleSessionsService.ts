import {
  ConsoleGrant,
  ConsoleSession,
  CreateVmConsoleSessionRequest,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdVmRef,
  ShepherdVncStream,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { Actor } from '../Actor';

/** The requester's side of consoles: preparing a session for the relay. */
export interface ConsoleSessionsService {
  /**
   * Checks that the caller may open the VM's console now (permission, visibility, the VM
   * runs, an active grant) and answers a sealed single-use token for the relay. A take-over
   * also needs the take-over permission, and is sealed into the token.
   */
  createSession(
    actor: Actor,
    vmId: string,
    request?: CreateVmConsoleSessionRequest,
  ): Promise<ConsoleSession>;
}

/** A console session whose token was accepted and used up: the relay may open it. */
export interface AdmittedConsoleSession {
  /** The token's id, which also names the session in the audit log. */
  sessionId: string;
  userRef: string;
  vm: ShepherdVm;
  grant: ConsoleGrant;
  /** The relay takes the console over from a session someone else holds. */
  takeover: boolean;
}

/** How the relay opens a VM's VNC stream. */
export interface ConsoleStreamOptions {
  /**
   * Leave a session someone else holds alone (the stream is refused) rather than take the
   * console over from it.
   */
  preserveSession: boolean;
}

/** Opens the VNC stream of a VM on its cluster; the relay's only way to a cluster. */
export interface ConsoleStreamOpener {
  open(
    clusterId: string,
    vm: ShepherdVmRef,
    options: ConsoleStreamOptions,
  ): Promise<ShepherdVncStream>;
}

/** How a relayed session ended, for the audit log. */
export interface ConsoleSessionEnd {
  /** Why it ended, e.g. `grant expired` or the VNC server's reason. */
  reason: string;
  durationMs: number;
  /** Bytes from the browser to the VM's VNC server. */
  bytesToVm: number;
  /** Bytes from the VM's VNC server to the browser. */
  bytesFromVm: number;
}
