/**
 * The time source of the circuit breaker. Tests pass their own, so that "60 seconds later"
 * is a number they set rather than a minute they wait.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
