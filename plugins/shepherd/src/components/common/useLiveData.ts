import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/*
 * Live status by polling. The Shepherd backend publishes no Backstage signals, so pages
 * that show work in progress (a VM starting, a request being carried out) ask again: soon
 * at first, then less and less often, and not at all once nothing is in progress.
 */

/** The first delay before asking again. */
export const POLL_INITIAL_INTERVAL_MS = 2_000;
/** The longest delay between two polls. */
export const POLL_MAX_INTERVAL_MS = 30_000;
/** Each poll without a change waits this many times longer than the one before. */
export const POLL_BACKOFF_FACTOR = 2;

export type LiveDataOptions<T> = {
  /**
   * Whether the value needs no more polling (a VM in a stable state, a finished request).
   * Without it the hook loads once, like `useAsync`, and polls only after errors.
   */
  isSettled?: (value: T) => boolean;
  initialIntervalMs?: number;
  maxIntervalMs?: number;
  backoffFactor?: number;
};

export type LiveData<T> = {
  /** The latest value; kept while a later poll fails. */
  value?: T;
  /** The error of the latest attempt, cleared by the next success. */
  error?: Error;
  /** True until the first answer (and while a manual refresh runs). */
  loading: boolean;
  /** Whether another poll is scheduled. */
  polling: boolean;
  /** Loads now and starts polling from the shortest interval again (after the user acted). */
  refresh: () => void;
};

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Loads a value and keeps it current while it is not settled, with exponential backoff
 * between polls (2 s doubling up to 30 s by default). A changed value resets the backoff, so
 * the next step of work in progress is seen soon; a failed poll backs off like an unchanged
 * one. Changing `deps` starts over.
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: LiveDataOptions<T> = {},
): LiveData<T> {
  const {
    initialIntervalMs = POLL_INITIAL_INTERVAL_MS,
    maxIntervalMs = POLL_MAX_INTERVAL_MS,
    backoffFactor = POLL_BACKOFF_FACTOR,
  } = options;
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    loading: boolean;
    polling: boolean;
  }>({ loading: true, polling: false });
  // The latest callbacks, so that a new render's closures do not restart the polling.
  const loadRef = useRef(load);
  loadRef.current = load;
  const isSettledRef = useRef(options.isSettled);
  isSettledRef.current = options.isSettled;
  const [generation, setGeneration] = useState(0);
  const startedGeneration = useRef(generation);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let interval = initialIntervalMs;
    let previous: string | undefined;

    const scheduleNext = (changed: boolean) => {
      interval = changed
        ? initialIntervalMs
        : Math.min(interval * backoffFactor, maxIntervalMs);
      timer = setTimeout(poll, interval);
    };

    async function poll() {
      try {
        const value = await loadRef.current();
        if (cancelled) return;
        const fingerprint = JSON.stringify(value);
        const changed = previous !== undefined && fingerprint !== previous;
        previous = fingerprint;
        const settled = isSettledRef.current
          ? isSettledRef.current(value)
          : true;
        setState({ value, loading: false, polling: !settled });
        if (!settled) {
          scheduleNext(changed);
        }
      } catch (error) {
        if (cancelled) return;
        setState(current => ({
          ...current,
          error: toError(error),
          loading: false,
          polling: true,
        }));
        scheduleNext(false);
      }
    }

    // A refresh keeps showing the current value; new deps (another VM) start empty.
    const isRefresh = startedGeneration.current !== generation;
    startedGeneration.current = generation;
    setState(current =>
      isRefresh
        ? { ...current, loading: true }
        : { loading: true, polling: false },
    );
    // The first poll waits the initial interval; a failed or unchanged poll doubles it.
    interval = initialIntervalMs / backoffFactor;
    poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation, initialIntervalMs, maxIntervalMs, backoffFactor]);

  const refresh = useCallback(() => setGeneration(g => g + 1), []);

  return { ...state, refresh };
}
