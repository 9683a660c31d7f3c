import { ConfigReader } from '@backstage/config';
import { readQueueOptions, workerReadinessCheck } from './startQueue';

describe('the job worker readiness check', () => {
  const start = Date.parse('2026-11-23T10:00:00Z');

  it('is not ready before the worker started, ready while it loops, not ready when it stalls', async () => {
    const worker: { lastLoopAt: Date | undefined } = { lastLoopAt: undefined };
    let now = start;
    const check = workerReadinessCheck(worker, {
      pollIntervalMs: 5_000,
      now: () => now,
    });
    expect(check.name).toBe('shepherd-job-worker');
    expect(await check.check()).toEqual({
      ready: false,
      message: 'The job worker has not started',
    });

    worker.lastLoopAt = new Date(start);
    now = start + 60_000;
    expect(await check.check()).toEqual({ ready: true });

    now = start + 60_001;
    expect(await check.check()).toEqual({
      ready: false,
      message: 'The job worker has not looked for work for 60001 ms',
    });
  });

  it('allows three poll intervals when they are longer than a minute', async () => {
    const check = workerReadinessCheck(
      { lastLoopAt: new Date(start) },
      { pollIntervalMs: 30_000, now: () => start + 89_000 },
    );
    expect((await check.check()).ready).toBe(true);
  });
});

describe('the queue settings', () => {
  it('has defaults and reads shepherd.jobs', () => {
    expect(readQueueOptions(new ConfigReader({}))).toEqual({
      concurrency: 4,
      perClusterConcurrency: 10,
      leaseMs: 60_000,
      pollIntervalMs: 5_000,
      followIntervalMs: 5_000,
      followTimeoutMs: 30 * 60_000,
      clusterWaitMaxMs: 60 * 60_000,
      retentionMs: 7 * 24 * 60 * 60_000,
    });
    expect(
      readQueueOptions(
        new ConfigReader({
          shepherd: {
            jobs: {
              concurrency: 0,
              followIntervalSeconds: 0.5,
              retentionDays: 1,
            },
          },
        }),
      ),
    ).toMatchObject({
      concurrency: 0,
      followIntervalMs: 500,
      retentionMs: 24 * 60 * 60_000,
    });
  });

  it('bounds the longest wait for a cluster whose circuit breaker is open', () => {
    const waitOf = (minutes: number) =>
      readQueueOptions(
        new ConfigReader({
          shepherd: { jobs: { clusterOutageMaxWaitMinutes: minutes } },
        }),
      ).clusterWaitMaxMs;
    expect(waitOf(90)).toBe(90 * 60_000);
    expect(waitOf(10_000_000)).toBe(24 * 60 * 60_000);
    expect(waitOf(0)).toBe(60_000);
  });
});
