/*
 * Measures Shepherd's job queue against graphile-worker and pg-boss on the same PostgreSQL and
 * machine, and on SQLite: throughput of no-op jobs (drained by one process with the same
 * concurrency) and the latency from enqueue to the start of the handler, with idle workers.
 *
 *   yarn bench:queue
 *
 * Environment: BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432), BENCH_JOBS
 * (default 5000), BENCH_CONCURRENCY (default 10), BENCH_LATENCY_SAMPLES (default 100).
 */
import knexFactory, { Knex } from 'knex';
import { Client, Pool } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  Logger,
  run as runGraphileWorker,
  makeWorkerUtils,
} from 'graphile-worker';
import PgBoss from 'pg-boss';
import { DatabaseShepherdStore } from '@kubevirt-shepherd/plugin-shepherd-backend/src/database/DatabaseShepherdStore';
import { MIGRATIONS_DIRECTORY } from '@kubevirt-shepherd/plugin-shepherd-backend/src/database/migrations';
import { JobWorker } from '@kubevirt-shepherd/plugin-shepherd-backend/src/queue/JobWorker';
import { exponentialBackoff } from '@kubevirt-shepherd/plugin-shepherd-backend/src/queue/backoff';
import { listenForEnqueuedJobs } from '@kubevirt-shepherd/plugin-shepherd-backend/src/queue/listen';

const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const JOBS = Number(process.env.BENCH_JOBS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 100);

interface Result {
  queue: string;
  database: string;
  enqueuePerSecond: number;
  drainPerSecond: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
}

const silentLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
} as any;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** A counter that resolves when it reaches a target. */
class Countdown {
  count = 0;
  #target = 0;
  #resolve?: () => void;

  expect(target: number): Promise<void> {
    this.count = 0;
    this.#target = target;
    return new Promise(resolve => {
      this.#resolve = resolve;
    });
  }

