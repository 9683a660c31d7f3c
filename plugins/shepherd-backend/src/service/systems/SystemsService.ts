import {
  Page,
  ShepherdApiRequestBody,
  ShepherdSystem,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionConditions } from '../../database/permissionFilter';
import { Actor, Reader } from '../Actor';

export interface ListRequest {
  offset: number;
  limit: number;
  search?: string;
  /** Only the record registered from this catalog entity. */
  entityRef?: string;
}

/** Systems: the top of the governance hierarchy, created in Shepherd or registered from the catalog. */
export interface SystemsService {
  listSystems(
    reader: Reader,
    request: ListRequest & { conditions?: PermissionConditions },
  ): Promise<Page<ShepherdSystem>>;
  getSystem(reader: Reader, id: string): Promise<ShepherdSystem>;
  createSystem(
    actor: Actor,
    input: ShepherdApiRequestBody<'CreateSystem'>,
  ): Promise<WithWarnings<ShepherdSystem>>;
  registerSystem(
    actor: Actor,
    entityRef: string,
  ): Promise<WithWarnings<ShepherdSystem>>;
  updateSystem(
    actor: Actor,
    id: string,
    input: ShepherdApiRequestBody<'UpdateSystem'>,
  ): Promise<ShepherdSystem>;
  deleteSystem(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ): Promise<void>;
}
