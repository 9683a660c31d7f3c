import { ResourceType, qualifiedResource } from './resources';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The `metav1.Status` object every Kubernetes error (and some successes) carries. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An error that the HTTP layer turns into a `Status` response with its code. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): Status {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

function resourceDetails(type: ResourceType, name?: string): StatusDetails {
  return {
    ...(name !== undefined ? { name } : {}),
    ...(type.group ? { group: type.group } : {}),
    kind: type.plural,
  };
}

export const errors = {
  notFound(type: ResourceType, name: string): ApiError {
    return new ApiError(
      404,
      'NotFound',
      `${qualifiedResource(type)} "${name}" not found`,
      resourceDetails(type, name),
    );
  },
  namespaceNotFound(name: string): ApiError {
    return new ApiError(404, 'NotFound', `namespaces "${name}" not found`, {
      name,
      kind: 'namespaces',
    });
  },
  /** For URLs that name no resource at all (the apiserver's 404 for unknown paths). */
  pathNotFound(): ApiError {
    return new ApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
      {},
    );
  },
  alreadyExists(type: ResourceType, name: string): ApiError {
    return new ApiError(
      409,
      'AlreadyExists',
      `${qualifiedResource(type)} "${name}" already exists`,
      resourceDetails(type, name),
    );
  },
  conflict(type: ResourceType, name: string, why: string): ApiError {
    return new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(
        type,
      )} "${name}": ${why}`,
      resourceDetails(type, name),
    );
  },
  modified(type: ResourceType, name: string): ApiError {
    return errors.conflict(
      type,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  },
  invalid(type: ResourceType, name: string, causes: StatusCause[]): ApiError {
    const summary = causes
      .map(c => (c.field ? `${c.field}: ${c.message}` : c.message))
      .join(', ');
    return new ApiError(
      422,
      'Invalid',
      `${type.kind}.${type.group || 'core'} "${name}" is invalid: ${summary}`,
      {
        name,
        ...(type.group ? { group: type.group } : {}),
        kind: type.kind,
        causes,
      },
    );
  },
  badRequest(message: string): ApiError {
    return new ApiError(400, 'BadRequest', message);
  },
  methodNotAllowed(): ApiError {
    return new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
      {},
    );
  },
  unsupportedMediaType(contentType: string): ApiError {
    return new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got "${contentType}")`,
      {},
    );
  },
  forbidden(type: ResourceType, name: string, why: string): ApiError {
    return new ApiError(
      403,
      'Forbidden',
      `${qualifiedResource(type)} "${name}" is forbidden: ${why}`,
      resourceDetails(type, name),
    );
  },
  unauthorized(): ApiError {
    return new ApiError(401, 'Unauthorized', 'Unauthorized');
  },
  /** A resourceVersion older than the kept history (watch resume, exact list): 410 Gone. */
  expired(resourceVersion: string, oldest: number): ApiError {
    return new ApiError(
      410,
      'Expired',
      `too old resource version: ${resourceVersion} (${oldest})`,
    );
  },
  /** An exact list at a compacted revision (etcd's "required revision has been compacted"). */
  listExpired(): ApiError {
    return new ApiError(
      410,
      'Expired',
      'The resourceVersion for the provided list is too old.',
    );
  },
  /** A resourceVersion newer than the cluster's (as the apiserver answers after waiting for it). */
  tooLargeResourceVersion(resourceVersion: string, current: number): ApiError {
    return new ApiError(
      504,
      'Timeout',
      `Too large resource version: ${resourceVersion}, current: ${current}`,
      {
        causes: [
          {
            reason: 'ResourceVersionTooLarge',
            message: 'Too large resource version',
          },
        ],
        retryAfterSeconds: 1,
      },
    );
  },
  /**
   * List/watch query parameters that do not go together, worded as the apiserver's
   * `ValidateListOptions` words them: `message` is "Forbidden: …" or "Unsupported value: …".
   */
  invalidListOptions(
    violations: Array<{ field: string; reason: string; message: string }>,
  ): ApiError {
    const texts = violations.map(v => `${v.field}: ${v.message}`);
    return new ApiError(
      422,
      'Invalid',
      `ListOptions.meta.k8s.io "" is invalid: ${
        texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
      }`,
      {
        group: 'meta.k8s.io',
        kind: 'ListOptions',
        causes: violations.map(v => ({
          reason: v.reason,
          message: v.message,
          field: v.field,
        })),
      },
    );
  },
  internal(message: string): ApiError {
    return new ApiError(
      500,
      'InternalError',
      `Internal error occurred: ${message}`,
      { causes: [{ message }] },
    );
  },
};
