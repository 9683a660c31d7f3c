import { PageRequest } from '../../paging';
import {
  CatalogScope,
  Page,
  ShepherdInstanceSize,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface InstanceSizesStore {
  insert(size: ShepherdInstanceSize): Promise<void>;
  get(id: string): Promise<ShepherdInstanceSize | undefined>;
  getByName(name: string): Promise<ShepherdInstanceSize | undefined>;
  list(
    options: PageRequest & {
      enabled?: boolean;
      catalogScopes?: CatalogScope[];
    },
  ): Promise<Page<ShepherdInstanceSize>>;
  /** Writes every field of the instance size (identified by its id) as given. */
  replace(size: ShepherdInstanceSize): Promise<void>;
  delete(id: string): Promise<void>;
}
