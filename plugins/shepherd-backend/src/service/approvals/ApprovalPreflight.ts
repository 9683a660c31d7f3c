import {
  ShepherdCluster,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdVmDefinition,
  ShepherdVmResize,
} from '@kubevirt-shepherd/plugin-shepherd-node';

/**
 * The cluster's say before an approval is committed: the exact object (or patch) the worker
 * will send is validated by the cluster in a server-side dry run, admission webhooks
 * included. A rejection fails the approval with `VALIDATION_FAILED`, an existing object of
 * the VM's name that is not Shepherd's with `VM_NAME_CONFLICT` and an unreachable cluster
 * with `CLUSTER_UNAVAILABLE`; either way the ticket stays PENDING.
 */
export interface ApprovalPreflight {
  /** Validates the VM a creation would apply on `cluster`. */
  checkCreate(
    cluster: ShepherdCluster,
    definition: ShepherdVmDefinition,
  ): Promise<void>;
  /** Validates the resize a modification would patch onto `vm`. */
  checkModify(vm: ShepherdVm, resize: ShepherdVmResize): Promise<void>;
}
