import { ServerResponse } from 'node:http';
import { ObjectStore, StoreEvent } from '../store/objectStore';
import {
  FieldRequirement,
  LabelSelector,
  matchesFields,
  matchesLabels,
} from '../store/selectors';
import { ResourceType } from './resources';
import { ApiError } from './status';
import { IncludeObject, toTable } from './table';

export interface WatchRequest {
  type: ResourceType;
  namespace?: string;
  labels: LabelSelector;
  fields: FieldRequirement[];
  /** Resume after this resourceVersion; absent or "0" starts with the current state. */
  resourceVersion?: string | null;
  timeoutSeconds?: number;
  table?: { includeObject: IncludeObject; now: () => number };
}

/**
 * Streams watch events (`{"type":…,"object":…}` lines) for one resource: the current
 * state as ADDED events unless resuming from a resourceVersion, then every change.
 * Returns a function that ends the stream (used when the simulator closes).
 */
export function serveWatch(
  store: ObjectStore,
  request: WatchRequest,
  res: ServerResponse,
): () => void {
  const { type, namespace } = request;
  let firstTable = true;
  const matches = (event: StoreEvent) =>
    event.resource === type &&
    (!namespace || event.object.metadata.namespace === namespace) &&
    matchesLabels(request.labels, event.object.metadata.labels) &&
    matchesFields(request.fields, event.object);
  const send = (event: { type: string; object: unknown }) => {
    res.write(`${JSON.stringify(event)}\n`);
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
    send({ type: event.type, object });
  };

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  // Like the API server, answer at once: a client waits for the headers before it streams.
  res.flushHeaders();

  const from = request.resourceVersion;
  if (from && from !== '0') {
    const missed = store.eventsSince(Number(from));
    if (!missed) {
      const gone = new ApiError(
        410,
        'Expired',
        `too old resource version: ${from} (${store.oldestResumableRevision})`,
      );
      send({ type: 'ERROR', object: gone.toStatus() });
      res.end();
      return () => {};
    }
    missed.filter(matches).forEach(sendEvent);
  } else {
    for (const object of store.list(
      type,
      type.namespaced ? namespace : undefined,
    )) {
      const event: StoreEvent = { type: 'ADDED', resource: type, object };
      if (matches(event)) sendEvent(event);
    }
  }

  const unsubscribe = store.subscribe(event => {
    if (matches(event)) sendEvent(event);
  });
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  if (request.timeoutSeconds && request.timeoutSeconds > 0) {
    timer = setTimeout(stop, request.timeoutSeconds * 1000);
    timer.unref();
  }
  res.on('close', stop);
  return stop;
}
