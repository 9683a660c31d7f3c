import { ClustersService } from './ClustersService';
import { InstanceSizesService } from './InstanceSizesService';
import { NamespacesService } from './NamespacesService';
import { RequesterCatalogService } from './RequesterCatalogService';
import { TemplatesService } from './TemplatesService';

/** Every catalog service the routes use. */
export interface CatalogServices {
  namespaces: NamespacesService;
  clusters: ClustersService;
  templates: TemplatesService;
  instanceSizes: InstanceSizesService;
  requesterCatalog: RequesterCatalogService;
}
