import { PermissionConditions } from '../../permissionFilter';
import { PageRequest } from '../../paging';
import {
  Page,
  ShepherdService,
} from '@kubevirt-shepherd/plugin-shepherd-common';

export interface ServicesStore {
  insert(service: Omit<ShepherdService, 'systemName'>): Promise<void>;
  get(id: string): Promise<ShepherdService | undefined>;
  getByName(
    systemId: string,
    name: string,
  ): Promise<ShepherdService | undefined>;
  getByEntityRef(entityRef: string): Promise<ShepherdService | undefined>;
  list(
    options: PageRequest & {
      systemId?: string;
      search?: string;
      /** Only the Service registered from this catalog entity (case-insensitive). */
      entityRef?: string;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdService>>;
  countForSystem(systemId: string): Promise<number>;
  update(
    id: string,
    patch: { description: string; updatedAt: string },
  ): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Takes the Service's next instance index and increments the counter, atomically: two
   * concurrent callers never get the same index, and an index is never handed out again.
   */
  takeInstanceIndex(id: string): Promise<number>;
  /**
   * Moves the Service's next instance index past `index` if it still is `index` (a name
   * taken on the cluster by someone else); false when another approval took it meanwhile.
   */
  skipInstanceIndex(id: string, index: number): Promise<boolean>;
  /**
   * The Services whose VM names read `{stem}-{NN}` (System name, a dash, Service name), oldest
   * first (by creation, then id).
   */
  listByVmNameStem(
    stem: string,
  ): Promise<Array<Pick<ShepherdService, 'id' | 'createdAt'>>>;
}
