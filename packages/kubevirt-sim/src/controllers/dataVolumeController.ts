import { dataVolumes, storageClasses } from '../api/resources';
import { DEFAULT_STORAGE_CLASS_ANNOTATION } from '../constants';
import { StoredObject } from '../types';
import {
  Condition,
  ControllerContext,
  conditions,
  keyOf,
  writeStatus,
} from './context';

const MANAGER = 'cdi-controller';

/** CDI names its phases after the kind of population: import, clone or upload. */
function populationKind(dv: StoredObject): 'Import' | 'Clone' | 'Upload' {
  const source = dv.spec?.source ?? {};
  if (source.pvc || source.snapshot || dv.spec?.sourceRef) return 'Clone';
  if (source.upload) return 'Upload';
  return 'Import';
}

/** The storage class the DataVolume's claim would get, or why it gets none. */
function resolveStorageClass(
  ctx: ControllerContext,
  dv: StoredObject,
): { name?: string; problem?: string } {
  const requested: string | undefined =
    dv.spec?.storage?.storageClassName ?? dv.spec?.pvc?.storageClassName;
  if (requested) {
    return ctx.store.has(storageClasses, undefined, requested)
      ? { name: requested }
      : { problem: `storageclass.storage.k8s.io "${requested}" not found` };
  }
  const fallback = ctx.store
    .list(storageClasses)
    .find(
      sc =>
        sc.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true',
    );
  return fallback
    ? { name: fallback.metadata.name }
    : {
        problem:
          'no storage class requested and no default storage class exists',
      };
}

function dvConditions(
  dv: StoredObject,
  bound: Condition['status'],
  ready: Condition['status'],
  running: Condition['status'],
  reason: string,
  message: string,
  now: number,
): Condition[] {
  return conditions(
    dv.status?.conditions,
    [
      {
        type: 'Bound',
        status: bound,
        reason: bound === 'True' ? 'Bound' : reason,
        message: bound === 'True' ? `PVC ${dv.metadata.name} Bound` : message,
      },
      {
        type: 'Ready',
        status: ready,
        reason,
        message: ready === 'True' ? '' : message,
      },
      {
        type: 'Running',
        status: running,
        reason,
        message: running === 'True' ? '' : message,
      },
    ],
    now,
  );
}

/**
 * CDI's DataVolume controller, simulated: Pending → {Import,Clone}Scheduled →
 * {Import,Clone}InProgress with `status.progress` rising in steps → Succeeded. A missing
 * storage class keeps it Pending; a forced failure makes it Failed.
 */
export function reconcileDataVolume(
  ctx: ControllerContext,
  namespace: string,
  name: string,
): void {
  const dv = ctx.store.get(dataVolumes, namespace, name);
  if (!dv || dv.metadata.deletionTimestamp) return;
  const now = ctx.now();
  const uid = dv.metadata.uid;
  const phase: string = dv.status?.phase ?? '';
  const kind = populationKind(dv);
  const base = { claimName: name, restartCount: dv.status?.restartCount ?? 0 };
  const forced = ctx.failedDataVolumes.get(keyOf(namespace, name));
  /** Pending: the claim is not bound yet, for `message`'s reason. */
  const writePending = (message: string) =>
    writeStatus(
      ctx,
      dataVolumes,
      dv,
      {
        ...base,
        phase: 'Pending',
        progress: 'N/A',
        conditions: dvConditions(
          dv,
          'False',
          'False',
          'False',
          'Pending',
          message,
          now,
        ),
      },
      MANAGER,
    );

  if (forced !== undefined) {
    writeStatus(
      ctx,
      dataVolumes,
      dv,
      {
        ...base,
        phase: 'Failed',
        progress: dv.status?.progress ?? 'N/A',
        conditions: dvConditions(
          dv,
          'True',
          'False',
          'False',
          `${kind}Failed`,
          forced,
          now,
        ),
      },
      MANAGER,
    );
    return;
  }
  if (phase === 'Succeeded' || phase === 'Failed') return;

  const storage = resolveStorageClass(ctx, dv);
  if (storage.problem) {
    ctx.phaseClock.since(uid, 'Pending', now);
    writePending(storage.problem);
    return; // storage class events requeue Pending DataVolumes
  }

  if (phase === '' || phase === 'Pending') {
    const since = ctx.phaseClock.since(uid, 'Pending', now);
    if (phase === '') {
      writePending('PVC Pending');
    }
    const due = since + ctx.timings.dataVolumeScheduling;
    if (now < due) {
      ctx.requeue(dataVolumes, namespace, name, due - now);
      return;
    }
    const scheduled = ctx.store.get(dataVolumes, namespace, name)!;
    ctx.phaseClock.since(uid, `${kind}Scheduled`, now);
    writeStatus(
      ctx,
      dataVolumes,
      scheduled,
      {
        ...base,
        phase: `${kind}Scheduled`,
        progress: 'N/A',
        conditions: dvConditions(
          scheduled,
          'True',
          'False',
          'False',
          `${kind}Scheduled`,
          `${kind} into ${name} scheduled`,
          now,
        ),
      },
      MANAGER,
    );
    ctx.requeue(dataVolumes, namespace, name, 0);
    return;
  }

  if (phase === `${kind}Scheduled`) {
    ctx.phaseClock.since(uid, `${kind}InProgress`, now);
    writeStatus(
      ctx,
      dataVolumes,
      dv,
      {
        ...base,
        phase: `${kind}InProgress`,
        progress: '0.00%',
        conditions: dvConditions(
          dv,
          'True',
          'False',
          'True',
          'Pod is running',
          `${kind} into ${name} in progress`,
          now,
        ),
      },
      MANAGER,
    );
    ctx.requeue(dataVolumes, namespace, name, 0);
    return;
  }

  if (phase === `${kind}InProgress`) {
    const since = ctx.phaseClock.since(uid, phase, now);
    const total = ctx.timings.dataVolumeImport;
    const steps = ctx.timings.dataVolumeProgressSteps;
    const fraction = total === 0 ? 1 : (now - since) / total;
    if (fraction >= 1) {
      writeStatus(
        ctx,
        dataVolumes,
        dv,
        {
          ...base,
          phase: 'Succeeded',
          progress: '100.0%',
          conditions: dvConditions(
            dv,
            'True',
            'True',
            'False',
            'Completed',
            '',
            now,
          ),
        },
        MANAGER,
      );
      return;
    }
    const step = Math.floor(fraction * steps);
    writeStatus(
      ctx,
      dataVolumes,
      dv,
      {
        ...dv.status,
        progress: `${((step / steps) * 100).toFixed(2)}%`,
      },
      MANAGER,
    );
    const nextAt = since + ((step + 1) * total) / steps;
    ctx.requeue(dataVolumes, namespace, name, Math.max(0, nextAt - now));
  }
}
