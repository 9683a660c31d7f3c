import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ShepherdStore } from '../database/ShepherdStore';
import { ClusterConnections } from '../providers/ClusterConnections';
import { ClusterHealthRefresher } from './ClusterHealthRefresher';
import { StatusPollIntervals, VmStatusSync } from './VmStatusSync';

/** Terminal domain events are archived after this long. */
export const EVENT_ARCHIVE_AFTER_MS = 30 * 24 * 60 * 60_000;

/**
 * Shepherd's periodic tasks: status sync (of VMs that no watch follows), cluster health, and the retention of events and
 * finished jobs. Each runs on one replica at a time (`scope: 'global'`); those that reach
 * clusters do nothing while no provider is installed.
 */
export async function schedulePeriodicTasks(deps: {
  store: ShepherdStore;
  connections: ClusterConnections;
  /** How long finished jobs are kept (`shepherd.jobs.retentionDays`). */
  jobRetentionMs: number;
  /** How often the status sync looks at VMs (`shepherd.vmState.poll`). */
  pollIntervals: StatusPollIntervals;
  /** Whether VMs of clusters whose provider can watch are left to the VM watches. */
  leaveWatchedClusters: boolean;
  logger: LoggerService;
  scheduler: SchedulerService;
}): Promise<void> {
  const { store, connections, logger, scheduler } = deps;
  const withProvider = (task: () => Promise<unknown>) => async () => {
    if (connections.hasProvider()) {
      await task();
    }
  };
  const statusSync = new VmStatusSync(
    store,
    connections,
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
        if (archived + deleted > 0) {
          logger.info(
            `Archived ${archived} domain events older than 30 days; deleted ${deleted} finished jobs`,
          );
        }
      },
    },
  ];
  for (const task of tasks) {
    await scheduler.scheduleTask({ ...task, scope: 'global' });
  }
}
