import {
  Page,
  PendingAdoptionStatus,
  ShepherdPendingAdoption,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PageRequest } from '../../paging';

/** An adoption as stored, without the name of its cluster, which is joined. */
export type NewPendingAdoption = Omit<ShepherdPendingAdoption, 'clusterName'>;

/** What a discovery scan saw of a VM it had proposed before. */
export type AdoptionSighting = Pick<
  ShepherdPendingAdoption,
  'runtimeStatus' | 'labels' | 'size' | 'lastSeenAt' | 'updatedAt'
>;

/** A decision of a platform admin on a PENDING adoption. */
export type AdoptionDecision = Pick<
  ShepherdPendingAdoption,
  'vmId' | 'serviceId' | 'decisionReason'
> & {
  status: Exclude<PendingAdoptionStatus, 'PENDING'>;
  decidedBy: string;
  decidedAt: string;
};

/**
 * VMs found on registered clusters without Shepherd's labels, one row per object: the key is
 * cluster, namespace, name and uid, so that a decision (ADOPTED, REJECTED) stays with the
 * object it was made about and another object of the same name is a new proposal.
 */
export interface PendingAdoptionsStore {
  get(id: string): Promise<ShepherdPendingAdoption | undefined>;
  list(
    options: PageRequest & {
      status?: PendingAdoptionStatus;
      clusterId?: string;
      namespace?: string;
      search?: string;
    },
  ): Promise<Page<ShepherdPendingAdoption>>;
  /** Every adoption of a cluster, whatever its status: what a discovery scan compares with. */
  listOfCluster(clusterId: string): Promise<NewPendingAdoption[]>;
  /**
   * Records a proposal; answers false when the object was proposed already (a concurrent
   * scan recorded it first).
   */
  propose(adoption: NewPendingAdoption): Promise<boolean>;
  /** Refreshes what a PENDING adoption shows; decided ones keep what they were decided on. */
  recordSighting(id: string, sighting: AdoptionSighting): Promise<void>;
  /** Removes the PENDING adoptions among `ids` (their VM left); answers how many went. */
  withdraw(ids: string[]): Promise<number>;
  /**
   * Decides a PENDING adoption; answers false when it was not PENDING any more. The
   * condition is part of the UPDATE, so of two concurrent decisions one wins.
   */
  decide(id: string, decision: AdoptionDecision): Promise<boolean>;
}
