import {
  CreateVmConsoleSessionRequest,
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
  shepherdVmConsolePermission,
  shepherdVmConsoleTakeoverPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ResourceLoader } from '../../permissions/ResourceLoader';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { notAllowed } from '../errors';
import { ConsoleSessionsService } from './ConsoleSessionsService';
import { DefaultConsoleSessionsService } from './DefaultConsoleSessionsService';
import { WorkflowPermissions } from '../../permissions/WorkflowPermissions';

/**
 * {@link ConsoleSessionsService} behind Shepherd's permissions: a VM the caller may not read
 * is not found (404); one it may read without the console permission is refused (403), and
 * so is a take-over without the take-over permission (403 `CONSOLE_TAKEOVER_DENIED`).
 */
export class AuthorizedConsoleSessionsService
  implements ConsoleSessionsService
{
  readonly #permissions: WorkflowPermissions;

  constructor(
    private readonly inner: DefaultConsoleSessionsService,
    authorizer: ShepherdAuthorizer,
    resources: ResourceLoader,
  ) {
    this.#permissions = new WorkflowPermissions(authorizer, resources);
  }

  async createSession(
    actor: Actor,
    vmId: string,
    request: CreateVmConsoleSessionRequest = {},
  ) {
    const consoleGuard = this.#permissions.vmGuard(
      actor,
      shepherdVmConsolePermission,
      'open the console of',
    );
    return this.inner.createSession(actor, vmId, request, async vm => {
      await consoleGuard(vm);
      if (request.takeover) await this.#guardTakeover(actor, vm);
    });
  }

  async #guardTakeover(actor: Actor, vm: ShepherdVm): Promise<void> {
    if (
      !(await this.#permissions.onVm(
        actor,
        shepherdVmConsoleTakeoverPermission,
        vm,
      ))
    ) {
      throw notAllowed(
        `You may not take over the console of ${vm.name}`,
        SHEPHERD_ERROR_CODES.CONSOLE_TAKEOVER_DENIED,
      );
    }
  }
}