  hit() {
    this.count += 1;
    if (this.count === this.#target) this.#resolve?.();
  }
}

async function withDatabase<T>(
  name: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const database = `shepherd_bench_${name}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    await admin.end();
  }
}

async function measureLatency(
  enqueue: () => Promise<void>,
  started: { next(): Promise<void> },
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const handlerStarted = started.next();
    const begin = performance.now();
    await enqueue();
    await handlerStarted;
    samples.push(performance.now() - begin);
  }
  return samples;
}

/** A promise per handler start, for latency samples. */
function startSignal() {
  let resolve: (() => void) | undefined;
  return {
    fire() {
      resolve?.();
      resolve = undefined;
    },
    next() {
      return new Promise<void>(r => {
        resolve = r;
      });
    },
  };
}

/** A queue under measurement: how to add a no-op job, run its workers and stop. */
interface MeasuredQueue {
  queue: string;
  database: string;
  enqueue(): Promise<unknown>;
  /** Starts the workers; each runs `handle` for every job. */
  startWorkers(handle: () => void): Promise<void>;
  /** Prepares the idle workers for the latency samples (e.g. wake-ups on enqueue). */
  beforeLatency?(): Promise<void>;
  /** Enqueues one latency sample's job; `enqueue` unless the queue needs more. */
  enqueueSample?(): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Enqueues JOBS no-op jobs one at a time, drains them with the workers, then samples the
 * latency from enqueue to the handler's start with idle workers.
 */
async function measure(subject: MeasuredQueue): Promise<Result> {
  const done = new Countdown();
  const signal = startSignal();
  let measuringLatency = false;

  const enqueueStart = performance.now();
  for (let i = 0; i < JOBS; i++) await subject.enqueue();
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;

  const drained = done.expect(JOBS);
  const drainStart = performance.now();
  await subject.startWorkers(() => {
    if (measuringLatency) signal.fire();
    done.hit();
  });
  await drained;
  const drainSeconds = (performance.now() - drainStart) / 1000;

  await subject.beforeLatency?.();
  measuringLatency = true;
  const enqueueSample = subject.enqueueSample ?? subject.enqueue;
  const latencies = await measureLatency(async () => {
    await enqueueSample();
  }, signal);
  await subject.stop();
  return {
    queue: subject.queue,
    database: subject.database,
    enqueuePerSecond: JOBS / enqueueSeconds,
    drainPerSecond: JOBS / drainSeconds,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  };
}

async function benchShepherd(knex: Knex, database: string): Promise<Result> {
  await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  const store = new DatabaseShepherdStore(knex);
  let handle = () => {};
  const worker = new JobWorker({
    jobs: store.jobs,
    handlers: { noop: { run: async () => handle() } },
    workerId: 'bench',
    concurrency: CONCURRENCY,
    perKeyLimit: CONCURRENCY,
    leaseMs: 60_000,
    pollIntervalMs: 1_000,
    backoff: exponentialBackoff({ baseMs: 1_000, maxMs: 60_000 }),
    logger: silentLogger,
  });
  const enqueue = () =>
    store.jobs.enqueue(
      { kind: 'noop', payload: {}, maxAttempts: 1 },
      new Date().toISOString(),
    );
  let stopListening = async () => {};
  return measure({
    queue: 'Shepherd (knex)',
    database,
    enqueue,
    async startWorkers(handler) {
      handle = handler;
      worker.start();
    },
    async beforeLatency() {
      // PostgreSQL wakes workers through LISTEN/NOTIFY; on SQLite the product wakes them
      // after the committing transaction, as the sample's enqueue does.
      stopListening = await listenForEnqueuedJobs(
        knex,
        () => worker.wake(),
        silentLogger,
      );
    },
    async enqueueSample() {
      await enqueue();
      if (database !== 'PostgreSQL') worker.wake();
    },
    async stop() {
      await worker.stop(5_000);
      await stopListening();
    },
  });
}

const quietGraphileLogger = new Logger(() => () => {});

async function benchGraphileWorker(url: string): Promise<Result> {
  // One pool for both, ended here, so that dropping the database finds no open connection.
  const pgPool = new Pool({ connectionString: url, max: CONCURRENCY + 4 });
  pgPool.on('error', () => {});
  const utils = await makeWorkerUtils({ pgPool, logger: quietGraphileLogger });
  await utils.migrate();
  let runner: Awaited<ReturnType<typeof runGraphileWorker>> | undefined;
  return measure({
    queue: 'graphile-worker 0.17',
    database: 'PostgreSQL',
    enqueue: () => utils.addJob('noop', {}),
    async startWorkers(handle) {
      runner = await runGraphileWorker({
        pgPool,
        concurrency: CONCURRENCY,
        noHandleSignals: true,
        pollInterval: 1_000,
        logger: quietGraphileLogger,
        taskList: { noop: async () => handle() },
      });
    },
    async stop() {
      await runner?.stop();
      await utils.release();
      await pgPool.end();
    },
  });
}

async function benchPgBoss(url: string): Promise<Result> {
  const boss = new PgBoss({
    connectionString: url,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('noop');
  return measure({
    queue: 'pg-boss 10',
    database: 'PostgreSQL',
    enqueue: () => boss.send('noop', {}),
    async startWorkers(handle) {
      // pg-boss 10's idiom for concurrency: fetch a batch of that size and run it together.
      await boss.work(
        'noop',
        { batchSize: CONCURRENCY, pollingIntervalSeconds: 0.5 },
        async jobs => {
          await Promise.all(jobs.map(async () => handle()));
        },
      );
    },
    stop: () => boss.stop({ graceful: false, wait: true }),
  });
}

async function main() {
  const results: Result[] = [];
  results.push(
    await withDatabase('shepherd', async url => {
      const knex = knexFactory({
        client: 'pg',
        connection: url,
        pool: { min: 2, max: 20 },
      });
      try {
        return await benchShepherd(knex, 'PostgreSQL');
      } finally {
        await knex.destroy();
      }
    }),
  );
  results.push(await withDatabase('graphile', benchGraphileWorker));
  results.push(await withDatabase('pgboss', benchPgBoss));

  const directory = mkdtempSync(join(tmpdir(), 'shepherd-bench-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(directory, 'queue.sqlite') },
    useNullAsDefault: true,
  });
  try {
    results.push(await benchShepherd(sqlite, 'SQLite (file)'));
  } finally {
    await sqlite.destroy();
    rmSync(directory, { recursive: true, force: true });
  }

  console.log(
    `\n${JOBS} no-op jobs, concurrency ${CONCURRENCY}, ${LATENCY_SAMPLES} latency samples, Node ${process.versions.node}\n`,
  );
  console.log(
    '| Queue | Database | Enqueue (jobs/s, one at a time) | Drain (jobs/s) | Enqueue → start p50 (ms) | p95 (ms) |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.queue} | ${r.database} | ${Math.round(
        r.enqueuePerSecond,
      )} | ${Math.round(r.drainPerSecond)} | ${round(r.latencyP50Ms)} | ${round(
        r.latencyP95Ms,
      )} |`,
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
