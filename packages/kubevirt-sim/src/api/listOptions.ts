import { ObjectStore } from '../store/objectStore';
import { errors } from './status';

export const NOT_OLDER_THAN = 'NotOlderThan';
export const EXACT = 'Exact';

/** The annotation of the bookmark that ends a watch's initial events (`sendInitialEvents=true`). */
export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end';

/** How a list or watch chooses the revision it starts from. */
export interface VersionOptions {
  /** '' when absent. */
  resourceVersion: string;
  resourceVersionMatch: '' | typeof NOT_OLDER_THAN | typeof EXACT;
  /** undefined when absent: the legacy behaviour. */
  sendInitialEvents?: boolean;
  allowWatchBookmarks: boolean;
}

function flag(value: string | null): boolean {
  return (
    value !== null && ['true', '1', 'True', 'TRUE', 't', 'T'].includes(value)
  );
}

function forbidden(field: string, detail: string) {
  return {
    field,
    reason: 'FieldValueForbidden',
    message: `Forbidden: ${detail}`,
  };
}

function notSupported(field: string, value: string, supported: string[]) {
  return {
    field,
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: "${value}": supported values: ${supported
      .map(s => `"${s}"`)
      .join(', ')}`,
  };
}

/**
 * Reads `resourceVersion`, `resourceVersionMatch`, `sendInitialEvents` and
 * `allowWatchBookmarks`, and rejects the combinations the apiserver rejects (422, with
 * its `ValidateListOptions` wording; the WatchList feature is on, as in Kubernetes 1.32).
 */
export function parseVersionOptions(
  params: URLSearchParams,
  watch: boolean,
): VersionOptions {
  const resourceVersion = params.get('resourceVersion') ?? '';
  const match = params.get('resourceVersionMatch') ?? '';
  const sendInitialEvents = params.has('sendInitialEvents')
    ? flag(params.get('sendInitialEvents'))
    : undefined;
  const continued = !!params.get('continue');
  const violations = [];
  if (watch) {
    if (sendInitialEvents !== undefined && match !== NOT_OLDER_THAN) {
      violations.push(
        forbidden(
          'resourceVersionMatch',
          `sendInitialEvents requires setting resourceVersionMatch to ${NOT_OLDER_THAN}`,
        ),
      );
    }
    if (match) {
      if (sendInitialEvents === undefined) {
        violations.push(
          forbidden(
            'resourceVersionMatch',
            'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
          ),
        );
      }
      if (match !== NOT_OLDER_THAN) {
        violations.push(
          notSupported('resourceVersionMatch', match, [NOT_OLDER_THAN]),
        );
      }
    }
  } else {
    if (match) {
      if (!resourceVersion) {
        violations.push(
          forbidden(
            'resourceVersionMatch',
            'resourceVersionMatch is forbidden unless resourceVersion is provided',
          ),
        );
      }
      if (match === EXACT && resourceVersion === '0') {
        violations.push(
          forbidden(
            'resourceVersionMatch',
            'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
          ),
        );
      } else if (match !== EXACT && match !== NOT_OLDER_THAN) {
        violations.push(
          notSupported('resourceVersionMatch', match, [
            EXACT,
            NOT_OLDER_THAN,
            '',
          ]),
        );
      }
    }
    if (sendInitialEvents !== undefined) {
      violations.push(
        forbidden(
          'sendInitialEvents',
          'sendInitialEvents is forbidden for list',
        ),
      );
    }
  }
  if (match && continued) {
    violations.push(
      forbidden(
        'resourceVersionMatch',
        'resourceVersionMatch is forbidden when continue is provided',
      ),
    );
  }
  if (violations.length > 0) throw errors.invalidListOptions(violations);
  return {
    resourceVersion,
    resourceVersionMatch: match as VersionOptions['resourceVersionMatch'],
    sendInitialEvents,
    allowWatchBookmarks: flag(params.get('allowWatchBookmarks')),
  };
}

/** A resourceVersion as a revision number; anything else is a 400, as on the apiserver. */
export function revisionOf(resourceVersion: string): number {
  const revision = Number(resourceVersion);
  if (!/^\d+$/.test(resourceVersion) || !Number.isSafeInteger(revision)) {
    throw errors.badRequest(
      `Invalid value: "${resourceVersion}": resourceVersion must be a non-negative integer`,
    );
  }
  return revision;
}

/**
 * A list or watch may not ask for a revision the cluster has not reached: the apiserver
 * waits a few seconds for its cache and then answers 504 `ResourceVersionTooLarge`. The
 * simulator's store is never behind, so it answers at once.
 */
export function assertReached(
  store: ObjectStore,
  resourceVersion: string,
): void {
  if (resourceVersion && resourceVersion !== '0') {
    if (revisionOf(resourceVersion) > store.currentRevision)
      throw errors.tooLargeResourceVersion(
        resourceVersion,
        store.currentRevision,
      );
  }
}
