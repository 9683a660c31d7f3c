import { ShepherdApiSchema } from '../schema';

/**
 * Stable machine-readable codes of Shepherd errors. Every error the API answers carries one in
 * `error.code`, next to a human message; clients switch on the code, never on the message.
 *
 * @public
 */
export const SHEPHERD_ERROR_CODES = {
  /** The request does not match the API's schema. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NAME_INVALID: 'NAME_INVALID',
  NAME_TOO_LONG: 'NAME_TOO_LONG',
  NAME_RESERVED: 'NAME_RESERVED',
  VM_NAME_TOO_LONG: 'VM_NAME_TOO_LONG',
  NAME_ALREADY_EXISTS: 'NAME_ALREADY_EXISTS',
  DUPLICATE_PENDING_REQUEST: 'DUPLICATE_PENDING_REQUEST',
  DELETE_CONFIRMATION_REQUIRED: 'DELETE_CONFIRMATION_REQUIRED',
  CONFIRMATION_NAME_MISMATCH: 'CONFIRMATION_NAME_MISMATCH',
  DELETE_RESTRICTED: 'DELETE_RESTRICTED',
  TEMPLATE_SPEC_VIOLATION: 'TEMPLATE_SPEC_VIOLATION',
  TEMPLATE_NOT_ACTIVE: 'TEMPLATE_NOT_ACTIVE',
  TEMPLATE_STATUS_TRANSITION_INVALID: 'TEMPLATE_STATUS_TRANSITION_INVALID',
  /** A template's image source does not fit its source type. */
  TEMPLATE_SOURCE_INVALID: 'TEMPLATE_SOURCE_INVALID',
  CLOUD_INIT_INVALID: 'CLOUD_INIT_INVALID',
  /**
   * The SSH public key of a VM request is not one accepted key (type, key data, length), or
   * does not fit into the VM's cloud-init next to the template's user data.
   */
  SSH_PUBLIC_KEY_INVALID: 'SSH_PUBLIC_KEY_INVALID',
  INVALID_SPEC_OVERRIDES: 'INVALID_SPEC_OVERRIDES',
  RESOURCE_STEP_INVALID: 'RESOURCE_STEP_INVALID',
  RESOURCE_REQUEST_EXCEEDS_LIMIT: 'RESOURCE_REQUEST_EXCEEDS_LIMIT',
  DEDICATED_CPU_OVERCOMMIT: 'DEDICATED_CPU_OVERCOMMIT',
  DISK_SHRINK_FORBIDDEN: 'DISK_SHRINK_FORBIDDEN',
  NOT_IN_CATALOG: 'NOT_IN_CATALOG',
  NAMESPACE_DISABLED: 'NAMESPACE_DISABLED',
  ENVIRONMENT_IMMUTABLE: 'ENVIRONMENT_IMMUTABLE',
  KUBECONFIG_INVALID: 'KUBECONFIG_INVALID',
  KUBECONFIG_UNSAFE: 'KUBECONFIG_UNSAFE',
  ENCRYPTION_NOT_CONFIGURED: 'ENCRYPTION_NOT_CONFIGURED',
  /** Stored cluster credentials cannot be decrypted with the configured keys. */
  CLUSTER_CREDENTIALS_UNREADABLE: 'CLUSTER_CREDENTIALS_UNREADABLE',
  CLUSTER_REQUIRED: 'CLUSTER_REQUIRED',
  CLUSTER_ENVIRONMENT_MISMATCH: 'CLUSTER_ENVIRONMENT_MISMATCH',
  CLUSTER_UNAVAILABLE: 'CLUSTER_UNAVAILABLE',
  STORAGE_CLASS_UNKNOWN: 'STORAGE_CLASS_UNKNOWN',
  FORBIDDEN_MODIFICATION: 'FORBIDDEN_MODIFICATION',
  MODIFIED_SPEC_INVALID: 'MODIFIED_SPEC_INVALID',
  INSTANCE_INDEX_EXHAUSTED: 'INSTANCE_INDEX_EXHAUSTED',
  TICKET_NOT_PENDING: 'TICKET_NOT_PENDING',
  SELF_APPROVAL_FORBIDDEN: 'SELF_APPROVAL_FORBIDDEN',
  REJECT_REASON_REQUIRED: 'REJECT_REASON_REQUIRED',
  /** The request needs a reason (deleting a VM or asking for its console, in production). */
  REASON_REQUIRED: 'REASON_REQUIRED',
  /** A request's reason is longer than REQUEST_REASON_MAX_LENGTH. */
  REASON_TOO_LONG: 'REASON_TOO_LONG',
  VM_NOT_RUNNING: 'VM_NOT_RUNNING',
  /** Opening a console needs an active console grant of the caller on the VM. */
  CONSOLE_GRANT_REQUIRED: 'CONSOLE_GRANT_REQUIRED',
  /** Taking over a console someone else holds needs its own permission on the VM. */
  CONSOLE_TAKEOVER_DENIED: 'CONSOLE_TAKEOVER_DENIED',
  VM_STATE_CONFLICT: 'VM_STATE_CONFLICT',
  /**
   * An object with the VM's name exists on the cluster and is not this Shepherd
   * installation's VM; Shepherd leaves it untouched.
   */
  VM_NAME_CONFLICT: 'VM_NAME_CONFLICT',
  /** Another operation of the VM (its create, a modify, a power action, a delete) is still running. */
  VM_OPERATION_IN_PROGRESS: 'VM_OPERATION_IN_PROGRESS',
  MODIFY_TARGET_REQUIRED: 'MODIFY_TARGET_REQUIRED',
  LAST_OWNER: 'LAST_OWNER',
  OWNER_GRANT_FORBIDDEN: 'OWNER_GRANT_FORBIDDEN',
  MEMBER_ALREADY_EXISTS: 'MEMBER_ALREADY_EXISTS',
  ENTITY_NOT_FOUND: 'ENTITY_NOT_FOUND',
  ENTITY_KIND_INVALID: 'ENTITY_KIND_INVALID',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  SYSTEM_NOT_REGISTERED: 'SYSTEM_NOT_REGISTERED',
  ACTIVE_TICKETS_EXIST: 'ACTIVE_TICKETS_EXIST',
  OWNER_NOT_ALLOWED: 'OWNER_NOT_ALLOWED',
  /** The reconciler's `delete` mode is designed but not implemented: it never deletes. */
  RECONCILE_MODE_NOT_SUPPORTED: 'RECONCILE_MODE_NOT_SUPPORTED',
  /** The adoption was decided already (or its VM got Shepherd's labels meanwhile). */
  ADOPTION_NOT_PENDING: 'ADOPTION_NOT_PENDING',
  /** The VM of an adoption left its cluster or was replaced by another object (another uid). */
  ADOPTION_VM_CHANGED: 'ADOPTION_VM_CHANGED',
  /** The namespace is not (or no longer) in Shepherd's namespace registry. */
  NAMESPACE_NOT_REGISTERED: 'NAMESPACE_NOT_REGISTERED',
  /**
   * The caller sent more requests of one kind (VM requests, power actions, console sessions)
   * than its rate limit allows; `Retry-After` says in how many seconds it may again.
   */
  RATE_LIMITED: 'RATE_LIMITED',
  NOT_FOUND: 'NOT_FOUND',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /**
   * The server failed (a database error, a bug): the answer says only that, with the id under
   * which the server logged the error (`error.details.logId`).
   */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

/** @public */
export type ShepherdErrorCode =
  (typeof SHEPHERD_ERROR_CODES)[keyof typeof SHEPHERD_ERROR_CODES];

/** Soft findings that do not block a request but are shown to the user. @public */
export const SHEPHERD_WARNING_CODES = {
  NAME_LENGTH_WARNING: 'NAME_LENGTH_WARNING',
  OVERCOMMIT_IN_PROD: 'OVERCOMMIT_IN_PROD',
} as const;

/** @public */
export type ShepherdWarningCode =
  (typeof SHEPHERD_WARNING_CODES)[keyof typeof SHEPHERD_WARNING_CODES];

/** A soft finding about a created or changed record. @public */
export type ShepherdWarning = ShepherdApiSchema<'Warning'>;

/**
 * The `error` member of an error response: Backstage's serialised error plus Shepherd's code
 * and, for some codes, structured details (e.g. the existing ticket of a duplicate request).
 *
 * @public
 */
export type ShepherdErrorBody = Omit<
  ShepherdApiSchema<'Error'>['error'],
  'code'
> & {
  code?: ShepherdErrorCode;
};
