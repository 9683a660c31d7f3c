import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';

/**
 * Who reads Systems, Services, members or VMs: a signed-in user, or another backend plugin
 * (the catalog's entity provider, for one). Read access is decided on the credentials alone;
 * the permission framework answers for service principals without asking the policy, within
 * their access restrictions.
 */
export interface Reader {
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >;
}

/** The signed-in user a request acts for. */
export interface Actor extends Reader {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  /** e.g. `user:default/engineer-test`. */
  userEntityRef: string;
  /** The user and the groups it belongs to, as resolved by the catalog at sign-in. */
  ownershipEntityRefs: string[];
}
