import { mockServices } from '@backstage/backend-test-utils';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ManualClock, ManualTimers } from '../__testUtils__/manualTime';
import { eventually } from '../__testUtils__/eventually';
import { createMigratedStores } from '../database/__testUtils__/migratedStores';
import { exponentialBackoff } from './backoff';
import { ERROR_MESSAGE_MAX_LENGTH } from '../database/columns';
import { DatabaseJobsStore, LOST_JOB_MESSAGE } from './DatabaseJobsStore';
import { JobsStore } from './JobsStore';
import { settledOrWaitingForLock } from '../__testUtils__/lockWaits';
import { databaseEngineOf } from '../database/engine';
import knexFactory, { Knex } from 'knex';
import {
  FAILURE_RECORDING_TRIES,
  JobHandler,
  JobWorker,
  PermanentJobError,
  UNRECORDED_FAILURE,
} from './JobWorker';

const LEASE_MS = 30_000;
/** No jitter: delays are exactly 1 s, 2 s, 4 s, … */
const BACKOFF = exponentialBackoff({
  baseMs: 1_000,
  maxMs: 60_000,
  random: () => 0.5,
});

describe('the job queue', () => {
  const databases = createMigratedStores();

  /** Steps workers until none finds work. */
  async function runUntilIdle(workers: JobWorker[]) {
    for (;;) {
      const started = await Promise.all(workers.map(w => w.runAvailable()));
      await Promise.all(workers.map(w => w.drain()));
      if (started.every(count => count === 0)) return;
    }
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setUp() {
      const { knex, store } = await databases.open(databaseId);
      const clock = new ManualClock();
      const worker = (
        handlers: Record<string, JobHandler>,
        options: {
          id?: string;
          concurrency?: number;
          perKeyLimit?: number;
          timers?: ManualTimers;
          jobs?: JobsStore;
        } = {},
      ) =>
        new JobWorker({
          jobs: options.jobs ?? store.jobs,
          handlers,
          workerId: options.id ?? 'worker-1',
          concurrency: options.concurrency ?? 4,
          perKeyLimit: options.perKeyLimit ?? 10,
          leaseMs: LEASE_MS,
          pollIntervalMs: 1_000,
          backoff: BACKOFF,
          logger: mockServices.logger.mock(),
          clock: clock.now,
          timers: options.timers ?? new ManualTimers(),
        });
      const enqueue = (payload: object, extra: object = {}) =>
        store.jobs.enqueue(
          {
            kind: 'test',
            payload: payload as Record<string, unknown>,
            maxAttempts: 5,
            ...extra,
          },
          clock.now().toISOString(),
        );
      return { knex, store, clock, worker, enqueue };
    }

    it('never runs a job twice with many concurrent workers', async () => {
      const { store, worker, enqueue } = await setUp();
      for (let i = 0; i < 60; i++) {
        await enqueue({ n: i });
      }
      const runs: number[] = [];
      const handler: JobHandler = {
        run: async ({ job }) => {
          // Yield, so that other workers claim while this one runs.
          await new Promise(resolve => setImmediate(resolve));
          runs.push(job.payload.n as number);
        },
      };
      const workers = Array.from({ length: 6 }, (_, i) =>
        worker({ test: handler }, { id: `worker-${i}`, concurrency: 3 }),
      );

      await runUntilIdle(workers);

      expect(runs).toHaveLength(60);
      expect(new Set(runs).size).toBe(60);
      expect(await store.jobs.countByStatus()).toMatchObject({
        succeeded: 60,
        queued: 0,
      });
    });

    it('recovers the job of a worker that died (expired lease)', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job } = await enqueue({ n: 1 });
      const claimed = await store.jobs.claimNext({
        workerId: 'dead-worker',
        kinds: ['test'],
        now: clock.now().toISOString(),
        leaseExpiresAt: new Date(
          clock.now().getTime() + LEASE_MS,
        ).toISOString(),
        perKeyLimit: 10,
      });
      expect(claimed?.id).toBe(job.id);
      const runs: string[] = [];
      const survivor = worker({
        test: { run: async ({ job: j }) => void runs.push(j.id) },
      });

      // While the lease holds, nobody else may take the job.
      await runUntilIdle([survivor]);
      expect(
        await store.jobs.recoverExpiredLeases(clock.now().toISOString()),
      ).toEqual({
        requeued: 0,
        lost: [],
      });
      expect(runs).toEqual([]);

      clock.advance(LEASE_MS + 1);
      expect(
        await store.jobs.recoverExpiredLeases(clock.now().toISOString()),
      ).toEqual({
        requeued: 1,
        lost: [],
      });
      await runUntilIdle([survivor]);

      expect(runs).toEqual([job.id]);
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'succeeded',
        attempt: 2,
      });
      // The dead worker cannot record anything any more.
      expect(
        await store.jobs.finish(
          job.id,
          'dead-worker',
          { status: 'failed' },
          clock.now().toISOString(),
        ),
      ).toBe(false);
    });

    it('retries transient failures with exponential backoff', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job } = await enqueue({});
      let calls = 0;
      const flaky = worker({
        test: {
          run: async () => {
            calls += 1;
            if (calls <= 2) {
              throw new ShepherdProviderError('transient', `timeout ${calls}`);
            }
          },
        },
      });

      /** The job waits to run again `delayMs` from now, after `attempt` failed. */
      async function expectRetry(attempt: number, delayMs: number) {
        const stored = await store.jobs.get(job.id);
        expect(stored).toMatchObject({
          status: 'queued',
          attempt,
          lastError: `timeout ${attempt}`,
        });
        expect(Date.parse(stored!.runAfter) - clock.now().getTime()).toBe(
          delayMs,
        );
      }

      await runUntilIdle([flaky]);
      await expectRetry(1, 1_000);

      clock.advance(999);
      await runUntilIdle([flaky]);
      expect(calls).toBe(1);

      clock.advance(1);
      await runUntilIdle([flaky]);
      await expectRetry(2, 2_000);

      clock.advance(2_000);
      await runUntilIdle([flaky]);
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'succeeded',
        attempt: 3,
      });
      expect(calls).toBe(3);
    });

    it('fails a permanent error once, and gives up after the last attempt', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job: permanent } = await enqueue({ kind: 'permanent' });
      const { job: exhausted } = await enqueue(
        { kind: 'transient' },
        { maxAttempts: 2 },
      );
      const calls: Record<string, number> = {};
      const failedFor: string[] = [];
      const failing = worker({
        test: {
          run: async ({ job }) => {
            const kind = job.payload.kind as string;
            calls[kind] = (calls[kind] ?? 0) + 1;
            throw kind === 'permanent'
              ? new PermanentJobError('the cluster rejected the VM')
              : new Error('boom');
          },
          failed: async ({ job }, error) => {
            failedFor.push(`${job.payload.kind}: ${error.message}`);
          },
        },
      });

      for (let round = 0; round < 5; round++) {
        await runUntilIdle([failing]);
        clock.advance(60_000);
      }

      expect(calls).toEqual({ permanent: 1, transient: 2 });
      expect(failedFor.sort()).toEqual([
        'permanent: the cluster rejected the VM',
        'transient: boom',
      ]);
      expect(await store.jobs.get(permanent.id)).toMatchObject({
        status: 'failed',
        attempt: 1,
        lastError: 'the cluster rejected the VM',
      });
      expect(await store.jobs.get(exhausted.id)).toMatchObject({
        status: 'failed',
        attempt: 2,
      });
    });

    it('enqueues idempotently by unique key and only in committed transactions', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const first = await enqueue({ n: 1 }, { uniqueKey: 'event-1' });
      const again = await enqueue({ n: 2 }, { uniqueKey: 'event-1' });
      expect(first.created).toBe(true);
      expect(again).toEqual({ created: false, job: first.job });

      await expect(
        store.transaction(async tx => {
          await tx.jobs.enqueue(
            {
              kind: 'test',
              payload: {},
              maxAttempts: 1,
              uniqueKey: 'rolled-back',
            },
            clock.now().toISOString(),
          );
          throw new Error('the ticket could not be approved');
        }),
      ).rejects.toThrow('could not be approved');
      expect((await store.jobs.countByStatus()).queued).toBe(1);

      await runUntilIdle([worker({ test: { run: async () => {} } })]);
      // Once the job is done, the key is free again.
      expect((await enqueue({ n: 3 }, { uniqueKey: 'event-1' })).created).toBe(
        true,
      );
    });

    it('cancels queued jobs at once and running ones through their heartbeat', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job: queued } = await enqueue(
        { n: 1 },
        { runAfter: '2030-01-01T00:00:00.000Z' },
      );
      expect(
        await store.jobs.cancel(queued.id, clock.now().toISOString()),
      ).toBe('cancelled');

      const { job: running } = await enqueue({ n: 2 });
      const timers = new ManualTimers();
      let aborted = false;
      const blocking = worker(
        {
          test: {
            run: ({ signal }) =>
              new Promise((_, reject) => {
                signal.addEventListener('abort', () => {
                  aborted = true;
                  reject(signal.reason);
                });
              }),
          },
        },
        { timers },
      );
      expect(await blocking.runAvailable()).toBe(1);
      expect(
        await store.jobs.cancel(running.id, clock.now().toISOString()),
      ).toBe('running');

      await timers.tickIntervals();
      await blocking.drain();

      expect(aborted).toBe(true);
      expect(await store.jobs.get(running.id)).toMatchObject({
        status: 'cancelled',
      });
      expect(timers.intervalCount).toBe(0);
    });

    it('keeps a lease alive with heartbeats and bounds jobs per concurrency key', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      for (let i = 0; i < 5; i++) {
        await enqueue({ n: i }, { concurrencyKey: 'cluster-a' });
      }
      await enqueue({ n: 99 }, { concurrencyKey: 'cluster-b' });
      const release: Array<() => void> = [];
      const timers = new ManualTimers();
      const slow = worker(
        {
          test: {
            run: () => new Promise<void>(resolve => release.push(resolve)),
          },
        },
        { concurrency: 10, perKeyLimit: 2, timers },
      );

      // Two of cluster-a (its limit) and the one of cluster-b.
      expect(await slow.runAvailable()).toBe(3);
      clock.advance(LEASE_MS - 1_000);
      await timers.tickIntervals();
      clock.advance(LEASE_MS - 1_000);
      // Heartbeats kept the leases: nothing is recovered although the first lease ran out.
      expect(
        await store.jobs.recoverExpiredLeases(clock.now().toISOString()),
      ).toEqual({
        requeued: 0,
        lost: [],
      });

      release.forEach(resolve => resolve());
      await slow.drain();
      expect(await slow.runAvailable()).toBe(2);
      release.slice(3).forEach(resolve => resolve());
      await slow.drain();
      expect(await slow.runAvailable()).toBe(1);
      release.slice(5).forEach(resolve => resolve());
      await slow.drain();
      expect((await store.jobs.countByStatus()).succeeded).toBe(6);
    });

    it('bounds jobs per concurrency key across replicas: a claim waits for the one before it to commit', async () => {
      const { knex, store, clock, enqueue } = await setUp();
      for (let i = 0; i < 3; i++) {
        await enqueue({ n: i }, { concurrencyKey: 'cluster-a' });
      }
      const claim = (jobs: JobsStore, workerId: string) =>
        jobs.claimNext({
          workerId,
          kinds: ['test'],
          now: clock.now().toISOString(),
          leaseExpiresAt: new Date(
            clock.now().getTime() + LEASE_MS,
          ).toISOString(),
          perKeyLimit: 1,
        });

      // One replica's claim, not committed yet, while another replica claims.
      const held = await knex.transaction();
      const first = await claim(new DatabaseJobsStore(held), 'replica-1');
      expect(first?.concurrencyKey).toBe('cluster-a');
      const second = claim(store.jobs, 'replica-2');
      await settledOrWaitingForLock(knex, second);
      await held.commit();

      expect(await second).toBeUndefined();
      expect((await store.jobs.countByStatus()).running).toBe(1);
    });

    it('bounds jobs per concurrency key when the workers of two replicas claim at once', async () => {
      const { knex, store, worker, enqueue } = await setUp();
      // Another replica: its own connections to the same database (SQLite in memory has one).
      const otherKnex: Knex =
        databaseEngineOf(knex) === 'postgres'
          ? knexFactory({
              client: knex.client.config.client,
              connection: knex.client.config.connection,
            })
          : knex;
      try {
        for (let i = 0; i < 20; i++) {
          await enqueue({ n: i }, { concurrencyKey: 'cluster-a' });
        }
        const release: Array<() => void> = [];
        const holding: JobHandler = {
          run: () => new Promise<void>(resolve => release.push(resolve)),
        };
        // Five workers on each replica, all claiming at once.
        const otherJobs = new DatabaseJobsStore(otherKnex);
        const workers = Array.from({ length: 10 }, (_, i) =>
          worker(
            { test: holding },
            {
              id: `replica-${i % 2}-worker-${i}`,
              concurrency: 2,
              perKeyLimit: 3,
              jobs: i % 2 === 0 ? store.jobs : otherJobs,
            },
          ),
        );

        const started = await Promise.all(workers.map(w => w.runAvailable()));

        expect(started.reduce((sum, count) => sum + count, 0)).toBe(3);
        expect((await store.jobs.countByStatus()).running).toBe(3);
        await eventually(() => expect(release).toHaveLength(3));
        release.forEach(resolve => resolve());
        await Promise.all(workers.map(w => w.drain()));
      } finally {
        if (otherKnex !== knex) await otherKnex.destroy();
      }
    });

    it('runs unfinished jobs again later without using attempts', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job } = await enqueue({}, { maxAttempts: 2 });
      let checks = 0;
      const following = worker({
        test: {
          run: async () => {
            checks += 1;
            return checks < 4 ? { continueAfterMs: 5_000 } : undefined;
          },
        },
      });
      for (let round = 0; round < 4; round++) {
        await runUntilIdle([following]);
        clock.advance(5_000);
      }
      expect(checks).toBe(4);
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'succeeded',
        attempt: 1,
      });
    });

    it('fails a job lost during its last attempt and records the failure once', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job } = await enqueue({ n: 1 }, { maxAttempts: 1 });
      const now = () => clock.now().toISOString();
      await store.jobs.claimNext({
        workerId: 'dead-worker',
        kinds: ['test'],
        now: now(),
        leaseExpiresAt: new Date(
          clock.now().getTime() + LEASE_MS,
        ).toISOString(),
        perKeyLimit: 10,
      });
      const failures: string[] = [];
      const sweeping = worker({
        test: {
          run: async () => {},
          failed: async ({ job: lost }, error) =>
            void failures.push(`${lost.id}: ${error.message}`),
        },
      });

      clock.advance(LEASE_MS + 1);
      const { requeued, lost } = await store.jobs.recoverExpiredLeases(now());
      expect(requeued).toBe(0);
      expect(lost).toEqual([
        expect.objectContaining({ id: job.id, status: 'running' }),
      ]);
      // A sweeper that stops before failing it leaves the job to the next sweep.
      expect((await store.jobs.recoverExpiredLeases(now())).lost).toHaveLength(
        1,
      );
      expect(await sweeping.failLostJobs(lost)).toBe(1);

      expect(failures).toEqual([
        `${job.id}: The worker stopped during the last attempt (lease expired)`,
      ]);
      expect((await store.jobs.recoverExpiredLeases(now())).lost).toEqual([]);
      expect(await sweeping.failLostJobs(lost)).toBe(0);
      await runUntilIdle([sweeping]);
      expect(await store.jobs.get(job.id)).toMatchObject({ status: 'failed' });
    });

    it('never declares a live worker failed: the lost job is failed only while its lease is expired', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const now = () => clock.now().toISOString();
      const { job: slowJob } = await enqueue({ n: 1 }, { maxAttempts: 1 });
      const failures: string[] = [];
      let release = () => {};
      let applied = false;
      const timers = new ManualTimers();
      const handler: JobHandler = {
        run: async ({ signal }) => {
          await new Promise<void>(resolve => (release = resolve));
          signal.throwIfAborted();
          applied = true;
        },
        failed: async ({ job }) => void failures.push(job.id),
      };
      const slow = worker({ test: handler }, { id: 'slow-worker', timers });
      const sweeper = worker({ test: handler }, { id: 'sweeper' });
      expect(await slow.runAvailable()).toBe(1);

      // The slow worker's heartbeat was late: the sweeper finds the lease expired…
      clock.advance(LEASE_MS + 1);
      const { lost } = await store.jobs.recoverExpiredLeases(now());
      expect(lost.map(job => job.id)).toEqual([slowJob.id]);
      // …but the heartbeat comes before the sweeper fails the job: the worker keeps it.
      await timers.tickIntervals();
      expect(await sweeper.failLostJobs(lost)).toBe(0);
      expect(failures).toEqual([]);
      release();
      await slow.drain();
      expect(applied).toBe(true);
      expect(await store.jobs.get(slowJob.id)).toMatchObject({
        status: 'succeeded',
      });

      // Without a heartbeat in time, the sweeper wins: the job fails and its failure is
      // recorded once; the worker finds its lease lost, aborts and records nothing.
      const { job: lostJob } = await enqueue({ n: 2 }, { maxAttempts: 1 });
      applied = false;
      expect(await slow.runAvailable()).toBe(1);
      clock.advance(LEASE_MS + 1);
      const expired = await store.jobs.recoverExpiredLeases(now());
      expect(await sweeper.failLostJobs(expired.lost)).toBe(1);
      expect(failures).toEqual([lostJob.id]);
      await timers.tickIntervals();
      release();
      await slow.drain();
      expect(applied).toBe(false);
      expect(failures).toEqual([lostJob.id]);
      expect(await store.jobs.get(lostJob.id)).toMatchObject({
        status: 'failed',
        lastError: LOST_JOB_MESSAGE,
      });
    });

    it('fails a conflict at once instead of retrying it as if it were transient', async () => {
      const { store, worker, enqueue } = await setUp();
      const { job } = await enqueue({});
      let calls = 0;
      const failed: string[] = [];
      const conflicting = worker({
        test: {
          run: async () => {
            calls += 1;
            throw new ShepherdProviderError(
              'conflict',
              'the object has been modified',
              { statusCode: 409 },
            );
          },
          failed: async (_, error) => void failed.push(error.message),
        },
      });
      await runUntilIdle([conflicting]);
      expect(calls).toBe(1);
      expect(failed).toEqual(['the object has been modified']);
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'failed',
        attempt: 1,
      });
    });

    it('keeps a job whose failure could not be recorded until it is, without running it again', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job } = await enqueue({ step: 'create' }, { maxAttempts: 1 });
      let runs = 0;
      const recordings: string[] = [];
      const failing = worker({
        test: {
          run: async () => {
            runs += 1;
            throw new PermanentJobError('the cluster rejected the VM');
          },
          failed: async (_, error) => {
            recordings.push(error.message);
            // The database refuses the first two writes of the failure.
            if (recordings.length <= 2) throw new Error('connection reset');
          },
        },
      });

      await runUntilIdle([failing]);
      // Back in the queue without using an attempt, holding the failure and its checkpoint.
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'queued',
        attempt: 0,
        payload: {
          step: 'create',
          [UNRECORDED_FAILURE]: {
            message: 'the cluster rejected the VM',
            tries: 1,
          },
        },
      });
      for (let round = 0; round < 3; round++) {
        clock.advance(60_000);
        await runUntilIdle([failing]);
      }

      expect(runs).toBe(1);
      expect(recordings).toEqual(Array(3).fill('the cluster rejected the VM'));
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'failed',
        lastError: 'the cluster rejected the VM',
      });
    });

    it(`fails a job whose failure cannot be recorded after ${FAILURE_RECORDING_TRIES} tries (the sweeper repairs the rest)`, async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job } = await enqueue({}, { maxAttempts: 1 });
      let recordings = 0;
      const failing = worker({
        test: {
          run: async () => {
            throw new PermanentJobError('rejected');
          },
          failed: async () => {
            recordings += 1;
            throw new Error('the database is gone');
          },
        },
      });
      for (let round = 0; round < 2 * FAILURE_RECORDING_TRIES; round++) {
        await runUntilIdle([failing]);
        clock.advance(60_000);
      }
      expect(recordings).toBe(FAILURE_RECORDING_TRIES);
      expect(await store.jobs.get(job.id)).toMatchObject({ status: 'failed' });
    });

    it('keeps error messages of any length within their bound', async () => {
      const { store, worker, enqueue } = await setUp();
      const { job: retried } = await enqueue({ n: 1 });
      const { job: failed } = await enqueue({ n: 2 }, { maxAttempts: 1 });
      const huge = `admission webhook denied the request: ${'ä'.repeat(
        20_000,
      )}`;
      await runUntilIdle([
        worker({
          test: {
            run: async () => {
              throw new Error(huge);
            },
          },
        }),
      ]);
      for (const id of [retried.id, failed.id]) {
        const { lastError } = (await store.jobs.get(id))!;
        expect(Array.from(lastError!)).toHaveLength(ERROR_MESSAGE_MAX_LENGTH);
        expect(lastError!.startsWith('admission webhook denied')).toBe(true);
        expect(lastError!.endsWith('…')).toBe(true);
      }
    });

    it('deletes finished jobs after their retention, never unfinished ones', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const done = (await enqueue({ n: 1 })).job;
      await runUntilIdle([worker({ test: { run: async () => {} } })]);
      const waiting = (await enqueue({ n: 2 })).job;
      clock.advance(60_000);
      const cutoff = clock.now().toISOString();

      expect(await store.jobs.deleteFinished(cutoff)).toBe(1);
      expect(await store.jobs.get(done.id)).toBeUndefined();
      expect((await store.jobs.get(waiting.id))?.status).toBe('queued');
      expect(await store.jobs.deleteFinished(cutoff)).toBe(0);
    });

    it('gives a continued job the checkpoint it left', async () => {
      const { store, clock, worker, enqueue } = await setUp();
      const { job } = await enqueue({ eventId: 'e1' });
      const seen: Array<Record<string, unknown>> = [];
      const following = worker({
        test: {
          run: async ({ job: running }) => {
            seen.push(running.payload);
            return running.payload.sent
              ? undefined
              : {
                  continueAfterMs: 500,
                  payload: { ...running.payload, sent: true },
                };
          },
        },
      });
      await runUntilIdle([following]);
      clock.advance(500);
      await runUntilIdle([following]);
      expect(seen).toEqual([{ eventId: 'e1' }, { eventId: 'e1', sent: true }]);
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'succeeded',
        payload: { eventId: 'e1', sent: true },
      });
    });

    it('looks again when a continued job is due before the next poll', async () => {
      const { clock, worker, enqueue } = await setUp();
      const timers = new ManualTimers();
      let checks = 0;
      const following = worker(
        {
          test: {
            run: async () => {
              checks += 1;
              return checks < 2 ? { continueAfterMs: 200 } : undefined;
            },
          },
        },
        { timers },
      );
      await enqueue({});
      following.start();
      await eventually(() => expect(timers.pendingTimeouts).toContain(200));
      clock.advance(200);
      timers.fireTimeouts(200);
      await eventually(() => expect(checks).toBe(2));
      await following.stop(1_000);
      expect(timers.pendingTimeouts).not.toContain(200);
    });

    it('keeps a wake-up that comes while it is claiming', async () => {
      const { store, worker, enqueue } = await setUp();
      // The worker's first claim finds the queue empty, then is held: the job is enqueued
      // and the worker woken while its answer is still on the way, as with a slow database.
      let releaseClaim!: () => void;
      const claimHeld = new Promise<void>(resolve => {
        releaseClaim = resolve;
      });
      let claims = 0;
      let holding = false;
      const slowFirstClaim: JobsStore = Object.create(store.jobs, {
        claimNext: {
          value: async (options: Parameters<JobsStore['claimNext']>[0]) => {
            const claimed = await store.jobs.claimNext(options);
            claims += 1;
            if (claims === 1) {
              holding = true;
              await claimHeld;
            }
            return claimed;
          },
        },
      });
      const done: number[] = [];
      const timers = new ManualTimers();
      const looping = worker(
        {
          test: {
            run: async ({ job }) => void done.push(job.payload.n as number),
          },
        },
        { timers, jobs: slowFirstClaim },
      );
      looping.start();
      await waitFor(() => holding);
      await enqueue({ n: 1 });
      looping.wake();
      releaseClaim();
      // No timer fires: only the kept wake-up can make the worker look again.
      await eventually(() => expect(done).toEqual([1]));
      await looping.stop(1_000);
    });

    it('wakes up when told, and stops gracefully', async () => {
      const { worker, enqueue } = await setUp();
      const done: number[] = [];
      const timers = new ManualTimers();
      const looping = worker(
        {
          test: {
            run: async ({ job }) => void done.push(job.payload.n as number),
          },
        },
        { timers },
      );
      looping.start();
      await enqueue({ n: 1 });
      looping.wake();
      await waitFor(() => done.length === 1);
      expect(looping.lastLoopAt).toBeDefined();
      await looping.stop(1_000);
      await enqueue({ n: 2 });
      looping.wake();
      expect(await looping.runAvailable()).toBe(0);
      expect(done).toEqual([1]);
    });
  });
});

/** Yields to the event loop until `condition` holds (bounded, no timers involved). */
async function waitFor(condition: () => boolean) {
  for (let i = 0; i < 10_000 && !condition(); i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}
