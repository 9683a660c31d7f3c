import {
  ReconcileMode,
  RunnableReconcileMode,
  SHEPHERD_ERROR_CODES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ClusterReconciler } from '../../periodic/ClusterReconciler';
import { Actor } from '../Actor';
import { found, invalidInput } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import { ReconcilerService } from './ReconcilerService';

function runnable(mode: ReconcileMode): RunnableReconcileMode {
  if (mode === 'delete') {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.RECONCILE_MODE_NOT_SUPPORTED,
      "The reconciler's delete mode is not implemented: it reports (dry-run) and marks (mark), and never deletes",
      { mode, supportedModes: ['dry-run', 'mark'] },
    );
  }
  return mode;
}

/** The reconciler's reports and marks, and its runs on demand. */
export class DefaultReconcilerService implements ReconcilerService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly reconciler: ClusterReconciler,
  ) {}

  async listReports(
    _actor: Actor,
    request: Parameters<ReconcilerService['listReports']>[1],
  ) {
    return this.context.store.reconcileReports.list(request);
  }

  async getReport(_actor: Actor, id: string) {
    return found(
      await this.context.store.reconcileReports.get(id),
      'Reconciler report',
    );
  }

  async listMarks(
    _actor: Actor,
    request: Parameters<ReconcilerService['listMarks']>[1],
  ) {
    return this.context.store.reconcileMarks.list(request);
  }

  async run(actor: Actor, request: Parameters<ReconcilerService['run']>[1]) {
    const mode = runnable(request.mode);
    const run = {
      mode,
      trigger: 'ON_DEMAND' as const,
      requestedBy: actor.userEntityRef,
    };
    if (request.clusterId === undefined) {
      return { items: await this.reconciler.runAll(run) };
    }
    const cluster = found(
      await this.context.store.clusters.get(request.clusterId),
      'Cluster',
    );
    return { items: [await this.reconciler.runCluster(cluster, run)] };
  }
}
