import { CatalogListRequest } from '../PageRequest';
import {
  Environment,
  Page,
  ShepherdNamespace,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

export interface NamespaceInput {
  name: string;
  environment: Environment;
  description?: string;
  enabled?: boolean;
}

export interface NamespacePatch {
  description?: string;
  enabled?: boolean;
  environment?: Environment;
}

/** The namespace registry, for admins. */
export interface NamespacesService {
  listNamespaces(
    actor: Actor,
    request: CatalogListRequest & {
      environment?: Environment;
      enabled?: boolean;
    },
  ): Promise<Page<ShepherdNamespace>>;
  getNamespace(actor: Actor, id: string): Promise<ShepherdNamespace>;
  createNamespace(
    actor: Actor,
    input: NamespaceInput,
  ): Promise<WithWarnings<ShepherdNamespace>>;
  updateNamespace(
    actor: Actor,
    id: string,
    patch: NamespacePatch,
  ): Promise<ShepherdNamespace>;
  deleteNamespace(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ): Promise<void>;
}
