import { ApiPath } from '../http/paths';

/** The verbs of the writes the audit log records (reads and watches are not recorded). */
export type AuditVerb =
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection';

/**
 * One write the API server answered, in the shape of kube-apiserver's `audit.k8s.io/v1`
 * Event at level Metadata (the fields a test asserts on; no request or response bodies).
 */
export interface AuditEvent {
  /** Increases by one per event, from 1. */
  auditID: number;
  verb: AuditVerb;
  /** Path and query, as received (a dry run carries `dryRun=All` here). */
  requestURI: string;
  /** The object written; a create is named by the object it made (or named, if refused). */
  objectRef: {
    resource: string;
    apiGroup?: string;
    namespace?: string;
    name?: string;
    subresource?: string;
  };
  responseStatus: { code: number };
  /** Whether the request was a dry run (`dryRun=All` in the query). */
  dryRun: boolean;
  requestReceivedTimestamp: string;
}

/** Reading the audit log, as tests and harnesses do (`sim.audit`). */
export interface AuditLogReader {
  /** The events recorded so far, oldest first (at most the most recent `maxEvents`). */
  events(): AuditEvent[];
  clear(): void;
}

const VERBS: Record<string, AuditVerb> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/**
 * The API server's audit log of writes, as a policy of `level: Metadata` for the write verbs
 * and `level: None` for reads gives: who changed what, and with which answer. Requests cut
 * by fault injection never reached the API server and are not recorded. Bounded: the
 * oldest events give way to new ones beyond `maxEvents`.
 */
export class AuditLog implements AuditLogReader {
  #events: AuditEvent[] = [];
  #next = 1;

  constructor(private readonly maxEvents = 100_000) {}

  /** The event for a request to `path`, or none when the request is not a write. */
  static describe(
    method: string,
    path: ApiPath,
  ): Pick<AuditEvent, 'verb' | 'objectRef'> | undefined {
    const verb = VERBS[method];
    if (!verb) return undefined;
    if (path.kind === 'kubevirtAction') {
      return {
        verb,
        objectRef: {
          resource: path.resource,
          apiGroup: 'subresources.kubevirt.io',
          namespace: path.namespace,
          name: path.name,
          subresource: path.action,
        },
      };
    }
    if (path.kind !== 'resource') return undefined;
    return {
      verb: verb === 'delete' && !path.name ? 'deletecollection' : verb,
      objectRef: {
        resource: path.type.plural,
        ...(path.type.group ? { apiGroup: path.type.group } : {}),
        ...(path.namespace ? { namespace: path.namespace } : {}),
        ...(path.name ? { name: path.name } : {}),
        ...(path.subresource ? { subresource: path.subresource } : {}),
      },
    };
  }

  record(event: Omit<AuditEvent, 'auditID'>): void {
    this.#events.push({ auditID: this.#next++, ...event });
    if (this.#events.length > this.maxEvents) {
      this.#events.splice(0, this.#events.length - this.maxEvents);
    }
  }

  events(): AuditEvent[] {
    return [...this.#events];
  }

  clear(): void {
    this.#events = [];
  }
}
