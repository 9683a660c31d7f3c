import { start as startSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import type { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import { shepherdData } from '@kubevirt-shepherd/plugin-shepherd-common';
import knexFactory, { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The seeding of `npm start` is a script of the repository, not a package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  DEMO_CLUSTERS,
  checkClustersNow,
  seedDemo,
} from '../../../scripts/seed-demo';
import { InvariantReport, checkInvariants } from './invariants';
import { FaultPlan, injectFaults } from './faults';
import { Portal } from './portal';
import { BackendReplica, ReplicaDatabase } from './replicas';
import { RunRecord, lookUpWorld, provisioningRun } from './workload';

export interface ChaosOptions {
  engine: 'postgres' | 'sqlite';
  /** Backend replicas sharing the database (1 for SQLite, whose file one process owns). */
  replicas: number;
  /** Provisioning runs (request, approve, stop, start, restart, grow, delete). */
  runs: number;
  /** Runs under way at once. */
  parallelRuns: number;
  /** SIGKILLs over the campaign; each killed replica is started again at once. */
  kills: number;
  /** Seeds the choice of kill times and victims, so a campaign can be repeated. */
  seed: number;
  /** Faults of the cluster the runs use (the fault campaign). */
  faults?: FaultPlan;
  postgresUrl: string;
  log(line: string): void;
}

export interface ChaosReport {
  engine: string;
  replicas: number;
  runs: number;
  failedRuns: RunRecord[];
  kills: number;
  /** Kills of a replica that held a running job at that moment. */
  killsDuringJobs: number;
  /** API calls sent again after their replica was killed. */
  retriedCalls: number;
  /** API calls answered 429 and sent again when the answer said. */
  rateLimitedCalls: number;
  /** API calls answered 503 (a cluster could not be asked) and sent again. */
  unavailableAnswers: number;
  /** Ghosts and orphans the reconciler found in its dry run at the end. */
  reconcilerFindings: number;
  /** Requests of the cluster that faults failed. */
  faultedRequests: number;
  /** Jobs by their final status (succeeded, failed, cancelled). */
  jobs: Record<string, number>;
  /** The cluster's statuses the portal showed during the outage, in order, without repeats. */
  clusterStatusesDuringOutage: string[];
  invariants: InvariantReport;
  seconds: number;
}

/** Shepherd's configuration of the replicas: quick jobs, and leases that expire soon. */
const SHEPHERD_CONFIG = {
  jobs: {
    pollIntervalSeconds: 1,
    followIntervalSeconds: 1,
    // A killed replica's jobs go to another once their lease expires.
    leaseSeconds: 10,
  },
};

/** How long the portal may take to finish its jobs once the runs are over. */
const QUIESCE_TIMEOUT_MS = 10 * 60_000;

/** A small seeded generator (mulberry32), so a campaign's kills can be repeated. */
function seededRandom(initial: number) {
  let state = initial >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Provisions VMs through backend replicas on one database while replicas are killed with
 * SIGKILL at random moments (preferring one that holds a running job) and started again;
 * then waits for the portal to settle and checks that its record is the cluster's truth.
 */
export async function runChaosCampaign(
  options: ChaosOptions,
): Promise<ChaosReport> {
  const began = Date.now();
  const { log } = options;
  const random = seededRandom(options.seed);
  const workDir = mkdtempSync(join(tmpdir(), 'shepherd-chaos-'));
  const clustersDir = join(workDir, 'clusters');
  mkdirSync(clustersDir);
  log(`Campaign folder ${workDir}`);

  const clusters: KubevirtSimulator[] = [];
  for (const { name } of DEMO_CLUSTERS) {
    const sim = await startSimulator({ name, timing: 'instant', vnc: false });
    await sim.writeKubeconfig(join(clustersDir, `${name}.kubeconfig`));
    clusters.push(sim);
  }
  const testCluster = clusters[0];

  const prefix = `shepherd_chaos_${randomBytes(4).toString('hex')}_`;
  const database: ReplicaDatabase =
    options.engine === 'postgres'
      ? { engine: 'postgres', url: options.postgresUrl, prefix }
      : { engine: 'sqlite', directory: join(workDir, 'sqlite') };
  const encryptionKey = randomBytes(32).toString('base64');
  const replicas = Array.from(
    { length: options.replicas },
    (_, i) =>
      new BackendReplica({
        name: `replica-${i + 1}`,
        database,
        workDir,
        encryptionKey,
        shepherd: SHEPHERD_CONFIG,
      }),
  );
  const portal = new Portal(replicas);
  let knex: Knex | undefined;
  try {
    // The first replica migrates the databases; the others start on them.
    await replicas[0].start();
    await Promise.all(replicas.slice(1).map(replica => replica.start()));
    log(`${replicas.length} replica(s) ready on ${options.engine}`);
    await seed(replicas[0].url, clustersDir);
    const world = await lookUpWorld(portal, DEMO_CLUSTERS[0].name);
    knex = connect(database);
    const installationId: string = (
      await knex('installation').first('installation_id')
    )?.installation_id;

    let running = true;
    let killsDuringJobs = 0;
    const killer = (async () => {
      for (let kill = 0; kill < options.kills && running; kill++) {
        await pause(3_000 + random() * 12_000);
        if (!running) break;
        const victim = await chooseVictim(knex!, replicas, random);
        if (victim.holdsJob) killsDuringJobs += 1;
        log(
          `Kill ${kill + 1}/${options.kills}: SIGKILL ${victim.replica.name}${
            victim.holdsJob ? ' (it holds a running job)' : ''
          }`,
        );
        await victim.replica.kill();
        await victim.replica.start();
      }
    })();

    const faults = injectFaults(testCluster, options.faults?.rate ?? 0);
    const clusterStatuses: string[] = [];
    const outage = options.faults?.outageMs
      ? (async () => {
          await pause(options.faults?.outageAfterMs ?? 10_000);
          log(
            `Outage of ${DEMO_CLUSTERS[0].name} for ${
              options.faults!.outageMs
            } ms`,
          );
          await testCluster.faults.setReachable(false);
          const ends = Date.now() + options.faults!.outageMs!;
          while (Date.now() < ends) {
            await noteClusterStatus(
              portal,
              world.clusterId,
              clusterStatuses,
              true,
            );
            await pause(Math.min(5_000, Math.max(0, ends - Date.now())));
          }
          await testCluster.faults.setReachable(true);
          log('The cluster is reachable again');
        })()
      : Promise.resolve();

    const records: RunRecord[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: options.parallelRuns }, async () => {
        while (next < options.runs) {
          const run = ++next;
          const record = await provisioningRun(portal, world, run);
          log(
            `Run ${run}/${options.runs} ${
              record.failure ? `FAILED at ${record.failure}` : 'done'
            }`,
          );
          records.push(record);
        }
      }),
    );
    // Every planned kill happens, even when the runs finished first.
    await killer;
    await outage;
    running = false;
    const faultedRequests = faults.reduce((sum, fault) => sum + fault.hits, 0);
    testCluster.faults.clear();

    await quiesce(knex);
    if (options.faults?.outageMs) {
      await noteClusterStatus(portal, world.clusterId, clusterStatuses);
    }
    const jobs: Record<string, number> = {};
    const byStatus: Array<{ status: string; count: number | string }> =
      await knex('jobs')
        .select('status')
        .count({ count: '*' })
        .groupBy('status');
    for (const row of byStatus) jobs[row.status] = Number(row.count);
    const findings = await portal.as('platform-admin', async api => {
      const reports = await shepherdData(
        api.POST('/v1/admin/reconciler/runs', {
          body: { mode: 'dry-run', clusterId: world.clusterId },
        }),
      );
      return reports.items.reduce(
        (sum, report) => sum + report.ghostCount + report.orphanCount,
        0,
      );
    });
    const invariants = await checkInvariants({
      knex,
      cluster: testCluster,
      clusterId: world.clusterId,
      installationId,
      runs: records,
    });
    return {
      engine: options.engine,
      replicas: replicas.length,
      runs: records.length,
      failedRuns: records.filter(record => record.failure),
      kills: replicas.reduce((sum, replica) => sum + replica.kills, 0),
      killsDuringJobs,
      retriedCalls: portal.retriedCalls,
      rateLimitedCalls: portal.rateLimitedCalls,
      unavailableAnswers: portal.unavailableAnswers,
      reconcilerFindings: findings,
      faultedRequests,
      jobs,
      clusterStatusesDuringOutage: clusterStatuses,
      invariants,
      seconds: Math.round((Date.now() - began) / 1000),
    };
  } finally {
    await knex?.destroy();
    await Promise.all(replicas.map(replica => replica.stop()));
    await Promise.all(clusters.map(cluster => cluster.close()));
    if (database.engine === 'postgres') {
      await dropDatabases(options.postgresUrl, prefix);
    }
  }
}

/** Seeds the demo data; the catalog may still be reading examples/ at first. */
async function seed(url: string, clustersDir: string) {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      await seedDemo(url, clustersDir);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(1_000);
    }
  }
}

