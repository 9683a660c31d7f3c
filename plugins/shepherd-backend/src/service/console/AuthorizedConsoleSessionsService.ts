import {
  CreateVmConsoleSessionRequest,
  SHEPHERD_ERROR_CODES,
  shepherdVmConsolePermission,
  shepherdVmConsoleTakeoverPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { RequestRateLimiter } from '../limits/RequestRateLimiter';
import { ConsoleSessionsService } from './ConsoleSessionsService';
import { DefaultConsoleSessionsService } from './DefaultConsoleSessionsService';

/**
 * {@link ConsoleSessionsService} behind Shepherd's permissions: a VM the caller may not read
 * is not found (404); one it may read without the console permission is refused (403), and
 * so is a take-over without the take-over permission (403 `CONSOLE_TAKEOVER_DENIED`). Sessions
 * opened count against the user's rate limit first (429 RATE_LIMITED).
 */
export class AuthorizedConsoleSessionsService
  implements ConsoleSessionsService
{
  constructor(
    private readonly inner: DefaultConsoleSessionsService,
    private readonly authorizer: ShepherdAuthorizer,
    private readonly rateLimiter: RequestRateLimiter,
  ) {}

  async createSession(
    actor: Actor,
    vmId: string,
    request: CreateVmConsoleSessionRequest = {},
  ) {
    await this.rateLimiter.admit(actor, 'consoleSessions');
    const vm = await this.inner.loadVm(vmId);
    await this.authorizer.authorize(actor, vm, shepherdVmConsolePermission, {
      message: `You may not open the console of ${vm.name}`,
    });
    if (request.takeover) {
      await this.authorizer.authorize(
        actor,
        vm,
        shepherdVmConsoleTakeoverPermission,
        {
          message: `You may not take over the console of ${vm.name}`,
          code: SHEPHERD_ERROR_CODES.CONSOLE_TAKEOVER_DENIED,
        },
      );
    }
    return this.inner.createSession(actor, vmId, request);
  }
}
