import { PermissionConditions } from '../../permissionFilter';
import { PageRequest } from '../../paging';
import { VmNetworkState } from '../../../domain/vmNetwork';
import { ListSort } from '../../sorting';
import {
  Environment,
  Page,
  ShepherdVm,
  VmOrderBy,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** A VM and when it was last polled on its cluster. */
export interface VmPollState {
  vm: ShepherdVm;
  lastPolledAt?: string;
  resourceVersion?: string;
}

/** A VM record as the VM watches match it to cluster objects and follow its state. */
export interface VmObservation {
  id: string;
  namespace: string;
  name: string;
  status: VmStatus;
  statusMessage?: string;
  createdAt: string;
  /** The revision of the cluster state last recorded (ShepherdVmObservedState.revision). */
  resourceVersion?: string;
  /** Where the VM's running instance was last seen (see {@link VmNetworkState}). */
  network: VmNetworkState;
}

/**
 * A VM as stored, without the names joined from other tables. Of its access, the SSH user is
 * written with the record (its template's login user); addresses and node are runtime state,
 * recorded by polls and watches.
 */
export type NewVm = Omit<
  ShepherdVm,
  'systemName' | 'serviceName' | 'clusterName' | 'access'
> & { sshUser?: string };

export interface VmsStore {
  insert(vm: NewVm): Promise<void>;
  get(id: string): Promise<ShepherdVm | undefined>;
  /** VMs by namespace and name, unless the caller orders them by another column. */
  list(
    options: PageRequest &
      ListSort<VmOrderBy> & {
        systemId?: string;
        serviceId?: string;
        namespace?: string;
        environment?: Environment;
        statuses?: VmStatus[];
        clusterId?: string;
        search?: string;
        conditions?: PermissionConditions;
      },
  ): Promise<Page<ShepherdVm>>;
  count(filter: {
    serviceId?: string;
    namespace?: string;
    clusterId?: string;
  }): Promise<number>;
  /**
   * VMs with the bookkeeping of status polling, for the status sync; without those on
   * the clusters `skipClusterIds` (their VMs are followed otherwise, by watches).
   */
  listForStatusSync(
    options: PageRequest,
    filter?: { skipClusterIds?: string[] },
  ): Promise<Array<VmPollState>>;
  /**
   * Records a poll. A new `status` is written only while the VM still has `polledStatus`,
   * the status it had when it was read: an approval or a job that moved the VM on since
   * wins over the poll. Answers whether the status was written.
   */
  recordPoll(
    id: string,
    poll: {
      lastPolledAt: string;
      resourceVersion?: string;
      polledStatus: VmStatus;
      /** Where the instance is; recorded whatever the status (runtime state, not a status change). */
      network?: VmNetworkState;
      status?: VmStatus;
      statusMessage?: string | null;
      updatedAt: string;
    },
  ): Promise<boolean>;
  /** The VMs recorded on a cluster, a page at a time (ordered by id). */
  listObservedOnCluster(
    clusterId: string,
    page: PageRequest,
  ): Promise<VmObservation[]>;
  /** The VMs recorded on a cluster under these namespaces and names. */
  findObservedOnCluster(
    clusterId: string,
    refs: ReadonlyArray<{ namespace: string; name: string }>,
  ): Promise<VmObservation[]>;
  /**
   * Records the state a watch observed, only while the record still is as `seen` (its status
   * and recorded revision): a job, an approval or another replica that changed it since wins.
   * Without `status`, only the revision (and `network`, when given) is recorded. Answers
   * whether it was written.
   */
  recordObservedState(
    id: string,
    seen: Pick<VmObservation, 'status' | 'resourceVersion'>,
    observed: {
      resourceVersion: string;
      status?: VmStatus;
      statusMessage?: string | null;
      network?: VmNetworkState;
      updatedAt: string;
    },
  ): Promise<boolean>;
  update(
    id: string,
    patch: Partial<
      Pick<
        ShepherdVm,
        | 'status'
        | 'statusMessage'
        | 'cpuCores'
        | 'cpuRequest'
        | 'memoryGi'
        | 'memoryRequestGi'
        | 'diskGb'
      >
    > & { updatedAt: string },
  ): Promise<void>;
  delete(id: string): Promise<void>;
}
