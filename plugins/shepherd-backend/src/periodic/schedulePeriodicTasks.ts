import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ShepherdStore } from '../database/ShepherdStore';
import { ClusterConnections } from '../providers/ClusterConnections';
import { AdoptionDiscovery } from './AdoptionDiscovery';
import { ClusterHealthRefresher } from './ClusterHealthRefresher';
import {
  CREDENTIAL_REENCRYPTION_TASK,
  CredentialReencryption,
} from './CredentialReencryption';
import { ClusterReconciler, ReconcilerOptions } from './ClusterReconciler';
import { SHEPHERD_SERVICE_ACTOR } from '@kubevirt-shepherd/plugin-shepherd-common';
import { StatusPollIntervals, VmStatusSync } from './VmStatusSync';
import { ShepherdInstallation } from '../service/installation/ShepherdInstallation';
import { RequestRateLimiter } from '../service/limits/RequestRateLimiter';

/** The periodic scan for VMs to adopt (upstream `vm_adoption_discovery_scan`). */
export const ADOPTION_DISCOVERY_TASK = 'shepherd-adoption-discovery';

/** Terminal domain events are archived after this long. */
export const EVENT_ARCHIVE_AFTER_MS = 30 * 24 * 60 * 60_000;

/**
 * Shepherd's periodic tasks: status sync (of VMs that no watch follows), cluster health, the
 * reconciler, adoption discovery, the re-encryption of credentials under the current key,
 * and the retention of events, finished jobs, reconciler reports and the rate limits' ended
 * windows. Each runs on one replica at a time (`scope: 'global'`); those that reach
 * clusters do nothing while no provider is installed.
 */
export async function schedulePeriodicTasks(deps: {
  store: ShepherdStore;
  connections: ClusterConnections;
  installation: ShepherdInstallation;
  /** Finds VMs to adopt; the same one serves scans asked for through the API. */
  adoptionDiscovery: AdoptionDiscovery;
  /** How long finished jobs are kept (`shepherd.jobs.retentionDays`). */
  jobRetentionMs: number;
  /** How often the status sync looks at VMs (`shepherd.vmState.poll`). */
  pollIntervals: StatusPollIntervals;
  /** Whether VMs of clusters whose provider can watch are left to the VM watches. */
  leaveWatchedClusters: boolean;
  reconciler: ClusterReconciler;
  reconcilerOptions: ReconcilerOptions;
  credentialReencryption: CredentialReencryption;
  /** Whose counts of ended windows the retention deletes. */
  rateLimiter: RequestRateLimiter;
  logger: LoggerService;
  scheduler: SchedulerService;
}): Promise<void> {
  const { store, connections, logger, scheduler, reconcilerOptions } = deps;
  const { scheduledMode } = reconcilerOptions;
  const withProvider = (task: () => Promise<unknown>) => async () => {
    if (connections.hasProvider()) {
      await task();
    }
  };
  const statusSync = new VmStatusSync(
    store,
    connections,
    deps.installation,
    logger,
    () => new Date(),
    deps.pollIntervals,
    { leaveWatchedClusters: deps.leaveWatchedClusters },
  );
  const clusterHealth = new ClusterHealthRefresher(store, connections, logger);
  const tasks: Array<
    Omit<SchedulerServiceTaskScheduleDefinition, 'scope'> & {
      id: string;
      fn: () => Promise<void>;
    }
  > = [
    {
      id: 'shepherd-vm-status-sync',
      // Often enough that a transitional VM is looked at on time.
      frequency: { milliseconds: deps.pollIntervals.transitionalMs },
      timeout: { minutes: 5 },
      fn: withProvider(() => statusSync.run()),
    },
    {
      id: 'shepherd-cluster-health',
      frequency: { seconds: 60 },
      timeout: { minutes: 2 },
      fn: withProvider(() => clusterHealth.run()),
    },
    ...(scheduledMode === 'off'
      ? []
      : [
          {
            id: 'shepherd-reconciler',
            frequency: { minutes: reconcilerOptions.intervalMinutes },
            timeout: { minutes: 30 },
            fn: withProvider(() =>
              deps.reconciler.runAll({
                mode: scheduledMode,
                trigger: 'SCHEDULED',
                requestedBy: SHEPHERD_SERVICE_ACTOR,
              }),
            ),
          },
        ]),
    {
      id: ADOPTION_DISCOVERY_TASK,
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      fn: withProvider(() => deps.adoptionDiscovery.run()),
    },
    {
      id: CREDENTIAL_REENCRYPTION_TASK,
      // A rotated key is in use everywhere within minutes; with nothing to move a run is
      // one indexed query.
      frequency: { minutes: 5 },
      timeout: { minutes: 10 },
      fn: async () => {
        await deps.credentialReencryption.run();
      },
    },
    {
      id: 'shepherd-retention',
      frequency: { hours: 24 },
      timeout: { minutes: 10 },
      fn: async () => {
        const now = Date.now();
        const archived = await store.events.archiveTerminal(
          new Date(now - EVENT_ARCHIVE_AFTER_MS).toISOString(),
          new Date(now).toISOString(),
        );
        const deleted = await store.jobs.deleteFinished(
          new Date(now - deps.jobRetentionMs).toISOString(),
        );
        const reports = await store.reconcileReports.deleteStartedBefore(
          new Date(now - reconcilerOptions.reportRetentionMs).toISOString(),
        );
        // Each user's older windows go as its next request is counted; these are the
        // windows of users who sent none since.
        await deps.rateLimiter.deleteExpired();
        if (archived + deleted + reports > 0) {
          logger.info(
            `Archived ${archived} domain events older than 30 days; deleted ${deleted} finished jobs and ${reports} reconciler reports`,
          );
        }
      },
    },
  ];
  for (const task of tasks) {
    await scheduler.scheduleTask({ ...task, scope: 'global' });
  }
}
