import { ServerResponse } from 'node:http';
import { deepClone } from '../apply/objects';
import { ObjectStore, StoreEvent } from '../store/objectStore';
import {
  FieldRequirement,
  LabelSelector,
  matchesFields,
  matchesLabels,
} from '../store/selectors';
import { StoredObject } from '../types';
import {
  INITIAL_EVENTS_END_ANNOTATION,
  revisionOf,
  VersionOptions,
} from './listOptions';
import { apiVersionOf, ResourceType } from './resources';
import { errors } from './status';
import { IncludeObject, toTable } from './table';

export interface WatchRequest {
  type: ResourceType;
  namespace?: string;
  labels: LabelSelector;
  fields: FieldRequirement[];
  /** Where the watch starts, initial events and bookmarks (see `parseVersionOptions`). */
  versions: VersionOptions;
  /** How often a watch that allows bookmarks gets one, in (wall-clock) milliseconds. */
  bookmarkIntervalMs: number;
  timeoutSeconds?: number;
  table?: { includeObject: IncludeObject; now: () => number };
}

/** Longer timeouts are cut to this (Node's timers stop at about 24.8 days). */
const MAX_WATCH_TIMEOUT_SECONDS = 2_000_000;

type WatchEventType = StoreEvent['type'] | 'BOOKMARK' | 'ERROR';

/**
 * Streams watch events (`{"type":…,"object":…}` lines) for one resource, as the
 * apiserver's watch cache does:
 *
 * - without a resourceVersion (or with "0"), the current state as ADDED events first;
 *   with `sendInitialEvents=true` too, followed by a BOOKMARK annotated
 *   `k8s.io/initial-events-end: "true"`;
 * - from a resourceVersion, every change after it (ERROR 410 `Expired` when the history
 *   no longer reaches back to it); a resourceVersion the cluster has not reached yet
 *   waits for it;
 * - then every change; with `allowWatchBookmarks=true`, a BOOKMARK carrying the current
 *   resourceVersion every `bookmarkIntervalMs`;
 * - until `timeoutSeconds`, when the stream ends cleanly.
 *
 * Returns a function that ends the stream (used when the simulator closes).
 */
export function serveWatch(
  store: ObjectStore,
  request: WatchRequest,
  res: ServerResponse,
): () => void {
  const { type, namespace, versions } = request;
  const from = versions.resourceVersion;
  const resuming = !!from && from !== '0';
  // Validated before the 200 goes out, so that a bad resourceVersion is a plain 400.
  const fromRevision = resuming ? revisionOf(from) : store.currentRevision;
  const initialEvents = resuming
    ? versions.sendInitialEvents === true
    : versions.sendInitialEvents !== false;
  if (initialEvents && fromRevision > store.currentRevision) {
    // "Not older than" a revision the cluster has not reached.
    throw errors.tooLargeResourceVersion(from, store.currentRevision);
  }

  let firstTable = true;
  const selects = (object: StoredObject) =>
    (!namespace || object.metadata.namespace === namespace) &&
    matchesLabels(request.labels, object.metadata.labels) &&
    matchesFields(request.fields, object);
  /**
   * The event as this watch sees it, as the watch cache filters: an object that starts
   * to match the selectors is ADDED, one that stops matching is DELETED (its previous
   * state at the event's resourceVersion), one that never matched is not seen.
   */
  const seen = (event: StoreEvent): StoreEvent | undefined => {
    if (event.resource !== type) return undefined;
    const now = selects(event.object);
    if (event.type !== 'MODIFIED' || !event.previous)
      return now ? event : undefined;
    const before = selects(event.previous);
    if (now) return before ? event : { ...event, type: 'ADDED' };
    if (!before) return undefined;
    const gone = deepClone(event.previous);
    gone.metadata.resourceVersion = event.object.metadata.resourceVersion;
    return { ...event, type: 'DELETED', object: gone };
  };
  const send = (eventType: WatchEventType, object: unknown) => {
    if (!res.writableEnded && !res.destroyed)
      res.write(`${JSON.stringify({ type: eventType, object })}\n`);
  };
  const sendEvent = (event: StoreEvent) => {
    let object: unknown = event.object;
    if (request.table) {
      object = toTable(type, [event.object], {
        now: request.table.now(),
        includeObject: request.table.includeObject,
        resourceVersion: event.object.metadata.resourceVersion,
        withColumns: firstTable,
      });
      firstTable = false;
    }
    send(event.type, object);
  };
  /** A bookmark carries nothing but the resourceVersion (and, at most, annotations). */
  const sendBookmark = (annotations?: Record<string, string>) => {
    const metadata = {
      resourceVersion: store.resourceVersion,
      ...(annotations ? { annotations } : {}),
    };
    send(
      'BOOKMARK',
      request.table
        ? {
            kind: 'Table',
            apiVersion: 'meta.k8s.io/v1',
            metadata,
            columnDefinitions: [],
            rows: [],
          }
        : { kind: type.kind, apiVersion: apiVersionOf(type), metadata },
    );
  };

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  // The apiserver answers a watch at once: clients wait for the headers before reading.
  res.flushHeaders();

  if (resuming && !initialEvents) {
    const missed = store.eventsSince(fromRevision);
    if (!missed) {
      send(
        'ERROR',
        errors.expired(from, store.oldestResumableRevision).toStatus(),
      );
      res.end();
      return () => {};
    }
    for (const event of missed) {
      const visible = seen(event);
      if (visible) sendEvent(visible);
    }
  } else if (initialEvents) {
    for (const object of store.list(
      type,
      type.namespaced ? namespace : undefined,
    )) {
      if (selects(object)) sendEvent({ type: 'ADDED', resource: type, object });
    }
    if (versions.sendInitialEvents && versions.allowWatchBookmarks)
      sendBookmark({ [INITIAL_EVENTS_END_ANNOTATION]: 'true' });
  }

  // Events at or before the starting revision were sent above (or are not wanted).
  const startedAt = Math.max(fromRevision, store.currentRevision);
  const after = (object: StoredObject) =>
    Number(object.metadata.resourceVersion) > startedAt;
  const unsubscribe = store.subscribe(event => {
    const visible = after(event.object) ? seen(event) : undefined;
    if (visible) sendEvent(visible);
  });
  const bookmarks = versions.allowWatchBookmarks
    ? setInterval(() => {
        // A watch waiting for a revision the cluster has not reached says nothing.
        if (store.currentRevision >= fromRevision) sendBookmark();
      }, request.bookmarkIntervalMs)
    : undefined;
  bookmarks?.unref();
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    if (bookmarks) clearInterval(bookmarks);
    if (!res.writableEnded) res.end();
  };
  if (request.timeoutSeconds && request.timeoutSeconds > 0) {
    timer = setTimeout(
      stop,
      Math.min(request.timeoutSeconds, MAX_WATCH_TIMEOUT_SECONDS) * 1000,
    );
    timer.unref();
  }
  res.on('close', stop);
  return stop;
}