/** The replica to kill: one that holds a running job when there is one. */
async function chooseVictim(
  knex: Knex,
  replicas: BackendReplica[],
  random: () => number,
): Promise<{ replica: BackendReplica; holdsJob: boolean }> {
  const owners: string[] = await knex('jobs')
    .where('status', 'running')
    .whereNotNull('lease_owner')
    .pluck('lease_owner');
  const holders = replicas.filter(replica =>
    owners.some(owner => owner.includes(`-${replica.pid}-`)),
  );
  if (holders.length > 0) {
    return {
      replica: holders[Math.floor(random() * holders.length)],
      holdsJob: true,
    };
  }
  return {
    replica: replicas[Math.floor(random() * replicas.length)],
    holdsJob: false,
  };
}

/** Asks the portal to check the cluster now, and notes the status it shows when it changed. */
async function noteClusterStatus(
  portal: Portal,
  clusterId: string,
  seen: string[],
  checkNow = false,
): Promise<void> {
  if (checkNow) {
    await portal.as('platform-admin', async (_api, replicaUrl, token) => {
      await checkClustersNow(replicaUrl, token);
    });
  }
  const status = await portal.as('platform-admin', async api => {
    const cluster = await shepherdData(
      api.GET('/v1/admin/clusters/{clusterId}', {
        params: { path: { clusterId } },
      }),
    );
    return cluster.status;
  });
  if (seen[seen.length - 1] !== status) seen.push(status);
}

/** Waits until no job is queued or running. */
async function quiesce(knex: Knex) {
  const deadline = Date.now() + QUIESCE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const [{ count }] = await knex('jobs')
      .whereIn('status', ['queued', 'running'])
      .count({ count: '*' });
    if (Number(count) === 0) return;
    await pause(1_000);
  }
}

function connect(database: ReplicaDatabase): Knex {
  if (database.engine === 'postgres') {
    const url = new URL(database.url);
    url.pathname = `/${database.prefix}shepherd`;
    return knexFactory({ client: 'pg', connection: url.toString() });
  }
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(database.directory, 'shepherd.sqlite') },
    useNullAsDefault: true,
  });
}

async function dropDatabases(postgresUrl: string, prefix: string) {
  const admin = knexFactory({ client: 'pg', connection: postgresUrl });
  try {
    const names: string[] = await admin('pg_database')
      .where('datname', 'like', `${prefix}%`)
      .pluck('datname');
    for (const name of names) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    }
  } finally {
    await admin.destroy();
  }
}
