import {
  AdoptionDiscoveryReport,
  AdoptionResult,
  Page,
  PendingAdoptionStatus,
  ShepherdPendingAdoption,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PageRequest } from '../PageRequest';
import { Actor } from '../Actor';

/** A platform admin's choice of where a discovered VM goes. */
export interface AdoptionInput {
  serviceId: string;
  reason?: string;
}

/**
 * Adoption of VMs that run on registered clusters without Shepherd's labels (upstream
 * §4.18): what discovery proposed, scanning on demand, adopting into a Service, rejecting.
 */
export interface AdoptionService {
  listPendingAdoptions(
    actor: Actor,
    request: PageRequest & {
      status?: PendingAdoptionStatus;
      clusterId?: string;
      namespace?: string;
      search?: string;
    },
  ): Promise<Page<ShepherdPendingAdoption>>;
  discover(
    actor: Actor,
    request: { clusterId?: string },
  ): Promise<AdoptionDiscoveryReport>;
  adopt(
    actor: Actor,
    id: string,
    input: AdoptionInput,
  ): Promise<AdoptionResult>;
  reject(
    actor: Actor,
    id: string,
    input: { reason: string },
  ): Promise<ShepherdPendingAdoption>;
}
