import { PageRequest } from '../PageRequest';
import {
  CatalogScope,
  Page,
  ShepherdInstanceSize,
  WithWarnings,
  ShepherdApiRequestBody,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

export type InstanceSizeInput = ShepherdApiRequestBody<'CreateInstanceSize'>;

/** Changes to an instance size; `null` clears the hugepages size. The name is immutable. */
export type InstanceSizePatch = ShepherdApiRequestBody<'UpdateInstanceSize'>;

/** The hardware shapes, for admins. */
export interface InstanceSizesService {
  listInstanceSizes(
    actor: Actor,
    request: PageRequest & {
      enabled?: boolean;
      catalogScope?: CatalogScope;
    },
  ): Promise<Page<ShepherdInstanceSize>>;
  getInstanceSize(actor: Actor, id: string): Promise<ShepherdInstanceSize>;
  createInstanceSize(
    actor: Actor,
    input: InstanceSizeInput,
  ): Promise<WithWarnings<ShepherdInstanceSize>>;
  updateInstanceSize(
    actor: Actor,
    id: string,
    patch: InstanceSizePatch,
  ): Promise<ShepherdInstanceSize>;
  deleteInstanceSize(actor: Actor, id: string): Promise<void>;
}
