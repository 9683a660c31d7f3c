import { PermissionConditions } from '../../permissionFilter';
import { PageRequest } from '../../paging';
import {
  Environment,
  Page,
  ShepherdNamespace,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface NamespacesStore {
  insert(namespace: ShepherdNamespace): Promise<void>;
  get(id: string): Promise<ShepherdNamespace | undefined>;
  getByName(name: string): Promise<ShepherdNamespace | undefined>;
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
  delete(id: string): Promise<void>;
}
