import { NamedRecordStore } from '../../NamedRecordStore';
import { PermissionConditions } from '../../permissionFilter';
import { PageRequest } from '../../paging';
import {
  Page,
  ShepherdSystem,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface SystemsStore extends NamedRecordStore<ShepherdSystem> {
  getByEntityRef(entityRef: string): Promise<ShepherdSystem | undefined>;
  list(
    options: PageRequest & {
      search?: string;
      /** Only the System registered from this catalog entity (case-insensitive). */
      entityRef?: string;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdSystem>>;
  update(
    id: string,
    patch: { description: string; updatedAt: string },
  ): Promise<void>;
}
