import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { JsonObject } from '@backstage/types';
import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/*
 * Live data, from signals where the portal has them, else by polling. The Shepherd backend
 * signals every committed change of a VM or a ticket (ids only, on the channels of
 * SHEPHERD_SIGNAL_CHANNELS); a page that follows a channel re-reads its value when a signal
 * concerns it, even a settled one (a VM stopped behind Shepherd's back). Polling is the
 * fallback: without the signals API, pages that show work in progress (a VM starting, a
 * request being carried out) ask again, soon at first, then less and less often, and not at
 * all once nothing is in progress; with it, work in progress is still asked about at a slow
 * pace, in case a signal was lost while the connection was down.
 */

/** The first delay before asking again. */
export const POLL_INITIAL_INTERVAL_MS = 2_000;
/** The longest delay between two polls. */
export const POLL_MAX_INTERVAL_MS = 30_000;
/** Each poll without a change waits this many times longer than the one before. */
export const POLL_BACKOFF_FACTOR = 2;
/** The delay between polls of work in progress when signals tell about its changes. */
export const SIGNALLED_POLL_INTERVAL_MS = 60_000;

/** A signal channel a value follows, and which of its messages concern the value. */
export type LiveDataSignal = {
  channel: string;
  /** Whether a message concerns the value (every message does unless told). */
  concerns?: (message: JsonObject) => boolean;
};

export type LiveDataOptions<T> = {
  /**
   * Whether the value needs no more polling (a VM in a stable state, a finished request).
   * Without it the hook loads once, like `useAsync`, and polls only after errors.
   */
  isSettled?: (value: T) => boolean;
  /**
   * The signal channels whose messages say the value may have changed: a message that
   * concerns it reloads it at once. Followed only where the portal installs the signals API.
   */
  signals?: LiveDataSignal[];
  /**
   * Whether an error is final: asking again cannot change it (the record is gone, a 404), so
   * polling stops. Other errors are polled again with backoff.
   */
  isFinalError?: (error: Error) => boolean;
  initialIntervalMs?: number;
  maxIntervalMs?: number;
  backoffFactor?: number;
  /** The delay between polls of an unsettled value while signals are followed. */
  signalledIntervalMs?: number;
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
 * Loads a value and keeps it current. With `signals` and the signals API, a signal that
 * concerns the value reloads it, and an unsettled value is polled every minute besides.
 * Otherwise an unsettled value is polled with exponential backoff (2 s doubling up to 30 s by
 * default): a changed value resets the backoff, so the next step of work in progress is seen
 * soon; a failed poll backs off like an unchanged one. Changing `deps` starts over.
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
    signalledIntervalMs = SIGNALLED_POLL_INTERVAL_MS,
  } = options;
  const signalApi = useApiHolder().get(signalApiRef);
  const channels = (options.signals ?? []).map(signal => signal.channel);
  const signalled = signalApi !== undefined && channels.length > 0;
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
  const signalsRef = useRef(options.signals);
  signalsRef.current = options.signals;
  const isFinalErrorRef = useRef(options.isFinalError);
  isFinalErrorRef.current = options.isFinalError;
  // Reloads now; set by the polling of the current deps, called for a signal that concerns it.
  const reloadRef = useRef<() => void>(() => {});
  const [generation, setGeneration] = useState(0);
  const startedGeneration = useRef(generation);

  // One subscription per channel for as long as the page follows it, kept across reloads (a
  // subscription that ends and starts again can miss what was signalled in between). The
  // API's own callback is used rather than `useSignal`, whose state keeps only the latest
  // message of a render: every message is looked at.
  const channelsKey = JSON.stringify(channels);
  useEffect(() => {
    if (!signalApi) return undefined;
    const subscriptions = (JSON.parse(channelsKey) as string[]).map(channel =>
      signalApi.subscribe(channel, message => {
        const concerned = (signalsRef.current ?? []).some(
          signal =>
            signal.channel === channel &&
            (signal.concerns ? signal.concerns(message) : true),
        );
        if (concerned) reloadRef.current();
      }),
    );
    return () =>
      subscriptions.forEach(subscription => subscription.unsubscribe());
  }, [signalApi, channelsKey]);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let interval = initialIntervalMs;
    let previous: string | undefined;
    // One load at a time: signals that arrive during a load ask for one more after it, so a
    // burst of changes costs two loads, and an older answer never overwrites a newer one.
    let loading = false;
    let reloadAfterLoad = false;

    const scheduleNext = (changed: boolean) => {
      if (signalled) {
        interval = signalledIntervalMs;
      } else {
        interval = changed
          ? initialIntervalMs
          : Math.min(interval * backoffFactor, maxIntervalMs);
      }
      timer = setTimeout(poll, interval);
    };

    async function poll() {
      if (loading) {
        reloadAfterLoad = true;
        return;
      }
      loading = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      let settled = false;
      let changed = false;
      try {
        const value = await loadRef.current();
        if (cancelled) return;
        const fingerprint = JSON.stringify(value);
        changed = previous !== undefined && fingerprint !== previous;
        previous = fingerprint;
        settled = isSettledRef.current ? isSettledRef.current(value) : true;
        setState({ value, loading: false, polling: !settled });
      } catch (error) {
        if (cancelled) return;
        const failure = toError(error);
        settled = isFinalErrorRef.current?.(failure) ?? false;
        setState(current => ({
          ...current,
          error: failure,
          loading: false,
          polling: !settled,
        }));
      } finally {
        loading = false;
      }
      if (reloadAfterLoad) {
        reloadAfterLoad = false;
        poll();
      } else if (!settled) {
        scheduleNext(changed);
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
    reloadRef.current = poll;
    poll();
    return () => {
      cancelled = true;
      reloadRef.current = () => {};
      if (timer) clearTimeout(timer);
    };
  }, [
    // The caller's deps, as in useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    ...deps,
    generation,
    initialIntervalMs,
    maxIntervalMs,
    backoffFactor,
    signalled,
    signalledIntervalMs,
  ]);

  const refresh = useCallback(() => setGeneration(g => g + 1), []);

  return { ...state, refresh };
}
