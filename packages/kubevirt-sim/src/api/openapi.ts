import { createHash } from 'node:crypto';
import { RESOURCE_TYPES, ResourceType } from './resources';

/**
 * A minimal OpenAPI v3 publication: no schemas, only the operations with their
 * `x-kubernetes-group-version-kind` and query parameters. It is what kubectl reads to
 * learn that the server validates fields itself (`fieldValidation`), so `kubectl apply`
 * needs no client-side schema. Without it kubectl refuses to apply unless told
 * `--validate=false`.
 */

const WRITE_PARAMETERS = [
  'dryRun',
  'fieldManager',
  'fieldValidation',
  'pretty',
].map(name => ({
  name,
  in: 'query',
  schema: { type: 'string' },
  uniqueItems: true,
}));

/** Patch types the simulator accepts; strategic merge is left out so kubectl builds merge patches. */
const PATCH_MEDIA_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];

function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function operation(
  type: ResourceType,
  action: string,
  extra: Record<string, unknown> = {},
) {
  return {
    operationId: `${action}${type.kind}`,
    responses: { '200': { description: 'OK' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': {
      group: type.group,
      version: type.version,
      kind: type.kind,
    },
    ...extra,
  };
}

function objectPaths(type: ResourceType) {
  const base = type.group
    ? `/apis/${type.group}/${type.version}`
    : `/api/${type.version}`;
  const collection = type.namespaced
    ? `${base}/namespaces/{namespace}/${type.plural}`
    : `${base}/${type.plural}`;
  const body = {
    content: { 'application/json': { schema: { type: 'object' } } },
  };
  return {
    [collection]: {
      get: operation(type, 'list'),
      post: operation(type, 'post', {
        parameters: WRITE_PARAMETERS,
        requestBody: body,
      }),
    },
    [`${collection}/{name}`]: {
      get: operation(type, 'get'),
      put: operation(type, 'put', {
        parameters: WRITE_PARAMETERS,
        requestBody: body,
      }),
      patch: operation(type, 'patch', {
        parameters: [
          ...WRITE_PARAMETERS,
          {
            name: 'force',
            in: 'query',
            schema: { type: 'boolean' },
            uniqueItems: true,
          },
        ],
        requestBody: {
          content: Object.fromEntries(
            PATCH_MEDIA_TYPES.map(t => [t, { schema: { type: 'object' } }]),
          ),
        },
      }),
      delete: operation(type, 'delete', { parameters: WRITE_PARAMETERS }),
    },
  };
}

function groupVersions(): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of RESOURCE_TYPES)
    seen.set(`${t.group}/${t.version}`, { group: t.group, version: t.version });
  return [...seen.values()];
}

export function openApiV3Document(group: string, version: string) {
  const types = RESOURCE_TYPES.filter(
    t => t.group === group && t.version === version,
  );
  if (types.length === 0) return undefined;
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes (kubevirt-sim)', version: 'unversioned' },
    paths: Object.assign({}, ...types.map(objectPaths)),
    components: { schemas: {} },
  };
}

/** `/openapi/v3`: where each group version's document is. */
export function openApiV3Discovery() {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of groupVersions()) {
    const path = groupVersionPath(group, version);
    const hash = createHash('sha512')
      .update(JSON.stringify(openApiV3Document(group, version)))
      .digest('hex')
      .slice(0, 32)
      .toUpperCase();
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}

/** Parses `/openapi/v3/<path>` into a group and version. */
export function openApiV3Target(
  path: string,
): { group: string; version: string } | undefined {
  const parts = path.split('/').filter(Boolean).slice(2);
  if (parts[0] === 'api' && parts.length === 2)
    return { group: '', version: parts[1] };
  if (parts[0] === 'apis' && parts.length === 3)
    return { group: parts[1], version: parts[2] };
  return undefined;
}
