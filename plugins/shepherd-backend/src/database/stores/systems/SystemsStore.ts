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
  /**
   * Holds the System until the unit of work it is called in ends: units of work that change
   * its members and check the others (a System keeps an owner) run one after another, the
   * second seeing what the first committed. Only meaningful inside a transaction.
   */
  lockForUpdate(id: string): Promise<void>;
  update(
    id: string,
    patch: { description: string; updatedAt: string },
  ): Promise<void>;
}
