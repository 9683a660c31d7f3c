import { NamedRecordStore } from '../../NamedRecordStore';
import { PermissionConditions } from '../../permissionFilter';
import { PageRequest } from '../../paging';
import {
  Environment,
  Page,
  ShepherdNamespace,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface NamespacesStore extends NamedRecordStore<ShepherdNamespace> {
  list(
    options: PageRequest & {
      environment?: Environment;
      enabled?: boolean;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdNamespace>>;
  update(
    id: string,
    patch: Partial<
      Pick<ShepherdNamespace, 'description' | 'enabled' | 'environment'>
    > & {
      updatedAt: string;
    },
  ): Promise<void>;
}
