import {
  AuditAction,
  DOMAIN_EVENT_AGGREGATES,
  GovernedOperation,
  OperationSubmission,
  PowerAction,
  SHEPHERD_ERROR_CODES,
  ShepherdVm,
  VmStatus,
  isPowerActionAllowed,
  requiresApproval,
  shepherdVmPowerPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdVmRuntimeState } from '@kubevirt-shepherd/plugin-shepherd-node';
import { randomUUID } from 'node:crypto';
import { isProviderConflict } from '../providers/errors';
import { VmJobContext } from '../jobs/VmJobContext';
import { JobContinuation, PermanentJobError } from '../queue/JobWorker';
import {
  VmOperationHolder,
  operationInProgress,
  queueVmOperation,
} from './vmOperationLock';
import { refuseForeignObject } from './vmOwnership';
import { conflict } from '../service/errors';
import { Actor } from '../service/Actor';
import { UnitOfWork } from '../service/GovernanceContext';
import { OperationDependencies } from './OperationDependencies';
import { VmOperation } from './VmOperation';
import { loadVm, ticketTargetOf, vmEventPayload } from './vmRequests';

/** The queue's kind of the job that starts, stops or restarts a VM. */
export const POWER_VM_JOB = 'vm.power';

/** Per action: what the approval matrix calls it, its event and its audit action. */
const POWER_VOCABULARY: Record<
  PowerAction,
  {
    governed: GovernedOperation;
    eventType:
      | 'VM_START_REQUESTED'
      | 'VM_STOP_REQUESTED'
      | 'VM_RESTART_REQUESTED';
    auditAction: AuditAction;
  }
> = {
  start: {
    governed: 'START',
    eventType: 'VM_START_REQUESTED',
    auditAction: 'vm.start',
  },
  stop: {
    governed: 'STOP',
    eventType: 'VM_STOP_REQUESTED',
    auditAction: 'vm.stop',
  },
  restart: {
    governed: 'RESTART',
    eventType: 'VM_RESTART_REQUESTED',
    auditAction: 'vm.restart',
  },
};

/** The VM status each power action ends in. */
const POWER_TARGET: Record<PowerAction, VmStatus> = {
  start: 'RUNNING',
  stop: 'STOPPED',
  restart: 'RUNNING',
};

/** The status a VM shows right after each power action was sent. */
const POWER_IN_PROGRESS: Record<PowerAction, VmStatus> = {
  start: 'STARTING',
  stop: 'STOPPING',
  restart: 'STARTING',
};

/** Statuses on the way to somewhere else: keep following. */
const TRANSITIONAL: readonly VmStatus[] = [
  'CREATING',
  'STARTING',
  'STOPPING',
  'DELETING',
  'PENDING',
  'MIGRATING',
  'UNKNOWN',
];

/** Set in a power job's payload once its action was sent to the cluster. */
const ACTION_SENT = 'actionSent';
/**
 * The job's checkpoint before it sends a restart: the uid of the instance it restarts. KubeVirt restarts by replacing the instance, so a job that runs again after
 * its worker died between sending and recording it finds another uid, and does not restart
 * the VM a second time.
 */
const RESTART_OF_INSTANCE = 'restartOfInstance';

/** The reason a power request gives, or what it asks for when it gives none. */
function reasonOf(input: { action: PowerAction; reason?: string }): string {
  return input.reason?.trim() || `${input.action} requested`;
}

/** The audit row of a power action carried out without an approver (or joined to one). */
async function auditDirectAction(
  unit: UnitOfWork,
  actor: Actor,
  vm: ShepherdVm,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  await unit.audit({
    action,
    actor: actor.userEntityRef,
    resourceType: 'vm',
    resourceId: vm.id,
    resourceName: vm.name,
    parentType: 'service',
    parentId: vm.serviceId,
    environment: vm.environment,
    details,
  });
}

/**
 * Joins a power request to the action under way on its VM when it repeats it: the same
 * action, carried out directly (no approver needed for it, none was for the one under way).
 * The request is audited as joining the running action's event, which the answer names;
 * nothing else is written, so the action runs once. Undefined where it does not repeat it.
 */
