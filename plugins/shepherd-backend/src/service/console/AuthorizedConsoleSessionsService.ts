import { shepherdVmConsolePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ResourceLoader } from '../../permissions/ResourceLoader';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { WorkflowPermissions } from '../workflow/AuthorizedWorkflowServices';
import { ConsoleSessionsService } from './ConsoleSessionsService';
import { DefaultConsoleSessionsService } from './DefaultConsoleSessionsService';

/**
 * {@link ConsoleSessionsService} behind Shepherd's permissions: a VM the caller may not read
 * is not found (404); one it may read without the console permission is refused (403).
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

  async createSession(actor: Actor, vmId: string) {
    return this.inner.createSession(
      actor,
      vmId,
      this.#permissions.vmGuard(
        actor,
        shepherdVmConsolePermission,
        'open the console of',
      ),
    );
  }
}
