import {
  ConsoleSession,
  CreateVmConsoleSessionRequest,
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import {
  ConsoleTokenSealer,
  hashUserRef,
} from '../../crypto/ConsoleTokenSealer';
import { Actor } from '../Actor';
import { loadVm } from '../../operations/vmRequests';
import { conflict, notAllowed, unavailable } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import { ConsoleSessionsService } from './ConsoleSessionsService';

/** How long a session token opens the relay: long enough for a page to connect, no more. */
export const CONSOLE_TOKEN_TTL_MS = 60_000;

/** The relay's websocket path of a VM, relative to the plugin's base URL. */
export function consoleStreamPath(vmId: string): string {
  return `/v1/vms/${encodeURIComponent(vmId)}/console/stream`;
}

/**
 * Issues console session tokens. Nothing is written: the token carries its claims sealed,
 * and only its use is recorded (by the relay), which makes it single-use.
 */
export class DefaultConsoleSessionsService implements ConsoleSessionsService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly sealer: ConsoleTokenSealer,
    private readonly tokenTtlMs: number = CONSOLE_TOKEN_TTL_MS,
  ) {}

  /** The VM; 404 when it does not exist. */
  async loadVm(vmId: string): Promise<ShepherdVm> {
    return loadVm(this.context.store, vmId);
  }

  async createSession(
    actor: Actor,
    vmId: string,
    request: CreateVmConsoleSessionRequest = {},
  ): Promise<ConsoleSession> {
    const { store } = this.context;
    const vm = await this.loadVm(vmId);
    if (vm.status !== 'RUNNING' || !vm.clusterId) {
      throw conflict(
        SHEPHERD_ERROR_CODES.VM_NOT_RUNNING,
        `The console of ${vm.name} is only available while it runs; it is ${vm.status}`,
      );
    }
    const now = this.context.clock();
    const grant = await store.consoleGrants.findActive(
      vm.id,
      actor.userEntityRef,
      now.toISOString(),
    );
    if (!grant) {
      throw notAllowed(
        `You have no console access to ${vm.name}: request it first`,
        SHEPHERD_ERROR_CODES.CONSOLE_GRANT_REQUIRED,
      );
    }
    if (!this.sealer.isConfigured) {
      throw unavailable(
        SHEPHERD_ERROR_CODES.ENCRYPTION_NOT_CONFIGURED,
        'Console sessions need an encryption key (shepherd.credentials.encryptionKeys)',
      );
    }
    const expiresAt = new Date(
      Math.min(now.getTime() + this.tokenTtlMs, Date.parse(grant.expiresAt)),
    ).toISOString();
    const token = this.sealer.seal({
      tokenId: randomUUID(),
      vmId: vm.id,
      grantId: grant.id,
      userHash: hashUserRef(actor.userEntityRef),
      expiresAt,
      // Sealed: a token issued without the take-over cannot be turned into one.
      takeover: request.takeover === true,
    });
    return {
      token,
      expiresAt,
      grantExpiresAt: grant.expiresAt,
      websocketPath: consoleStreamPath(vm.id),
    };
  }
}
