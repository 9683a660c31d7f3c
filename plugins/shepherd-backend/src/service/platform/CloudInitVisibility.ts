import { shepherdCatalogManagePermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { redactCloudInit } from '../audit/redact';

/**
 * Who sees cloud-init user data in what Shepherd returns (the request catalog's templates,
 * tickets' template snapshots, approval manifests): those who manage templates
 * (`shepherd.catalog.manage`, the permission that governs writing it), since it often holds
 * passwords and keys. Everyone else reads it redacted. Requesters keep seeing the SSH public
 * key they gave (`requestSpec.sshPublicKey`), which is no secret.
 */
export class CloudInitVisibility {
  constructor(private readonly authorizer: ShepherdAuthorizer) {}

  /** `value` as the caller may see it. */
  async as<T>(actor: Actor, value: T): Promise<T> {
    const managesTemplates = await this.authorizer.isAllowed(
      actor.credentials,
      shepherdCatalogManagePermission,
    );
    return managesTemplates ? value : redactCloudInit(value);
  }
}
