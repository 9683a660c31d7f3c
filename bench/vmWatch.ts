/*
 * Measures how Shepherd keeps VM records in step with their clusters: live watches
 * (ClusterVmWatches, ADR 0016) against the status poll they replace (VmStatusSync at its
 * default intervals), on 3 simulated clusters holding BENCH_VMS VMs in total, each simulator
 * in a process of its own.
 *
 *   yarn bench:watch
 *
 * For each way it measures, in the same run and on the same records:
 * - lag: from a change made on a cluster (a `runStrategy: Halted` or `Always` patch, as
 *   kubectl would send it) until the record shows its outcome, committed through the unit of
 *   work — BENCH_CHANGES changes, BENCH_CHANGE_RATE per second;
 * - idle CPU: the benchmark process's CPU time (user + system) per minute while nothing
 *   changes, for BENCH_IDLE_SECONDS, as a share of one core.
 *
 * The poll's lag is measured on a simulated clock: VmStatusSync runs its rounds every
 * 15 s of simulated time, with the records' last polls spread over the past 30 minutes as in
 * a steady state, and the lag is the simulated time until the round that records the change
 * (waiting half an hour per sample in real time would prove nothing more).
 *
 * Environment: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432),
 * BENCH_VMS (default 10000), BENCH_CHANGES (default 200), BENCH_CHANGE_RATE (default 5),
 * BENCH_IDLE_SECONDS (default 60).
 */
import { KubeConfig } from '@kubernetes/client-node';
import { VmStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import { KubeVirtVmProvider } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import { sendKubeRequest } from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt/src/client/kubeHttp';
import {
  DEFAULT_KUBEVIRT_PROVIDER_OPTIONS,
  responseLimitsOf,
} from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt/src/options';
import { Fixtures } from '@kubevirt-shepherd/plugin-shepherd-backend/src/__testUtils__/fixtures';
import { DatabaseShepherdStore } from '@kubevirt-shepherd/plugin-shepherd-backend/src/database/DatabaseShepherdStore';
import { MIGRATIONS_DIRECTORY } from '@kubevirt-shepherd/plugin-shepherd-backend/src/database/migrations';
import {
  DEFAULT_POLL_INTERVALS,
  VmStatusSync,
} from '@kubevirt-shepherd/plugin-shepherd-backend/src/periodic/VmStatusSync';
import { ClusterConnections } from '@kubevirt-shepherd/plugin-shepherd-backend/src/providers/ClusterConnections';
import { VmProviderRegistry } from '@kubevirt-shepherd/plugin-shepherd-backend/src/providers/VmProviderRegistry';
import { AuditRecorder } from '@kubevirt-shepherd/plugin-shepherd-backend/src/service/audit/AuditRecorder';
import { VmStateChange } from '@kubevirt-shepherd/plugin-shepherd-backend/src/service/changes/recordChanges';
import { GovernanceContext } from '@kubevirt-shepherd/plugin-shepherd-backend/src/service/GovernanceContext';
import { ClusterVmWatches } from '@kubevirt-shepherd/plugin-shepherd-backend/src/watch/ClusterVmWatches';
import { DEFAULT_VM_WATCH_OPTIONS } from '@kubevirt-shepherd/plugin-shepherd-backend/src/watch/vmWatchOptions';
import { ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { Client } from 'pg';

const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const VMS = Number(process.env.BENCH_VMS ?? 10_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);
const CHANGE_RATE = Number(process.env.BENCH_CHANGE_RATE ?? 5);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const CLUSTERS = ['east', 'west', 'north'];
const NAMESPACE = 'bench';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Says only what went wrong. */
const silentLogger = {
  info() {},
  warn(message: string) {
    log(`warn: ${message}`);
  },
  error(message: string) {
    log(`error: ${message}`);
  },
  debug() {},
  child() {
    return silentLogger;
  },
} as any;

/** Watches and polls audit nothing; the recorder needs an auditor all the same. */
const silentAuditor = {
  async createEvent() {
    return { async success() {}, async fail() {} };
  },
} as any;

interface SimulatedCluster {
  name: string;
  kubeconfig: string;
  server: string;
  process: ChildProcess;
  clusterId: string;
  kubeConfig: KubeConfig;
}

function startSimulatorProcess(name: string): Promise<SimulatedCluster> {
  const child = fork(join(__dirname, 'vmWatchSimulator.ts'), [], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    env: { ...process.env, BENCH_SIM_NAME: name },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', code =>
      reject(new Error(`simulator ${name} exited (${code})`)),
    );
    const onReady = (message: any) => {
      if (message?.type !== 'ready') return;
      child.off('message', onReady);
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(message.kubeconfig);
      resolve({
        name,
        kubeconfig: message.kubeconfig,
        server: message.url,
        process: child,
        clusterId: '',
        kubeConfig,
      });
    };
    child.on('message', onReady);
  });
}

