/** How long a failed attempt waits before the next one. */
export interface BackoffPolicy {
  /** Delay before the attempt after `attempt` (1-based) failed. */
  delayMs(attempt: number): number;
}

/**
 * Exponential backoff with jitter: `baseMs`, 2×, 4×, … capped at `maxMs`, each spread by
 * ±`jitter` so that jobs failing together (a cluster outage) do not retry in lock step.
 */
export function exponentialBackoff(options: {
  baseMs: number;
  maxMs: number;
  jitter?: number;
  random?: () => number;
}): BackoffPolicy {
  const { baseMs, maxMs, jitter = 0.2, random = Math.random } = options;
  return {
    delayMs(attempt: number) {
      const exponential = Math.min(
        maxMs,
        baseMs * 2 ** Math.max(0, attempt - 1),
      );
      const spread = 1 + jitter * (2 * random() - 1);
      return Math.round(Math.min(maxMs, exponential * spread));
    },
  };
}
