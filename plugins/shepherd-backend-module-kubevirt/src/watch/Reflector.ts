import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import {
  ClusterClient,
  OpenWatch,
  RawWatchEvent,
} from '../client/ClusterClient';
import {
  KubernetesHttpError,
  ResponseTooLargeError,
  toProviderError,
} from '../errors';
import { isNotFound } from '../operations/reads';
import {
  DEFAULT_WATCH_BACKOFF,
  WatchBackoff,
  watchRetryDelay,
} from './backoff';

/** A cluster-wide custom resource a reflector follows. */
export interface WatchedResource {
  group: string;
  version: string;
  plural: string;
}

/** An object as far as a reflector needs to know it. */
export interface WatchedObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
}

/** Where a reflector delivers what it observed. */
export interface ReflectorSink<T extends WatchedObject> {
  /** A complete list at `revision`: everything not in it is gone. */
  replace(items: T[], revision: string): void;
  /** One change, in the order of the stream. */
  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T): void;
}

export interface ReflectorOptions {
  signal: AbortSignal;
  /** How often everything is listed again although the watch runs fine. */
  resyncIntervalMs: number;
  /** Told about each failure and when the next try comes. */
  onInterrupted(error: ShepherdProviderError, retryInMs: number): void;
  backoff?: WatchBackoff;
  random?: () => number;
  /**
   * The cluster may not serve the resource (CDI not installed): a 404 lists as empty and is
   * asked again at the next resync instead of being retried as a failure.
   */
  optional?: boolean;
}

/** Objects per page of a list: thousands of VMs never come as one huge answer. */
const LIST_PAGE_SIZE = 500;
/**
 * The server ends each watch after a random 5–10 minutes (as client-go's reflectors ask), so
 * that watches of many clients do not all reconnect at once and a connection a proxy silently
 * dropped is replaced.
 */
const WATCH_TIMEOUT_SECONDS = { min: 300, max: 600 };
/**
 * With bookmarks the server sends something at least every minute or so; a stream silent
 * this much longer than its own timeout is taken for a dead connection and replaced.
 */
const SILENCE_GRACE_MS = 30_000;
/** A watch the server closes this fast without an event is a failure, not a rotation. */
const MIN_HEALTHY_WATCH_MS = 1_000;
const HTTP_GONE = 410;

interface WatchOutcome {
  /** Whether the resourceVersion was compacted away (410 Gone): everything is listed again. */
  expired: boolean;
  /** Whether the stream delivered anything (events or bookmarks). */
  progressed: boolean;
}

/**
 * List-and-watch of one resource across all namespaces, in the manner of client-go's
 * reflector: list (in pages) to learn the state and a resourceVersion, then watch from that
 * resourceVersion with bookmarks, resuming from the last one seen whenever the stream ends;
 * list again when the server answers 410 Gone (the resourceVersion was compacted away) and
 * every `resyncIntervalMs` as a safety net; on errors and dropped connections wait with
 * a bounded, jittered backoff and try again, until the signal aborts.
 */
export class Reflector<T extends WatchedObject> {
  private readonly backoff: WatchBackoff;
  private readonly random: () => number;
  /**
   * Where the next watch resumes: the last resourceVersion the stream delivered (event or
   * bookmark), kept across failures so that a dropped stream replays nothing it delivered;
   * undefined when everything has to be listed again.
   */
  private resourceVersion?: string;

  constructor(
    private readonly client: ClusterClient,
    private readonly resource: WatchedResource,
    private readonly sink: ReflectorSink<T>,
    private readonly options: ReflectorOptions,
  ) {
    this.backoff = options.backoff ?? DEFAULT_WATCH_BACKOFF;
    this.random = options.random ?? Math.random;
  }

  private get path(): string {
    const { group, version, plural } = this.resource;
    return `/apis/${group}/${version}/${plural}`;
  }

