import { ConcurrencyLimiter } from './concurrencyLimiter';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise(resolve => setImmediate(resolve));

describe('ConcurrencyLimiter', () => {
  it('runs at most the limit at once and starts waiting tasks in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    const settled = Promise.all(
      runs.map(run =>
        run.then(
          value => ({ value }),
          (error: Error) => ({ error: error.message }),
        ),
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limiter.active).toBe(2);
    expect(limiter.queued).toBe(2);

    gates[1].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(limiter.active).toBe(2);

    gates[0].reject(new Error('failed'));
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);

    gates[2].resolve();
    gates[3].resolve();
    await expect(settled).resolves.toEqual([
      { error: 'failed' },
      { value: 1 },
      { value: 2 },
      { value: 3 },
    ]);
    expect(limiter.active).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it('never has more than the limit running under a burst', async () => {
    const limiter = new ConcurrencyLimiter(3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('rejects a limit below one', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow();
  });
});
