import {
  Page,
  ReconcileMark,
  ReconcileMode,
  ReconcileReport,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';
import { PageRequest } from '../PageRequest';

/** The reconciler, for platform administrators: its reports, its marks, runs on demand. */
export interface ReconcilerService {
  listReports(
    actor: Actor,
    request: PageRequest & { clusterId?: string; latestPerCluster?: boolean },
  ): Promise<Page<ReconcileReport>>;
  getReport(actor: Actor, id: string): Promise<ReconcileReport>;
  listMarks(
    actor: Actor,
    request: PageRequest & { clusterId?: string },
  ): Promise<Page<ReconcileMark>>;
  /** Reconciles one cluster, or every cluster, now; answers the reports of the run. */
  run(
    actor: Actor,
    request: { mode: ReconcileMode; clusterId?: string },
  ): Promise<{ items: ReconcileReport[] }>;
}
