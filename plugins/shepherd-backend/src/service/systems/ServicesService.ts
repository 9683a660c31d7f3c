import {
  Page,
  ShepherdApiRequestBody,
  ShepherdService,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionConditions } from '../../database/permissionFilter';
import { Actor, Reader } from '../Actor';
import { ListRequest } from './SystemsService';

/** The Services of Systems: what VMs are requested for. */
export interface ServicesService {
  listServices(
    reader: Reader,
    request: ListRequest & {
      systemId?: string;
      conditions?: PermissionConditions;
    },
  ): Promise<Page<ShepherdService>>;
  getService(reader: Reader, id: string): Promise<ShepherdService>;
  createService(
    actor: Actor,
    systemId: string,
    input: ShepherdApiRequestBody<'CreateService'>,
  ): Promise<WithWarnings<ShepherdService>>;
  /** Registers a catalog Component (type service) of the System as one of its Services. */
  registerService(
    actor: Actor,
    systemId: string,
    entityRef: string,
  ): Promise<WithWarnings<ShepherdService>>;
  updateService(
    actor: Actor,
    id: string,
    input: ShepherdApiRequestBody<'UpdateService'>,
  ): Promise<ShepherdService>;
  deleteService(actor: Actor, id: string, confirm: boolean): Promise<void>;
}
