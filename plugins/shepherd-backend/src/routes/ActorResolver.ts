import {
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { normalizeEntityRef } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor, Reader } from '../service/Actor';

/** A request of any route, however the spec types its parameters, query and body. */
type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** Who a request acts for: identity only from the token and the user-info service. */
export class ActorResolver {
  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly userInfo: UserInfoService,
  ) {}

  /**
   * A signed-in user; other callers are refused. Its refs come in their normal form: what the
   * user writes (requests, decisions, grants, audit rows) names them as every other sign-in
   * of theirs does, whatever the case their sign-in resolver spelled the ref in.
   */
  async fromRequest(req: AnyRequest): Promise<Actor> {
    const credentials = await this.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const { userEntityRef, ownershipEntityRefs } =
      await this.userInfo.getUserInfo(credentials);
    return {
      credentials,
      userEntityRef: normalizeEntityRef(userEntityRef),
      ownershipEntityRefs: ownershipEntityRefs.map(normalizeEntityRef),
    };
  }

  /**
   * A signed-in user or another backend plugin, for the routes that only read Systems,
   * Services, members and VMs: the catalog's entity provider reads them with its own
   * service token. What the caller may read is left to the permission framework.
   */
  async readerFromRequest(req: AnyRequest): Promise<Reader> {
    const credentials = await this.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return { credentials };
  }
}
