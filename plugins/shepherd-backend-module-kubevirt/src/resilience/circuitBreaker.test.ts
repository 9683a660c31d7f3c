import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { CircuitBreaker, TRIAL_WAIT_MS } from './circuitBreaker';

class ManualClock {
  time = 1_000_000;
  now = () => this.time;
  advance(ms: number) {
    this.time += ms;
  }
}

const failure = new Error('unreachable');
const notAFailure = new Error('404');
const isFailure = (error: unknown) => error === failure;

function setup() {
  const clock = new ManualClock();
  const changes: string[] = [];
  const breaker = new CircuitBreaker('test', {
    failureThreshold: 5,
    openDurationMs: 60_000,
    clock,
    onStateChange: state => changes.push(state),
  });
  const fail = () =>
    breaker.execute(() => Promise.reject(failure), isFailure).catch(e => e);
  const succeed = () => breaker.execute(() => Promise.resolve('ok'), isFailure);
  return { clock, breaker, fail, succeed, changes };
}

describe('CircuitBreaker', () => {
  it('opens after 5 consecutive failures and then fails fast without calling', async () => {
    const { breaker, fail, changes } = setup();
    for (let i = 0; i < 4; i++) await fail();
    expect(breaker.currentState).toBe('closed');
    await fail();
    expect(breaker.currentState).toBe('open');
    expect(changes).toEqual(['open']);

    const call = jest.fn(() => Promise.resolve('ok'));
    const error = await breaker.execute(call, isFailure).catch(e => e);
    expect(call).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(ShepherdProviderError);
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(
      /circuit open after 5 consecutive failures, next try in 60 s/,
    );
    expect(error.retryAfterMs).toBe(60_000);
  });

  it('tells a call turned away how long the circuit stays open', async () => {
    const { clock, breaker, fail } = setup();
    for (let i = 0; i < 5; i++) await fail();
    clock.advance(45_000);
    const early = await breaker
      .execute(() => Promise.resolve('ok'), isFailure)
      .catch(e => e);
    expect(early.retryAfterMs).toBe(15_000);

    clock.advance(15_000);
    let endTrial = () => {};
    const trial = breaker.execute(
      () => new Promise<void>(resolve => (endTrial = resolve)),
      isFailure,
    );
    const duringTrial = await breaker
      .execute(() => Promise.resolve('ok'), isFailure)
      .catch(e => e);
    expect(duringTrial.retryAfterMs).toBe(TRIAL_WAIT_MS);
    endTrial();
    await trial;
    // A failure that was tried is not one to wait for.
    const tried = await breaker
      .execute(() => Promise.reject(failure), isFailure)
      .catch(e => e);
    expect(tried.retryAfterMs).toBeUndefined();
  });

  it('does not count answers that are not failures, and a success resets the count', async () => {
    const { breaker, fail } = setup();
    for (let i = 0; i < 4; i++) await fail();
    await breaker
      .execute(() => Promise.reject(notAFailure), isFailure)
      .catch(() => {});
    for (let i = 0; i < 4; i++) await fail();
    expect(breaker.currentState).toBe('closed');
  });

  it('lets one trial call through after 60 s; its success closes the circuit', async () => {
    const { clock, breaker, fail, succeed, changes } = setup();
    for (let i = 0; i < 5; i++) await fail();
    clock.advance(59_999);
    expect(breaker.currentState).toBe('open');
    clock.advance(1);
    expect(breaker.currentState).toBe('half-open');

    let release!: (value: string) => void;
    const trial = breaker.execute(
      () => new Promise<string>(resolve => (release = resolve)),
      isFailure,
    );
    // While the trial runs, everyone else still fails fast.
    const other = await succeed().catch(e => e);
    expect(other).toBeInstanceOf(ShepherdProviderError);
    expect(other.message).toMatch(/trial call is under way/);

    release('ok');
    await expect(trial).resolves.toBe('ok');
    expect(breaker.currentState).toBe('closed');
    await expect(succeed()).resolves.toBe('ok');
    expect(changes).toEqual(['open', 'closed']);
  });

  it('re-opens for another 60 s when the trial call fails', async () => {
    const { clock, breaker, fail } = setup();
    for (let i = 0; i < 5; i++) await fail();
    clock.advance(60_000);
    await fail();
    expect(breaker.currentState).toBe('open');
    clock.advance(59_000);
    expect(breaker.currentState).toBe('open');
    clock.advance(1_000);
    expect(breaker.currentState).toBe('half-open');
  });

  it('counts a trial that got an answer other than a failure as a success', async () => {
    const { clock, breaker, fail } = setup();
    for (let i = 0; i < 5; i++) await fail();
    clock.advance(60_000);
    await breaker
      .execute(() => Promise.reject(notAFailure), isFailure)
      .catch(() => {});
    expect(breaker.currentState).toBe('closed');
  });
});