async function joinRepeatedAction(
  unit: UnitOfWork,
  actor: Actor,
  vm: ShepherdVm,
  input: { action: PowerAction; reason?: string },
  holder: VmOperationHolder,
): Promise<OperationSubmission | undefined> {
  const { action } = input;
  const vocabulary = POWER_VOCABULARY[action];
  const repeats =
    holder.job?.kind === POWER_VM_JOB &&
    holder.eventId !== undefined &&
    holder.running.ticketId === undefined &&
    holder.running.operation === action &&
    !requiresApproval(vocabulary.governed, vm.environment);
  if (!repeats) return undefined;
  await auditDirectAction(unit, actor, vm, vocabulary.auditAction, {
    reason: reasonOf(input),
    approvalRequired: false,
    eventId: holder.eventId,
    joined: true,
  });
  return { status: 'ACCEPTED', eventId: holder.eventId, joined: true };
}

/**
 * Starting, stopping and restarting a VM: directly in test, through an approver in
 * production (the approval matrix). The action is sent once, then the VM is followed to the
 * state it ends in.
 */
export function vmPower({
  context,
  installation,
}: OperationDependencies): VmOperation<'power'> {
  return {
    name: 'power',
    ticketOperation: 'POWER',
    governs: ['START', 'STOP', 'RESTART'],
    permission: shepherdVmPowerPermission,
    verb: input => input.action,

    loadTarget: request => loadVm(context.store, request.vmId),

    async prepare({ actor, target: vm, input }) {
      const { action } = input;
      if (!isPowerActionAllowed(action, vm.status)) {
        throw conflict(
          SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
          `Cannot ${action} ${vm.name} while it is ${vm.status}`,
          { status: vm.status, action },
        );
      }
      const reason = reasonOf(input);
      const vocabulary = POWER_VOCABULARY[action];
      return {
        governed: vocabulary.governed,
        environment: vm.environment,
        ticket: {
          operation: 'POWER',
          eventType: vocabulary.eventType,
          target: vm.id,
          reason,
          ...ticketTargetOf(vm),
          powerAction: action,
          requestSpec: { action },
          payload: {
            ...vmEventPayload(vm),
            operation: action,
            reason,
            actor: actor.userEntityRef,
          },
          auditAction: vocabulary.auditAction,
        },
      };
    },

    join: (unit, { actor, target: vm, input, holder }) =>
      joinRepeatedAction(unit, actor, vm, input, holder),

    // No approval needed: the event is recorded as being processed right away. Its job is
    // queued first: where another operation holds the VM, nothing is recorded, and a repeat
    // of the same action joins it (the unique index decides between concurrent requests).
    async direct(unit, { actor, target: vm, input, prepared }) {
      const { ticket: draft } = prepared;
      const eventId = randomUUID();
      const claim = await queueVmOperation(
        unit,
        { kind: POWER_VM_JOB, eventId, clusterId: vm.clusterId },
        vm,
      );
      if ('holder' in claim) {
        const joined = await joinRepeatedAction(
          unit,
          actor,
          vm,
          input,
          claim.holder,
        );
        if (joined) return joined;
        throw operationInProgress(vm, claim.holder.running);
      }
      await unit.recordEvent({
        id: eventId,
        type: draft.eventType,
        aggregateType: DOMAIN_EVENT_AGGREGATES.vm,
        aggregateId: vm.id,
        payload: draft.payload,
        status: 'PROCESSING',
        createdBy: actor.userEntityRef,
      });
      await auditDirectAction(unit, actor, vm, draft.auditAction, {
        reason: draft.reason,
        approvalRequired: false,
        eventId,
      });
      return { status: 'ACCEPTED', eventId };
    },

    approval: {
      decisionFields: [],
      plan: async () => ({ plan: undefined, warnings: [] }),
      write: async (_unit, { vm }) => ({
        clusterId: vm!.clusterId,
        audit: { decision: 'approved' },
      }),
    },

    job: {
      kind: POWER_VM_JOB,
      async run(job) {
        const connected = await job.connect();
        const { vm, provider, connection } = connected;
        const action = String(job.job.event.payload.operation) as PowerAction;
        if (!(action in POWER_TARGET)) {
          throw new PermanentJobError(`Unknown power action '${action}'`);
        }
        await job.markExecuting();
        // The action is sent once; the job's checkpoint says so, and later runs only follow
        // the VM (sending restart twice would restart twice). The VM row cannot tell: status
        // sync moves it on while the job waits.
        if (!job.job.payload[ACTION_SENT]) {
          const state = await refuseForeignObject(connected, installation);
          if (action === 'restart') {
            const restarting = restartCheckpoint(job, connected.vm, state);
            if (restarting !== 'send') return restarting;
          }
          try {
            if (action === 'start') {
              await provider.startVirtualMachine(connection, vm);
            } else if (action === 'stop') {
              await provider.stopVirtualMachine(connection, vm);
            } else {
              await provider.restartVirtualMachine(connection, vm);
            }
          } catch (error) {
            // A conflict is not retried as it is: the VM is read again, and a start or stop
            // it already reached is done; anything else fails with the cluster's message.
            if (!isProviderConflict(error) || action === 'restart') throw error;
            const reached = await provider.getVirtualMachine(connection, vm);
            if (reached.status !== POWER_TARGET[action]) throw error;
          }
          await context.execute(unit =>
            unit.tx.vms.update(vm.id, {
              status: POWER_IN_PROGRESS[action],
              updatedAt: job.now(),
            }),
          );
          return {
            ...job.follow(`${action} of ${vm.name}`),
            payload: { ...job.job.payload, [ACTION_SENT]: true },
          };
        }
        const state = await provider.getVirtualMachine(connection, vm);
        if (state.status === POWER_TARGET[action]) {
          await job.complete(
            unit =>
              unit.tx.vms.update(vm.id, {
                status: state.status,
                statusMessage: state.message ?? undefined,
                updatedAt: job.now(),
              }),
            { action },
          );
          return undefined;
        }
        if (state.status === 'FAILED') {
          throw new PermanentJobError(
            `The VM failed on the cluster: ${
              state.message ?? 'no reason given'
            }`,
          );
        }
        // Until the cluster reacts it still shows the old state; the row keeps showing the
        // action.
        if (TRANSITIONAL.includes(state.status)) {
          await job.observe(vm, state);
        }
        return job.follow(`${action} of ${vm.name}`);
      },
    },
  };
}

