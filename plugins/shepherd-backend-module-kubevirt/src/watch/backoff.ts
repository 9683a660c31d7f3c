/** How long a watch waits before it tries again after consecutive failures. */
export interface WatchBackoff {
  /** Delay after the first failure. */
  initialMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
}

export const DEFAULT_WATCH_BACKOFF: Readonly<WatchBackoff> = {
  initialMs: 500,
  maxMs: 30_000,
};

/**
 * Exponential backoff with "equal jitter": half the exponential delay plus a random part of
 * the other half. The fixed half keeps a failing cluster from being hammered; the random half
 * keeps every backend replica and every resource of a cluster that came back from
 * reconnecting in the same millisecond.
 */
export function watchRetryDelay(
  failures: number,
  backoff: WatchBackoff = DEFAULT_WATCH_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 20);
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
