import { NamedRecordStore } from '../../NamedRecordStore';
import { PageRequest } from '../../paging';
import {
  CatalogScope,
  Page,
  ShepherdInstanceSize,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface InstanceSizesStore
  extends NamedRecordStore<ShepherdInstanceSize> {
  list(
    options: PageRequest & {
      enabled?: boolean;
      catalogScopes?: CatalogScope[];
    },
  ): Promise<Page<ShepherdInstanceSize>>;
  /** Writes every field of the instance size (identified by its id) as given. */
  replace(size: ShepherdInstanceSize): Promise<void>;
}
