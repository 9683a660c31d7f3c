import { CatalogListRequest } from '../PageRequest';
import {
  CatalogScope,
  Page,
  ShepherdInstanceSize,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

export interface InstanceSizeInput {
  name: string;
  displayName?: string;
  description?: string;
  catalogScope?: CatalogScope;
  enabled?: boolean;
  sortOrder?: number;
  cpuCores: number;
  /** Defaults to cpuCores (no overcommit). */
  cpuRequest?: number;
  memoryGi: number;
  /** Defaults to memoryGi (no overcommit). */
  memoryRequestGi?: number;
  diskGb: number;
  dedicatedCpu?: boolean;
  requiresGpu?: boolean;
  requiresSriov?: boolean;
  requiresHugepages?: boolean;
  hugepagesSize?: string;
  specOverrides?: Record<string, unknown>;
}

/** Changes to an instance size; `null` clears the hugepages size. The name is immutable. */
export type InstanceSizePatch = Partial<
  Omit<InstanceSizeInput, 'name' | 'hugepagesSize'>
> & { hugepagesSize?: string | null };

/** The hardware shapes, for admins. */
export interface InstanceSizesService {
  listInstanceSizes(
    actor: Actor,
    request: CatalogListRequest & {
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
