import { PageRequest } from '../PageRequest';
import {
  Environment,
  Page,
  ShepherdInstanceSize,
  ShepherdNamespace,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionConditions } from '../../database/permissionFilter';
import { Actor } from '../Actor';

/**
 * What requesters may pick: enabled namespaces they may read, and the active templates and
 * enabled instance sizes offered in those namespaces' environments.
 */
export interface RequesterCatalogService {
  listNamespaces(
    actor: Actor,
    request: PageRequest & { conditions?: PermissionConditions },
  ): Promise<Page<ShepherdNamespace>>;
  /** An enabled namespace by name. */
  getNamespace(actor: Actor, name: string): Promise<ShepherdNamespace>;
  /** The environments of the enabled namespaces matching `conditions` (all when absent). */
  listEnvironments(
    actor: Actor,
    request: { conditions?: PermissionConditions },
  ): Promise<Environment[]>;
  listTemplates(
    actor: Actor,
    request: PageRequest & {
      namespace?: string;
      environments?: Environment[];
    },
  ): Promise<Page<ShepherdTemplate>>;
  listInstanceSizes(
    actor: Actor,
    request: PageRequest & {
      namespace?: string;
      environments?: Environment[];
    },
  ): Promise<Page<ShepherdInstanceSize>>;
}
