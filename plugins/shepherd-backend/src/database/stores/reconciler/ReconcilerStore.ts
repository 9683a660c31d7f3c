import {
  Page,
  ReconcileFinding,
  ReconcileMark,
  ReconcileReport,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PageRequest } from '../../paging';

/** The reconciler's reports: one per run and cluster, newest first. */
export interface ReconcileReportsStore {
  insert(report: ReconcileReport): Promise<void>;
  get(id: string): Promise<ReconcileReport | undefined>;
  list(
    options: PageRequest & {
      clusterId?: string;
      /** Only each cluster's latest report. */
      latestPerCluster?: boolean;
    },
  ): Promise<Page<ReconcileReport>>;
  /** Deletes the reports of runs started before `before`; answers how many. */
  deleteStartedBefore(before: string): Promise<number>;
}

/** The ghosts and orphans that runs in mark mode marked. */
export interface ReconcileMarksStore {
  /**
   * Makes the cluster's marks the findings of one run: new findings are marked, those marked
   * before keep when they were first marked, and marks the run no longer found go.
   */
  replaceForCluster(
    clusterId: string,
    findings: ReadonlyArray<ReconcileFinding>,
    run: { reportId: string; markedAt: string },
  ): Promise<void>;
  list(
    options: PageRequest & { clusterId?: string },
  ): Promise<Page<ReconcileMark>>;
}
