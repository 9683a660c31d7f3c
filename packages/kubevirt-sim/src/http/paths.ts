import { findResourceType, ResourceType } from '../api/resources';
import { SUBRESOURCES_GROUP, SUBRESOURCES_VERSION } from '../constants';

/** What a request path addresses. */
export type ApiPath =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'openapi'; path: string }
  | { kind: 'coreVersions' }
  | { kind: 'groupList' }
  | { kind: 'group'; group: string }
  | { kind: 'resourceList'; group: string; version: string }
  | {
      kind: 'resource';
      type: ResourceType;
      namespace?: string;
      name?: string;
      subresource?: string;
    }
  | {
      kind: 'kubevirtAction';
      resource: 'virtualmachines' | 'virtualmachineinstances';
      namespace: string;
      name: string;
      action: string;
    }
  | { kind: 'kubevirtInfo'; what: string }
  | { kind: 'unknown' };

/**
 * Parses an apiserver path. Percent-escapes are decoded before splitting, as Go's
 * `URL.Path` does: `…/virtualmachines/vm%2Fstart` reaches the `start` action on a real
 * cluster too, which is what clients that build subresource paths through a name get.
 */
export function parseApiPath(rawPath: string): ApiPath {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'unknown' };
  }
  const parts = path.split('/').filter(p => p.length > 0);
  if (parts.length === 0) return { kind: 'unknown' };
  const [first] = parts;
  if (first === 'version' && parts.length === 1) return { kind: 'version' };
  if (['healthz', 'livez', 'readyz'].includes(first)) return { kind: 'health' };
  if (first === 'openapi') return { kind: 'openapi', path };

  let group: string;
  let version: string;
  let rest: string[];
  if (first === 'api') {
    if (parts.length === 1) return { kind: 'coreVersions' };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (first === 'apis') {
    if (parts.length === 1) return { kind: 'groupList' };
    if (parts.length === 2) return { kind: 'group', group: parts[1] };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { kind: 'unknown' };
  }
  if (rest.length === 0) return { kind: 'resourceList', group, version };

  if (group === SUBRESOURCES_GROUP && version === SUBRESOURCES_VERSION) {
    if (rest.length === 1) return { kind: 'kubevirtInfo', what: rest[0] };
    if (
      rest.length >= 5 &&
      rest[0] === 'namespaces' &&
      (rest[2] === 'virtualmachines' || rest[2] === 'virtualmachineinstances')
    ) {
      return {
        kind: 'kubevirtAction',
        namespace: rest[1],
        resource: rest[2],
        name: rest[3],
        action: rest.slice(4).join('/'),
      };
    }
    return { kind: 'unknown' };
  }

  // namespaces/{ns}/{plural}[/{name}[/{sub}]] — unless it is the namespace object itself.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const namespaced = findResourceType(group, version, rest[2]);
    if (namespaced?.namespaced) {
      if (rest.length > 5) return { kind: 'unknown' };
      return {
        kind: 'resource',
        type: namespaced,
        namespace: rest[1],
        name: rest[3],
        subresource: rest[4],
      };
    }
  }
  const type = findResourceType(group, version, rest[0]);
  if (!type || rest.length > 3) return { kind: 'unknown' };
  if (type.namespaced && rest.length > 1) return { kind: 'unknown' };
  return { kind: 'resource', type, name: rest[1], subresource: rest[2] };
}