function seed(cluster: SimulatedCluster, count: number): Promise<number> {
  return new Promise(resolve => {
    const onMessage = (message: any) => {
      if (message?.type !== 'seeded') return;
      cluster.process.off('message', onMessage);
      resolve(message.ms);
    };
    cluster.process.on('message', onMessage);
    cluster.process.send({
      type: 'seed',
      namespace: NAMESPACE,
      prefix: `${NAMESPACE}-${cluster.name}`,
      count,
    });
  });
}

/** `kubectl patch vm … --type merge -p '{"spec":{"runStrategy":…}}'` */
async function setRunStrategy(
  cluster: SimulatedCluster,
  name: string,
  runStrategy: 'Halted' | 'Always',
) {
  await sendKubeRequest(
    cluster.kubeConfig,
    cluster.server,
    {
      method: 'PATCH',
      path: `/apis/kubevirt.io/v1/namespaces/${NAMESPACE}/virtualmachines/${name}`,
      contentType: 'application/merge-patch+json',
      body: { spec: { runStrategy } },
    },
    {
      timeoutMs: 10_000,
      limits: responseLimitsOf(DEFAULT_KUBEVIRT_PROVIDER_OPTIONS),
    },
  );
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** CPU time of this process over `seconds` of wall time, as a share of one core. */
async function idleCpu(seconds: number): Promise<number> {
  const start = process.cpuUsage();
  const begin = performance.now();
  await new Promise(resolve => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (performance.now() - begin);
}

interface Change {
  vmId: string;
  cluster: SimulatedCluster;
  name: string;
  target: VmStatus;
}

/** The VMs to change: spread over the clusters, each changed once, alternately stopped and started. */
function pickChanges(
  records: Array<{ id: string; name: string; cluster: SimulatedCluster }>,
  count: number,
  from: 'RUNNING' | 'STOPPED',
): Change[] {
  const step = Math.max(1, Math.floor(records.length / count));
  const picked: Change[] = [];
  for (let i = 0; i < count && i * step < records.length; i++) {
    const record = records[i * step];
    picked.push({
      vmId: record.id,
      cluster: record.cluster,
      name: record.name,
      target: from === 'RUNNING' ? 'STOPPED' : 'RUNNING',
    });
  }
  return picked;
}

async function withDatabase<T>(work: (knex: Knex) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const database = `shepherd_bench_watch_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 2, max: 20 },
  });
  try {
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    return await work(knex);
  } finally {
    await knex.destroy();
    await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  log(`Starting ${CLUSTERS.length} simulators…`);
  const clusters = await Promise.all(CLUSTERS.map(startSimulatorProcess));
  try {
    await withDatabase(async knex => {
      const store = new DatabaseShepherdStore(knex);
      const fixtures = new Fixtures(store);
      const provider = KubeVirtVmProvider.create({ logger: silentLogger });
      const registry = new VmProviderRegistry();
      registry.addProvider(provider);
      const kubeconfigs = new Map<string, string>();
      const connections = new ClusterConnections(
        store,
        { getClusterKubeconfig: async id => kubeconfigs.get(id)! },
        registry,
      );
      const listeners = new Set<(changes: VmStateChange[]) => void>();
      const logger = silentLogger;
      const context = new GovernanceContext({
        store,
        auditRecorder: new AuditRecorder(silentAuditor, logger),
        logger,
        onVmStateChanged: changes => listeners.forEach(l => l(changes)),
      });

      // The clusters and their VMs, on the clusters and in Shepherd's records.
      const perCluster = Math.ceil(VMS / clusters.length);
      const seedTimes = await Promise.all(
        clusters.map(c => seed(c, perCluster)),
      );
      log(
        `Seeded ${
          perCluster * clusters.length
        } VMs on the simulators (${seedTimes
          .map(ms => `${(ms / 1000).toFixed(1)} s`)
          .join(', ')})`,
      );
      const service = await fixtures.service(
        await fixtures.system({ name: 'bench' }),
      );
      const records: Array<{
        id: string;
        name: string;
        cluster: SimulatedCluster;
      }> = [];
      const createdAt = new Date(Date.now() - 60 * 60_000).toISOString();
      for (const cluster of clusters) {
        const registered = await fixtures.cluster({ name: cluster.name });
        cluster.clusterId = registered.id;
        kubeconfigs.set(registered.id, cluster.kubeconfig);
        for (let i = 0; i < perCluster; i++) {
          const name = `${NAMESPACE}-${cluster.name}-${i}`;
          const vm = await fixtures.vm(service, {
            name,
            namespace: NAMESPACE,
            clusterId: registered.id,
            status: 'UNKNOWN',
            createdAt,
            updatedAt: createdAt,
          });
          records.push({ id: vm.id, name, cluster });
        }
      }
      log(`Recorded ${records.length} VMs`);

      /** Resolves when every change's record reaches its target, with each one's lag (ms). */
      const measureLag = async (
        changes: Change[],
        sent: Map<string, number>,
        landed: (vmIds: Set<string>) => Promise<Map<string, number>>,
      ) => {
        const done = await landed(new Set(changes.map(c => c.vmId)));
        return changes.map(c => done.get(c.vmId)! - sent.get(c.vmId)!);
      };

      // ---- Watches ----
      const watches = new ClusterVmWatches({
        store,
        connections,
        context,
        logger,
        options: DEFAULT_VM_WATCH_OPTIONS,
        holder: 'bench',
        installationId: 'bench',
      });
      const syncBegin = performance.now();
      const allRunning = new Promise<void>(resolve => {
        let running = 0;
        const listener = (changes: VmStateChange[]) => {
          running += changes.filter(c => c.status === 'RUNNING').length;
          if (running >= records.length) {
            listeners.delete(listener);
            resolve();
          }
        };
        listeners.add(listener);
      });
      watches.start();
      await allRunning;
      const initialSyncMs = performance.now() - syncBegin;
      log(
        `Watches: first list of all clusters recorded in ${(
          initialSyncMs / 1000
        ).toFixed(1)} s`,
      );

      // Let the first lists' garbage go before idling.
      await new Promise(resolve => setTimeout(resolve, 5_000));
      const watchIdle = await idleCpu(IDLE_SECONDS);
      log(`Watches: idle CPU ${(watchIdle * 100).toFixed(2)} % of one core`);

      const watchChanges = pickChanges(records, CHANGES, 'RUNNING');
      const watchSent = new Map<string, number>();
      const watchLanded = new Map<string, number>();
      const targets = new Map(watchChanges.map(c => [c.vmId, c.target]));
      const allLanded = new Promise<void>(resolve => {
        const listener = (changes: VmStateChange[]) => {
          const now = performance.now();
          for (const change of changes) {
            if (
              targets.get(change.id) === change.status &&
              !watchLanded.has(change.id)
            ) {
              watchLanded.set(change.id, now);
            }
          }
          if (watchLanded.size === watchChanges.length) {
            listeners.delete(listener);
            resolve();
          }
        };
        listeners.add(listener);
      });
      for (const change of watchChanges) {
        watchSent.set(change.vmId, performance.now());
        void setRunStrategy(change.cluster, change.name, 'Halted');
        await new Promise(resolve => setTimeout(resolve, 1000 / CHANGE_RATE));
      }
      await allLanded;
      const watchLags = await measureLag(
        watchChanges,
        watchSent,
        async () => watchLanded,
      );
      log(
        `Watches: lag p50 ${percentile(watchLags, 50).toFixed(
          0,
        )} ms, p99 ${percentile(watchLags, 99).toFixed(0)} ms`,
      );
      await watches.stop();

      // ---- Polling (VmStatusSync, default intervals) ----
      let virtualNow = Date.now();
      const sync = new VmStatusSync(
        store,
        connections,
        { id: 'bench' },
        logger,
        () => new Date(virtualNow),
      );
      // The steady state: every VM polled once in the last 30 minutes, evenly spread.
      const stableMs = DEFAULT_POLL_INTERVALS.stableMs;
      await knex.transaction(async trx => {
        for (let i = 0; i < records.length; i++) {
          await trx('vms')
            .where({ id: records[i].id })
            .update({
              last_polled_at: new Date(
                virtualNow -
                  ((i * 7919) % records.length) * (stableMs / records.length),
              ).toISOString(),
            });
        }
      });
      const tickMs = 15_000;
      // Idle CPU in real time: a round every 15 s, as the scheduler runs it.
      const pollCpuStart = process.cpuUsage();
      const pollBegin = performance.now();
      while (performance.now() - pollBegin < IDLE_SECONDS * 1000) {
        const roundBegin = performance.now();
        virtualNow = Date.now();
        await sync.run();
        const rest = tickMs - (performance.now() - roundBegin);
        if (performance.now() - pollBegin + rest > IDLE_SECONDS * 1000) {
          await new Promise(resolve =>
            setTimeout(
              resolve,
              IDLE_SECONDS * 1000 - (performance.now() - pollBegin),
            ),
          );
          break;
        }
        await new Promise(resolve => setTimeout(resolve, Math.max(rest, 0)));
      }
      const pollUsed = process.cpuUsage(pollCpuStart);
      const pollIdle =
        (pollUsed.user + pollUsed.system) /
        1000 /
        (performance.now() - pollBegin);
      log(`Polling: idle CPU ${(pollIdle * 100).toFixed(2)} % of one core`);

      // Lag on the simulated clock: the stopped VMs are started again behind Shepherd's back.
      const pollChanges = pickChanges(records, CHANGES, 'STOPPED');
      const changedAt = virtualNow;
      for (const change of pollChanges) {
        await setRunStrategy(change.cluster, change.name, 'Always');
      }
      const pollLanded = new Map<string, number>();
      const pollTargets = new Map(pollChanges.map(c => [c.vmId, c.target]));
      // VmStatusSync writes its polls outside the unit of work; the records tell what landed.
      let rounds = 0;
      while (
        pollLanded.size < pollChanges.length &&
        rounds < 2 * (stableMs / tickMs) + 2
      ) {
        virtualNow += tickMs;
        rounds += 1;
        await sync.run();
        const rows = await knex('vms')
          .whereIn(
            'id',
            pollChanges.map(c => c.vmId),
          )
          .select('id', 'status');
        for (const row of rows) {
          if (
            pollTargets.get(row.id) === row.status &&
            !pollLanded.has(row.id)
          ) {
            pollLanded.set(row.id, virtualNow);
          }
        }
      }
      const pollLags = pollChanges.map(
        c => (pollLanded.get(c.vmId) ?? Number.NaN) - changedAt,
      );
      log(
        `Polling: lag p50 ${(percentile(pollLags, 50) / 1000).toFixed(
          0,
        )} s, p99 ${(percentile(pollLags, 99) / 1000).toFixed(
          0,
        )} s (simulated clock, ${rounds} rounds)`,
      );

      const fmtMs = (ms: number) =>
        ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${ms.toFixed(0)} ms`;
      const rows = [
        [
          'Watches (ClusterVmWatches)',
          fmtMs(percentile(watchLags, 50)),
          fmtMs(percentile(watchLags, 99)),
          `${(watchIdle * 100).toFixed(2)} %`,
          `${(watchIdle * 60).toFixed(1)} s`,
        ],
        [
          'Polling (VmStatusSync, 15 s / 30 min)',
          fmtMs(percentile(pollLags, 50)),
          fmtMs(percentile(pollLags, 99)),
          `${(pollIdle * 100).toFixed(2)} %`,
          `${(pollIdle * 60).toFixed(1)} s`,
        ],
      ];
      const ratio = (a: number, b: number) =>
        b > 0 ? `${(a / b).toFixed(0)}×` : 'n/a';
      process.stdout.write(
        [
          `VM state on ${clusters.length} simulated clusters, ${records.length} VMs, ${watchChanges.length} changes at ${CHANGE_RATE}/s, idle ${IDLE_SECONDS} s, Node.js ${process.version}, PostgreSQL`,
          '',
          '| Way | Lag p50 | Lag p99 | Idle CPU (share of one core) | Idle CPU per minute |',
          '| --- | ---: | ---: | ---: | ---: |',
          ...rows.map(r => `| ${r.join(' | ')} |`),
          '',
          `Watches against polling: lag p50 ${ratio(
            percentile(pollLags, 50),
            percentile(watchLags, 50),
          )} shorter, idle CPU ${ratio(
            pollIdle,
            watchIdle,
          )} lower. First list of all clusters recorded in ${(
            initialSyncMs / 1000
          ).toFixed(1)} s.`,
          '',
        ].join('\n'),
      );
    });
  } finally {
    for (const cluster of clusters) cluster.process.disconnect();
  }
}

main().then(
  () => process.exit(0),
  error => {
    // eslint-disable-next-line no-console
    console.error(error);
    process.exit(1);
  },
);
