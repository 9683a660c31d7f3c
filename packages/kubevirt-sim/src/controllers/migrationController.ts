import {
  virtualMachineInstanceMigrations,
  virtualMachineInstances,
} from '../api/resources';
import { deepClone, formatTimestamp } from '../apply/objects';
import { CONTROLLER_MANAGER, MIGRATION_VMI_NAME_LABEL } from '../constants';
import { StoredObject } from '../types';
import { ControllerContext, writeObject, writeStatus } from './context';
import { placeOnNode } from './vmiController';

/** The phases KubeVirt reports on the way to a running migration, in order. */
const PHASES_BEFORE_RUNNING = [
  'Pending',
  'Scheduling',
  'Scheduled',
  'PreparingTarget',
  'TargetReady',
];

function transitions(
  migration: StoredObject,
  phases: string[],
  now: number,
): unknown[] {
  return [
    ...(migration.status?.phaseTransitionTimestamps ?? []),
    ...phases.map(phase => ({
      phase,
      phaseTransitionTimestamp: formatTimestamp(now),
    })),
  ];
}

/** The next node after the VMI's own: where the simulated target pod lands. */
function targetNodeOf(ctx: ControllerContext, sourceNode: string): string {
  const index = ctx.nodes.indexOf(sourceNode);
  return ctx.nodes[(index + 1) % ctx.nodes.length];
}

function isRunning(vmi: StoredObject | undefined): vmi is StoredObject {
  return (
    !!vmi && !vmi.metadata.deletionTimestamp && vmi.status?.phase === 'Running'
  );
}

function fail(
  ctx: ControllerContext,
  migration: StoredObject,
  reason: string,
): void {
  const now = ctx.now();
  writeStatus(
    ctx,
    virtualMachineInstanceMigrations,
    migration,
    {
      ...migration.status,
      phase: 'Failed',
      phaseTransitionTimestamps: transitions(migration, ['Failed'], now),
      migrationState: {
        ...migration.status?.migrationState,
        completed: true,
        failed: true,
        failureReason: reason,
        endTimestamp: formatTimestamp(now),
      },
    },
    CONTROLLER_MANAGER,
  );
  ctx.phaseClock.forget(migration.metadata.uid);
}

/**
 * virt-controller's migration controller, simulated: a new VirtualMachineInstanceMigration
 * of a running VMI goes Running at once (a target node, `migrationState` on both objects, the
 * VM `Migrating`), and after `timings.migration` Succeeded with the VMI on its target node.
 * A VMI that is not running, or stops on the way, fails the migration.
 */
export function reconcileMigration(
  ctx: ControllerContext,
  namespace: string,
  name: string,
): void {
  const migration = ctx.store.get(
    virtualMachineInstanceMigrations,
    namespace,
    name,
  );
  if (!migration || migration.metadata.deletionTimestamp) return;
  const phase: string = migration.status?.phase ?? '';
  if (phase === 'Succeeded' || phase === 'Failed') return;
  const now = ctx.now();
  const uid = migration.metadata.uid;
  const vmiName: string | undefined = migration.spec?.vmiName;
  if (!vmiName) {
    fail(ctx, migration, 'the migration names no VMI (spec.vmiName)');
    return;
  }

  if (migration.metadata.labels?.[MIGRATION_VMI_NAME_LABEL] !== vmiName) {
    const labelled = deepClone(migration);
    labelled.metadata.labels = {
      ...labelled.metadata.labels,
      [MIGRATION_VMI_NAME_LABEL]: vmiName,
    };
    writeObject(
      ctx,
      virtualMachineInstanceMigrations,
      migration,
      labelled,
      CONTROLLER_MANAGER,
    );
    return; // the write requeues this migration
  }

  const vmi = ctx.store.get(virtualMachineInstances, namespace, vmiName);
  if (!isRunning(vmi)) {
    fail(
      ctx,
      migration,
      `VMI ${namespace}/${vmiName} is not running, so it cannot be migrated`,
    );
    return;
  }

  if (phase === '') {
    const sourceNode: string = vmi.status.nodeName;
    const state = {
      migrationUid: uid,
      sourceNode,
      targetNode: targetNodeOf(ctx, sourceNode),
      targetPod: `virt-launcher-${vmiName}-${uid.slice(0, 5)}`,
      startTimestamp: formatTimestamp(now),
      mode: 'PreCopy',
    };
    ctx.phaseClock.since(uid, 'Running', now);
    writeStatus(
      ctx,
      virtualMachineInstanceMigrations,
      migration,
      {
        phase: 'Running',
        phaseTransitionTimestamps: transitions(
          migration,
          [...PHASES_BEFORE_RUNNING, 'Running'],
          now,
        ),
        migrationState: state,
      },
      CONTROLLER_MANAGER,
    );
    writeStatus(
      ctx,
      virtualMachineInstances,
      vmi,
      { ...vmi.status, migrationState: state },
      CONTROLLER_MANAGER,
    );
    ctx.requeue(
      virtualMachineInstanceMigrations,
      namespace,
      name,
      ctx.timings.migration,
    );
    return;
  }

  const due = ctx.phaseClock.since(uid, 'Running', now) + ctx.timings.migration;
  if (now < due) {
    ctx.requeue(virtualMachineInstanceMigrations, namespace, name, due - now);
    return;
  }
  const state = {
    ...migration.status?.migrationState,
    completed: true,
    endTimestamp: formatTimestamp(now),
  };
  const targetNode: string = state.targetNode;
  const current = placeOnNode(ctx, vmi, targetNode);
  writeStatus(
    ctx,
    virtualMachineInstances,
    current,
    { ...current.status, nodeName: targetNode, migrationState: state },
    CONTROLLER_MANAGER,
  );
  writeStatus(
    ctx,
    virtualMachineInstanceMigrations,
    migration,
    {
      ...migration.status,
      phase: 'Succeeded',
      phaseTransitionTimestamps: transitions(migration, ['Succeeded'], now),
      migrationState: state,
    },
    CONTROLLER_MANAGER,
  );
  ctx.phaseClock.forget(uid);
}

/** Whether a VMI is being migrated: a migration started and has not ended. */
export function isMigrating(vmi: StoredObject | undefined): boolean {
  const state = vmi?.status?.migrationState;
  return !!state?.startTimestamp && !state.endTimestamp;
}
