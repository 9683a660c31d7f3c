import { isClusterFailure } from '../errors';
import { CircuitBreaker } from '../resilience/circuitBreaker';
import { ConcurrencyLimiter } from '../resilience/concurrencyLimiter';

/**
 * What every request to one cluster passes through: first a free slot of the cluster's
 * concurrency limit, then its circuit breaker. The breaker is asked only once the request
 * has its slot, so requests that queued behind a dying cluster fail fast as soon as the
 * circuit opens instead of each waiting out its own timeout.
 */
export class ClusterGuard {
  constructor(
    readonly limiter: ConcurrencyLimiter,
    readonly breaker: CircuitBreaker,
  ) {}

  run<T>(call: () => Promise<T>): Promise<T> {
    return this.limiter.run(() => this.breaker.execute(call, isClusterFailure));
  }
}