  async run(): Promise<void> {
    const { signal } = this.options;
    let resyncAt = 0;
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (this.resourceVersion === undefined || Date.now() >= resyncAt) {
          this.resourceVersion = await this.list();
          resyncAt = Date.now() + this.options.resyncIntervalMs;
          failures = 0;
          if (this.resourceVersion === undefined) {
            await abortableDelay(this.options.resyncIntervalMs, signal);
            continue;
          }
        }
        const outcome = await this.watch(this.resourceVersion, resyncAt);
        if (outcome.expired) this.resourceVersion = undefined;
        if (outcome.progressed) failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        // An event too large to read cannot be skipped by resuming after it: list again,
        // which reads the object within the larger limit of a list.
        if (error instanceof ResponseTooLargeError)
          this.resourceVersion = undefined;
        failures += 1;
        const delay = watchRetryDelay(failures, this.backoff, this.random);
        this.options.onInterrupted(
          toProviderError(error, `Watch ${this.resource.plural}`),
          delay,
        );
        await abortableDelay(delay, signal);
      }
    }
  }

  /**
   * Lists every object in pages; answers the list's resourceVersion, or undefined for an
   * optional resource the cluster does not serve.
   */
  private async list(): Promise<string | undefined> {
    try {
      return await this.listPages();
    } catch (error) {
      if (this.options.optional && isNotFound(error)) {
        this.sink.replace([], '');
        return undefined;
      }
      throw error;
    }
  }

  private async listPages(): Promise<string> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let revision = '';
    do {
      const pageToken = continueToken;
      const page = (await this.client.call(
        `List ${this.resource.plural}`,
        ({ custom }) =>
          custom.listClusterCustomObject({
            group: this.resource.group,
            version: this.resource.version,
            plural: this.resource.plural,
            limit: LIST_PAGE_SIZE,
            _continue: pageToken,
          }),
      )) as {
        items?: T[];
        metadata?: { continue?: string; resourceVersion?: string };
      };
      items.push(...(page.items ?? []));
      // Every page of a paged list is served from the first page's snapshot.
      if (!pageToken) revision = page.metadata?.resourceVersion ?? '';
      continueToken = page.metadata?.continue || undefined;
      // A list cut short is not the cluster's state: whatever it left out would be taken
      // for deleted.
      this.options.signal.throwIfAborted();
    } while (continueToken);
    this.sink.replace(items, revision);
    return revision;
  }

  /** One watch stream from `resourceVersion` until it ends, fails, or a resync is due. */
  private async watch(
    resourceVersion: string,
    resyncAt: number,
  ): Promise<WatchOutcome> {
    const { signal } = this.options;
    const timeoutSeconds = Math.round(
      WATCH_TIMEOUT_SECONDS.min +
        this.random() * (WATCH_TIMEOUT_SECONDS.max - WATCH_TIMEOUT_SECONDS.min),
    );
    let progressed = false;
    let expired = false;
    let refusal: KubernetesHttpError | undefined;
    /** The stream once open, and the timer that replaces it when it falls silent. */
    const current: { stream?: OpenWatch; silence?: NodeJS.Timeout } = {};
    const resetSilence = () => {
      clearTimeout(current.silence);
      current.silence = setTimeout(
        () => current.stream?.abort(),
        timeoutSeconds * 1000 + SILENCE_GRACE_MS,
      );
    };
    const onEvent = (event: RawWatchEvent) => {
      const object = event.object as T & {
        code?: number;
        reason?: string;
        message?: string;
      };
      if (event.type === 'ERROR') {
        if (object?.code === HTTP_GONE) expired = true;
        else {
          refusal = new KubernetesHttpError(object?.code ?? 500, {
            kind: 'Status',
            reason: object?.reason,
            message: object?.message,
          });
        }
        current.stream?.abort();
        return;
      }
      progressed = true;
      resetSilence();
      const version = object?.metadata?.resourceVersion;
      if (event.type !== 'BOOKMARK') {
        this.sink.apply(event.type as 'ADDED' | 'MODIFIED' | 'DELETED', object);
      }
      if (version) this.resourceVersion = version;
    };

    const openedAt = Date.now();
    let opened: OpenWatch;
    try {
      opened = await this.client.openWatch(
        `Watch ${this.resource.plural}`,
        this.path,
        {
          resourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds,
        },
        onEvent,
        signal,
      );
    } catch (error) {
      // Some servers refuse a compacted resourceVersion with the status itself.
      if (
        error instanceof ShepherdProviderError &&
        error.statusCode === HTTP_GONE
      ) {
        return { expired: true, progressed: false };
      }
      throw error;
    }
    current.stream = opened;
    const stop = () => opened.abort();
    signal.addEventListener('abort', stop);
    if (signal.aborted) stop();
    const resync = setTimeout(stop, Math.max(resyncAt - Date.now(), 0));
    resetSilence();
    try {
      const error = await opened.closed;
      if (signal.aborted || expired) return { expired, progressed };
      if (refusal) throw refusal;
      if (error && !isAbort(error)) throw error;
      if (!progressed && Date.now() - openedAt < MIN_HEALTHY_WATCH_MS) {
        throw new ShepherdProviderError(
          'transient',
          `Watch ${this.resource.plural} was closed as soon as it opened`,
        );
      }
      return { expired: false, progressed };
    } finally {
      clearTimeout(resync);
      clearTimeout(current.silence);
      signal.removeEventListener('abort', stop);
    }
  }
}

function isAbort(error: Error): boolean {
  return error.name === 'AbortError';
}

/** Waits `ms`, or less when the signal aborts first. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const pending: { timer?: NodeJS.Timeout } = {};
    const done = () => {
      clearTimeout(pending.timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    pending.timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
