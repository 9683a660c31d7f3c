import {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ShepherdReadinessService } from '@kubevirt-shepherd/plugin-shepherd-node';
import { Knex } from 'knex';
import { ShepherdStore } from '../database/ShepherdStore';
import { VmProviderRegistry } from '../providers/VmProviderRegistry';
import { JobWorker } from '../queue/JobWorker';
import { readQueueOptions, startQueue } from '../queue/startQueue';
import { GovernanceContext } from '../service/GovernanceContext';
import { ShepherdNotifier } from '../service/notifications/ShepherdNotifier';
import { ClusterConnections } from '../providers/ClusterConnections';
import { ClusterHealthRefresher } from '../periodic/ClusterHealthRefresher';
import { VmJobHandlers } from './VmJobHandlers';
import { VmStatusSync } from '../periodic/VmStatusSync';

/** Terminal domain events are archived after this long. */
export const EVENT_ARCHIVE_AFTER_MS = 30 * 24 * 60 * 60_000;

/**
 * The asynchronous half of Shepherd: the job worker that carries operations out on clusters,
 * and the periodic tasks (status sync, cluster health, event archive). Periodic tasks run on
 * one replica at a time (`scope: 'global'`) and do nothing while no provider is installed.
 */
export async function startExecution(deps: {
  knex: Knex;
  store: ShepherdStore;
  context: GovernanceContext;
  providers: VmProviderRegistry;
  connections: ClusterConnections;
  notifier: ShepherdNotifier;
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  readiness: ShepherdReadinessService;
}): Promise<JobWorker> {
  const { store, context, providers, connections, logger, scheduler } = deps;
  const { followIntervalMs, followTimeoutMs, retentionMs } = readQueueOptions(
    deps.config,
  );
  const handlers = new VmJobHandlers({
    context,
    connections,
    notifier: deps.notifier,
    logger,
    followIntervalMs,
    followDeadlineMs: followTimeoutMs,
  }).handlers();
  const worker = await startQueue({ ...deps, handlers });
  context.onJobsEnqueued(() => worker.wake());

  const withProvider = (task: () => Promise<unknown>) => async () => {
    if (providers.list().length > 0) {
      await task();
    }
  };
  const statusSync = new VmStatusSync(store, connections, logger);
  await scheduler.scheduleTask({
    id: 'shepherd-vm-status-sync',
    frequency: { seconds: 15 },
    timeout: { minutes: 5 },
    scope: 'global',
    fn: withProvider(() => statusSync.run()),
  });
  const clusterHealth = new ClusterHealthRefresher(store, connections, logger);
  await scheduler.scheduleTask({
    id: 'shepherd-cluster-health',
    frequency: { seconds: 60 },
    timeout: { minutes: 2 },
    scope: 'global',
    fn: withProvider(() => clusterHealth.run()),
  });
  await scheduler.scheduleTask({
    id: 'shepherd-retention',
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    scope: 'global',
    fn: async () => {
      const now = Date.now();
      const archived = await store.events.archiveTerminal(
        new Date(now - EVENT_ARCHIVE_AFTER_MS).toISOString(),
        new Date(now).toISOString(),
      );
      const deleted = await store.jobs.deleteFinished(
        new Date(now - retentionMs).toISOString(),
      );
      if (archived + deleted > 0) {
        logger.info(
          `Archived ${archived} domain events older than 30 days; deleted ${deleted} finished jobs`,
        );
      }
    },
  });
  return worker;
}
