import { BasicPermission } from '@backstage/plugin-permission-common';
import { Actor } from '../service/Actor';
import { notAllowed } from '../service/errors';
import { ShepherdAuthorizer } from './ShepherdAuthorizer';

/**
 * A basic permission in front of a group of admin operations. Admin catalogs are not
 * per-resource: whoever may manage them sees all of them, so refusals are 403, not 404.
 */
export class PermissionGate {
  constructor(
    private readonly authorizer: ShepherdAuthorizer,
    private readonly permission: BasicPermission,
    private readonly refusal: string,
  ) {}

  async require(actor: Actor) {
    if (
      !(await this.authorizer.isAllowed(actor.credentials, this.permission))
    ) {
      throw notAllowed(this.refusal);
    }
  }
}
