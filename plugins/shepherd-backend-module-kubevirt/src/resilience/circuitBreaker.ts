import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { Clock } from './clock';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails calls fast before it lets one trial call through. */
  openDurationMs: number;
  clock: Clock;
  /** Told when the circuit opens or closes (for logs). */
  onStateChange?: (state: 'open' | 'closed') => void;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/** How long a call turned away during a half-open trial is told to wait: the trial's outcome. */
export const TRIAL_WAIT_MS = 1_000;

/**
 * A circuit breaker for one cluster. While a cluster keeps failing (timeouts, refused
 * connections, 5xx), calls fail fast instead of each waiting for its own timeout and
 * holding a worker: after `failureThreshold` consecutive failures the circuit opens for
 * `openDurationMs`; then one trial call may pass (half-open) — its success closes the
 * circuit, its failure opens it again for another period.
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly name: string,
    private readonly options: CircuitBreakerOptions,
  ) {}

  /** The state as of now (an open circuit whose period is over reports half-open). */
  get currentState(): CircuitState {
    if (
      this.state === 'open' &&
      this.options.clock.now() - this.openedAt >= this.options.openDurationMs
    ) {
      return 'half-open';
    }
    return this.state;
  }

  /** How long the circuit stays open from now: 0 unless it is open. */
  get openForMs(): number {
    if (this.currentState !== 'open') return 0;
    return Math.max(
      0,
      this.openedAt + this.options.openDurationMs - this.options.clock.now(),
    );
  }

  /**
   * Runs `call` if the circuit lets it through. `isFailure` decides which errors count
   * against the cluster; others (a 404, a 409) prove that it answers and count as success.
   */
  async execute<T>(
    call: () => Promise<T>,
    isFailure: (error: unknown) => boolean,
  ): Promise<T> {
    const trial = this.admit();
    try {
      const result = await call();
      this.onSuccess();
      return result;
    } catch (error) {
      if (isFailure(error)) this.onFailure();
      else this.onSuccess();
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  /** Throws when the call may not pass; returns whether it is the half-open trial. */
  private admit(): boolean {
    const state = this.currentState;
    if (state === 'closed') return false;
    if (state === 'half-open' && !this.trialInFlight) {
      this.state = 'half-open';
      this.trialInFlight = true;
      return true;
    }
    const retryInMs = this.openForMs;
    throw new ShepherdProviderError(
      'transient',
      state === 'half-open'
        ? `Cluster ${this.name} is failing: a trial call is under way, not sending more`
        : `Cluster ${this.name} is failing: circuit open after ${
            this.options.failureThreshold
          } consecutive failures, next try in ${Math.ceil(retryInMs / 1000)} s`,
      {
        // The call was not made: callers wait for the circuit, not for a retry of theirs.
        retryAfterMs: state === 'half-open' ? TRIAL_WAIT_MS : retryInMs,
      },
    );
  }

  private onSuccess(): void {
    const wasClosed = this.state === 'closed';
    this.state = 'closed';
    this.consecutiveFailures = 0;
    if (!wasClosed) this.options.onStateChange?.('closed');
  }

  private onFailure(): void {
    this.consecutiveFailures += 1;
    // Calls that were already under way when the circuit opened do not extend the period.
    if (this.state === 'open') return;
    if (
      this.state === 'half-open' ||
      this.consecutiveFailures >= this.options.failureThreshold
    ) {
      this.state = 'open';
      this.openedAt = this.options.clock.now();
      this.options.onStateChange?.('open');
    }
  }
}
