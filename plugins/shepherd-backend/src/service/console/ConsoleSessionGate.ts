import {
  ConsoleTokenClaims,
  ConsoleTokenError,
  ConsoleTokenSealer,
  hashUserRef,
} from '../../crypto/ConsoleTokenSealer';
import { GovernanceContext } from '../GovernanceContext';
import { ConsoleRefusal } from './ConsoleRefusal';
import { AdmittedConsoleSession } from './ConsoleSessionsService';

/**
 * The relay's door: accepts a console session token once, for the user it was issued to,
 * for its VM, while the token and its grant last and the VM runs. The check of the token
 * comes before its use is recorded, so a refused token stays unused; the use itself is one
 * atomic insert, so of two concurrent uses one wins.
 */
export class ConsoleSessionGate {
  constructor(
    private readonly context: GovernanceContext,
    private readonly sealer: ConsoleTokenSealer,
  ) {}

  async admit(request: {
    token: string;
    vmId: string;
    /** The user the websocket authenticated as. */
    userRef: string;
  }): Promise<AdmittedConsoleSession> {
    const { store } = this.context;
    const claims = this.#open(request.token);
    const now = this.context.now();
    if (claims.expiresAt <= now) {
      throw new ConsoleRefusal(403, 'The console session token has expired');
    }
    if (claims.vmId !== request.vmId) {
      throw new ConsoleRefusal(
        403,
        'The console session token is for another VM',
      );
    }
    if (claims.userHash !== hashUserRef(request.userRef)) {
      throw new ConsoleRefusal(
        403,
        'The console session token was issued to another user',
      );
    }
    const grant = await store.consoleGrants.findActive(
      claims.vmId,
      request.userRef,
      now,
    );
    if (!grant || grant.id !== claims.grantId) {
      throw new ConsoleRefusal(403, 'The console grant has ended');
    }
    const vm = await store.vms.get(claims.vmId);
    if (!vm) throw new ConsoleRefusal(404, 'The VM was not found');
    if (vm.status !== 'RUNNING' || !vm.clusterId) {
      throw new ConsoleRefusal(
        409,
        `The console of ${vm.name} is only available while it runs; it is ${vm.status}`,
      );
    }
    const consumed = await store.consoleSessionTokens.consume({
      tokenId: claims.tokenId,
      vmId: claims.vmId,
      grantId: claims.grantId,
      userRef: request.userRef,
      expiresAt: claims.expiresAt,
      consumedAt: now,
    });
    if (!consumed) {
      throw new ConsoleRefusal(
        403,
        'The console session token has already been used',
      );
    }
    // Markers of expired tokens guard nothing anymore; dropping them keeps the table small.
    await store.consoleSessionTokens.deleteExpired(now);
    return {
      sessionId: claims.tokenId,
      userRef: request.userRef,
      vm,
      grant,
      takeover: claims.takeover === true,
    };
  }

  #open(token: string): ConsoleTokenClaims {
    try {
      return this.sealer.open(token);
    } catch (error) {
      if (error instanceof ConsoleTokenError) {
        throw new ConsoleRefusal(403, 'The console session token is not valid');
      }
      throw error;
    }
  }
}
