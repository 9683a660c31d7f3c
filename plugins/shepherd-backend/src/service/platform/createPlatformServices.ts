import { CredentialCipher } from '../../crypto/CredentialCipher';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { GovernanceContext } from '../GovernanceContext';
import { AuthorizedNamespacesService } from './AuthorizedNamespacesService';
import { AuthorizedRequesterCatalogService } from './AuthorizedRequesterCatalogService';
import { PlatformServices } from './PlatformServices';
import { DefaultClustersService } from './DefaultClustersService';
import { DefaultInstanceSizesService } from './DefaultInstanceSizesService';
import { DefaultNamespacesService } from './DefaultNamespacesService';
import { DefaultRequesterCatalogService } from './DefaultRequesterCatalogService';
import { DefaultTemplatesService } from './DefaultTemplatesService';
import { ClusterCredentialsSource } from './ClustersService';
import { AuthorizedClustersService } from './AuthorizedClustersService';
import { AuthorizedTemplatesService } from './AuthorizedTemplatesService';
import { AuthorizedInstanceSizesService } from './AuthorizedInstanceSizesService';

/**
 * The platform services the routes use, each behind its permission checks, and the cluster
 * credentials for use inside the backend.
 */
export function createPlatformServices(deps: {
  context: GovernanceContext;
  authorizer: ShepherdAuthorizer;
  /** Encrypts and decrypts cluster credentials (`shepherd.credentials.encryptionKeys`). */
  cipher: CredentialCipher;
  /** The types of the VM providers installed in this backend. */
  installedProviderTypes: () => string[];
}): {
  services: PlatformServices;
  clusterCredentials: ClusterCredentialsSource;
} {
  const { context, authorizer } = deps;
  const clusters = new DefaultClustersService(
    context,
    deps.cipher,
    deps.installedProviderTypes,
  );
  return {
    services: {
      namespaces: new AuthorizedNamespacesService(
        new DefaultNamespacesService(context),
        authorizer,
      ),
      clusters: new AuthorizedClustersService(clusters, authorizer),
      templates: new AuthorizedTemplatesService(
        new DefaultTemplatesService(context),
        authorizer,
      ),
      instanceSizes: new AuthorizedInstanceSizesService(
        new DefaultInstanceSizesService(context),
        authorizer,
      ),
      requesterCatalog: new AuthorizedRequesterCatalogService(
        new DefaultRequesterCatalogService(context),
        authorizer,
      ),
    },
    clusterCredentials: clusters,
  };
}
