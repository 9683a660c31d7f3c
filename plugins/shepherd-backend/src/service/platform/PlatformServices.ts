import { AuthorizedClustersService } from './AuthorizedClustersService';
import { AuthorizedInstanceSizesService } from './AuthorizedInstanceSizesService';
import { AuthorizedNamespacesService } from './AuthorizedNamespacesService';
import { AuthorizedRequesterCatalogService } from './AuthorizedRequesterCatalogService';
import { AuthorizedTemplatesService } from './AuthorizedTemplatesService';

/**
 * The platform's set-up, as the routes reach it: the registries administrators keep
 * (clusters, namespaces, templates, instance sizes) and the catalog requesters choose from,
 * each behind its permission checks.
 */
export interface PlatformServices {
  namespaces: AuthorizedNamespacesService;
  clusters: AuthorizedClustersService;
  templates: AuthorizedTemplatesService;
  instanceSizes: AuthorizedInstanceSizesService;
  requesterCatalog: AuthorizedRequesterCatalogService;
}