/**
 * Whether the restart is to be sent now, from the VM's `state` as the job just read it. The
 * first run only records which instance it restarts and continues at once: only a checkpoint written before the restart is sent can
 * tell a later run of the job (its worker died after sending) that the instance it finds is
 * already a new one. A later run sends the restart only while the recorded instance still
 * runs; otherwise it goes on to follow the VM.
 */
function restartCheckpoint(
  job: VmJobContext,
  vm: ShepherdVm,
  state: ShepherdVmRuntimeState,
): 'send' | JobContinuation {
  const { payload } = job.job;
  if (state.status === 'UNKNOWN') {
    // The cluster could not be asked: the queue retries the run with backoff.
    throw new Error(
      `The state of ${vm.name} could not be read: ${state.message ?? ''}`,
    );
  }
  const instance = state.instanceUid;
  if (!(RESTART_OF_INSTANCE in payload)) {
    // Without an instance there is nothing to restart twice; the cluster's refusal to
    // restart a VM that does not run fails the job.
    if (!instance) return 'send';
    return {
      continueAfterMs: 0,
      payload: { ...payload, [RESTART_OF_INSTANCE]: instance },
    };
  }
  if (instance === payload[RESTART_OF_INSTANCE]) return 'send';
  return {
    ...job.follow(`restart of ${vm.name}`),
    payload: { ...payload, [ACTION_SENT]: true },
  };
}
