import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ClusterAttention,
  ReconcileReport,
  ReconcileTrigger,
  RunnableReconcileMode,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdVmRuntimeState } from '@kubevirt-shepherd/plugin-shepherd-node';
import { randomUUID } from 'node:crypto';
import { readInPages } from '../database/paging';
import {
  GHOST_HALT_RATIO,
  REPORT_FINDINGS_LIMIT,
  RecordToReconcile,
  Reconciliation,
  reconcile,
} from '../domain/reconciliation';
import { ClusterConnections } from '../providers/ClusterConnections';
import { GovernanceContext, UnitOfWork } from '../service/GovernanceContext';
import { ShepherdInstallation } from '../service/installation/ShepherdInstallation';
import { ShepherdNotifier } from '../service/notifications/ShepherdNotifier';

/** The reconciler's settings (`shepherd.reconciler.*`), with their bounds. */
export interface ReconcilerOptions {
  /** The mode of scheduled runs; `off` schedules none (runs on demand still work). */
  scheduledMode: RunnableReconcileMode | 'off';
  intervalMinutes: number;
  gracePeriodMs: number;
  reportRetentionMs: number;
}

const SETTINGS = {
  intervalMinutes: { default: 15, min: 5, max: 1440 },
  gracePeriodMinutes: { default: 10, min: 1, max: 1440 },
  reportRetentionDays: { default: 30, min: 1, max: 365 },
} as const;
const SCHEDULED_MODES = ['off', 'dry-run', 'mark'] as const;
const CONFIG_KEY = 'shepherd.reconciler';

/** Reads `shepherd.reconciler`; throws naming the key whose value is out of bounds. */
export function readReconcilerOptions(config: Config): ReconcilerOptions {
  const reconciler = config.getOptionalConfig(CONFIG_KEY);
  const bounded = (key: keyof typeof SETTINGS) => {
    const { default: fallback, min, max } = SETTINGS[key];
    const value = reconciler?.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(
        `${CONFIG_KEY}.${key} must be a whole number from ${min} to ${max}, got ${value}`,
      );
    }
    return value;
  };
  const mode = reconciler?.getOptionalString('mode') ?? 'dry-run';
  if (!(SCHEDULED_MODES as readonly string[]).includes(mode)) {
    throw new Error(
      `${CONFIG_KEY}.mode must be one of ${SCHEDULED_MODES.join(
        ', ',
      )}, got '${mode}' (the reconciler never deletes)`,
    );
  }
  return {
    scheduledMode: mode as ReconcilerOptions['scheduledMode'],
    intervalMinutes: bounded('intervalMinutes'),
    gracePeriodMs: bounded('gracePeriodMinutes') * 60_000,
    reportRetentionMs: bounded('reportRetentionDays') * 24 * 60 * 60_000,
  };
}

/** A run of the reconciler over one cluster or all of them. */
export interface ReconcileRequest {
  mode: RunnableReconcileMode;
  trigger: ReconcileTrigger;
  /** The administrator of an on-demand run; Shepherd itself for the schedule. */
  requestedBy: string;
}

const PAGE_SIZE = 100;

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

/**
 * The reconciler (seed 002 §8): compares the VM records of each cluster with the VMs this
 * installation labelled on it (`kubevirt-shepherd.io/installation` and `vm-id`), and keeps a report of each run and cluster. `dry-run` only
 * reports; `mark` also marks the ghosts and orphans it found. It never deletes anything.
 *
 * When more than half of a cluster's compared records look like ghosts, the run halts for
 * that cluster: it marks nothing, flags the cluster as needing attention, audits
 * `reconcile.halted` and alerts the platform admins (once, until a run completes again). A cluster that cannot be listed gives a
 * FAILED report, never ghosts.
 */
export class ClusterReconciler {
  constructor(
    private readonly deps: {
      context: GovernanceContext;
      connections: ClusterConnections;
      notifier: ShepherdNotifier;
      logger: LoggerService;
      /** Whose objects count: only this installation's are compared. */
      installation: ShepherdInstallation;
      gracePeriodMs: number;
    },
  ) {}

  /** Reconciles every registered cluster, one after the other. */
  async runAll(request: ReconcileRequest): Promise<ReconcileReport[]> {
    const clusters = readInPages(
      PAGE_SIZE,
      async page => (await this.deps.context.store.clusters.list(page)).items,
    );
    const reports: ReconcileReport[] = [];
    for await (const cluster of clusters) {
      reports.push(await this.runCluster(cluster, request));
    }
    return reports;
  }

