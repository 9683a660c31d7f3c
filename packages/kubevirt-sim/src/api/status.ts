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
  internal(message: string): ApiError {
    return new ApiError(
      500,
      'InternalError',
      `Internal error occurred: ${message}`,
      { causes: [{ message }] },
    );
  },
};
