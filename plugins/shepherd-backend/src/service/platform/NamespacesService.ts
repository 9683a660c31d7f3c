import { PageRequest } from '../PageRequest';
import {
  Environment,
  Page,
  ShepherdNamespace,
  WithWarnings,
  ShepherdApiRequestBody,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

/** A namespace as its registration asks for it. */
export type NamespaceInput = ShepherdApiRequestBody<'CreateNamespace'>;

/** Changes to a namespace. */
export type NamespacePatch = ShepherdApiRequestBody<'UpdateNamespace'>;

/** The namespace registry, for admins. */
export interface NamespacesService {
  listNamespaces(
    actor: Actor,
    request: PageRequest & {
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
