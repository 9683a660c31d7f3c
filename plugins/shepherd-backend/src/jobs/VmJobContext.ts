import {
  ShepherdDomainEvent,
  ShepherdTicket,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdClusterConnection,
  ShepherdVmProvider,
  ShepherdVmRuntimeState,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { JobContinuation } from '../queue/JobWorker';
import { UnitOfWork } from '../service/GovernanceContext';

/** What a VM job runs on: its domain event, and the ticket and VM as they are now. */
export interface LoadedVmJob {
  /** The job's payload: the event id, and the checkpoint of an earlier run. */
  payload: Record<string, unknown>;
  event: ShepherdDomainEvent;
  ticket?: ShepherdTicket;
  vm?: ShepherdVm;
}

/** A VM on its cluster, ready for the provider. */
export interface ConnectedVm {
  vm: ShepherdVm;
  provider: ShepherdVmProvider;
  connection: ShepherdClusterConnection;
}

/**
 * What the job framework gives an operation's job. Every step records its effect in a unit
 * of work of its own, never around a cluster call.
 */
export interface VmJobContext {
  readonly job: LoadedVmJob;
  /** The provider and a connection for the VM's cluster; fails for good when the VM is gone. */
  connect(): Promise<ConnectedVm>;
  /** The approved ticket is now being carried out (recorded once, however often the job runs). */
  markExecuting(): Promise<void>;
  /**
   * Records success once: the event COMPLETED and the ticket SUCCESS, with the operation's
   * own writes, the audit row and the requester's notification.
   */
  complete(
    work?: (unit: UnitOfWork) => Promise<void>,
    details?: Record<string, unknown>,
  ): Promise<void>;
  /** Writes the cluster's view of the VM to its row when it changed. */
  observe(vm: ShepherdVm, state: ShepherdVmRuntimeState): Promise<void>;
  /** Looks again later, or fails when the VM took too long since the operation was decided. */
  follow(what: string): JobContinuation;
  now(): string;
}

/** The job of an operation: its kind in the queue, and what one run does. */
export interface VmOperationJob {
  /** The job kind in the queue, e.g. `vm.create`. */
  readonly kind: string;
  /**
   * One run. Runs again after a crash or a retry, so every step must be idempotent; a run
   * ends by completing, by asking to be followed later, or by throwing.
   */
  run(context: VmJobContext): Promise<void | JobContinuation>;
}