  /** Reconciles one cluster and records its report. */
  async runCluster(
    cluster: ShepherdCluster,
    request: ReconcileRequest,
  ): Promise<ReconcileReport> {
    const { context } = this.deps;
    const startedAt = context.now();
    let objects: ShepherdVmRuntimeState[];
    try {
      // The cluster first, the records second: a VM approved meanwhile has a record
      // (CREATING) before its object exists, so it is never taken for an orphan.
      const { provider, connection } = await this.deps.connections.connect(
        cluster.id,
      );
      objects = await provider.listManagedVirtualMachines(connection);
    } catch (error) {
      this.deps.logger.warn(
        `Reconciler could not list the VMs of cluster ${cluster.name}: ${error}`,
      );
      return this.#record(cluster, request, {
        ...this.#emptyReport(cluster, request, startedAt),
        status: 'FAILED',
        message: `Could not list the VMs of the cluster: ${
          error instanceof Error ? error.message : String(error)
        }`,
      });
    }
    const records = await this.#recordsOf(cluster.id);
    const found = reconcile(records, objects, {
      now: context.clock(),
      gracePeriodMs: this.deps.gracePeriodMs,
      installationId: this.deps.installation.id,
    });
    const halted = found.breakerTripped;
    return this.#record(
      cluster,
      request,
      {
        ...this.#emptyReport(cluster, request, startedAt),
        status: halted ? 'HALTED' : 'COMPLETED',
        recordsCompared: found.recordsCompared,
        recordsSkipped: found.recordsSkipped,
        objectsListed: found.objectsListed,
        ghostCount: found.ghosts.length,
        orphanCount: found.orphans.length,
        ghosts: found.ghosts.slice(0, REPORT_FINDINGS_LIMIT),
        orphans: found.orphans.slice(0, REPORT_FINDINGS_LIMIT),
        marked: !halted && request.mode === 'mark',
        ...(halted && {
          haltReason: 'GHOST_THRESHOLD_EXCEEDED' as const,
          message: `${found.ghosts.length} of ${
            found.recordsCompared
          } VM records of the cluster have no VM on it (${percent(
            found.ghosts.length / found.recordsCompared,
          )}, more than ${percent(
            GHOST_HALT_RATIO,
          )}): its kubeconfig may point at another cluster.`,
        }),
      },
      found,
    );
  }

  async #recordsOf(clusterId: string): Promise<RecordToReconcile[]> {
    const records: RecordToReconcile[] = [];
    const vms = readInPages(
      PAGE_SIZE,
      async page =>
        (await this.deps.context.store.vms.list({ ...page, clusterId })).items,
    );
    for await (const vm of vms) {
      records.push({
        id: vm.id,
        namespace: vm.namespace,
        name: vm.name,
        status: vm.status,
        createdAt: vm.createdAt,
      });
    }
    return records;
  }

  #emptyReport(
    cluster: ShepherdCluster,
    request: ReconcileRequest,
    startedAt: string,
  ): Omit<ReconcileReport, 'status' | 'finishedAt'> {
    return {
      id: randomUUID(),
      clusterId: cluster.id,
      clusterName: cluster.name,
      mode: request.mode,
      trigger: request.trigger,
      requestedBy: request.requestedBy,
      startedAt,
      recordsCompared: 0,
      recordsSkipped: 0,
      objectsListed: 0,
      ghostCount: 0,
      orphanCount: 0,
      ghosts: [],
      orphans: [],
      marked: false,
    };
  }

  /**
   * Records a run in one unit of work: the report; the marks of a mark run; the cluster's
   * attention, its audit row and the admins' alert when it halted, or the attention cleared
   * when it completed; the audit row of an administrator's run.
   */
  async #record(
    cluster: ShepherdCluster,
    request: ReconcileRequest,
    draft: Omit<ReconcileReport, 'finishedAt'>,
    found?: Reconciliation,
  ): Promise<ReconcileReport> {
    const { context } = this.deps;
    const report: ReconcileReport = { ...draft, finishedAt: context.now() };
    await context.execute(async unit => {
      const { tx } = unit;
      await tx.reconcileReports.insert(report);
      if (report.status === 'HALTED') {
        await this.#halt(unit, cluster, report);
      } else if (report.status === 'COMPLETED' && cluster.attention) {
        await tx.clusters.setAttention(cluster.id, undefined);
      }
      if (report.marked && found) {
        await tx.reconcileMarks.replaceForCluster(
          cluster.id,
          [...found.ghosts, ...found.orphans],
          { reportId: report.id, markedAt: report.finishedAt },
        );
      }
      if (request.trigger === 'ON_DEMAND') {
        await unit.audit({
          action: 'reconcile.run',
          actor: request.requestedBy,
          resourceType: 'cluster',
          resourceId: cluster.id,
          resourceName: cluster.name,
          environment: cluster.environment,
          outcome: report.status === 'COMPLETED' ? 'success' : 'failure',
          details: this.#auditDetails(report),
        });
      }
    });
    return report;
  }

  async #halt(
    unit: UnitOfWork,
    cluster: ShepherdCluster,
    report: ReconcileReport,
  ) {
    const attention: ClusterAttention = {
      reason: 'GHOST_THRESHOLD_EXCEEDED',
      message: report.message ?? '',
      since: cluster.attention?.since ?? report.finishedAt,
      reportId: report.id,
    };
    await unit.tx.clusters.setAttention(cluster.id, attention);
    if (cluster.attention) {
      // Already flagged, audited and alerted: a halt on every scheduled run stays in the
      // reports and does not alert the admins again.
      return;
    }
    await unit.audit({
      action: 'reconcile.halted',
      actor: report.requestedBy,
      resourceType: 'cluster',
      resourceId: cluster.id,
      resourceName: cluster.name,
      environment: cluster.environment,
      outcome: 'failure',
      details: this.#auditDetails(report),
    });
    unit.afterCommit(() => this.deps.notifier.reconcileHalted(cluster, report));
  }

  #auditDetails(report: ReconcileReport) {
    return {
      reportId: report.id,
      mode: report.mode,
      status: report.status,
      recordsCompared: report.recordsCompared,
      objectsListed: report.objectsListed,
      ghostCount: report.ghostCount,
      orphanCount: report.orphanCount,
      marked: report.marked,
      ...(report.haltReason && { haltReason: report.haltReason }),
    };
  }
}
