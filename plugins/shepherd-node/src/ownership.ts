import {
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmOwner,
  ShepherdVmRef,
} from './providers';

/**
 * Whose an object on a cluster is, as its platform labels say: the Shepherd installation
 * that created it, the id of that installation's record of the VM, and the ticket that
 * created (or last changed) it.
 *
 * @public
 */
export interface ShepherdOwnership {
  installationId: string;
  vmId: string;
  /** Absent on objects whose labels name no ticket. */
  ticketId?: string;
}

/**
 * The ownership an object's labels declare, or undefined when they do not name both an
 * installation and a VM record (an object Shepherd did not create, or created before
 * ownership labels existed).
 *
 * @public
 */
export function readShepherdOwnership(
  labels: Readonly<Record<string, string | undefined>> | undefined,
): ShepherdOwnership | undefined {
  const installationId = labels?.[SHEPHERD_PLATFORM_LABELS.installation];
  const vmId = labels?.[SHEPHERD_PLATFORM_LABELS.vmId];
  if (!installationId || !vmId) return undefined;
  const ticketId = labels?.[SHEPHERD_PLATFORM_LABELS.ticketId];
  return { installationId, vmId, ...(ticketId && { ticketId }) };
}

/**
 * Whether an object's labels say it is the VM `owner.vmId` of installation
 * `owner.installationId` (or, with `owner.legacyTicketId`, a VM Shepherd created before
 * ownership labels existed). Only such objects may be changed or deleted by Shepherd.
 *
 * @public
 */
export function isOwnedBy(
  labels: Readonly<Record<string, string | undefined>> | undefined,
  owner: Pick<ShepherdVmOwner, 'installationId' | 'vmId' | 'legacyTicketId'>,
): boolean {
  const ownership = readShepherdOwnership(labels);
  if (ownership) {
    return (
      ownership.installationId === owner.installationId &&
      ownership.vmId === owner.vmId
    );
  }
  // Created before ownership labels: Shepherd's, of the VM's own create ticket, and claimed
  // by no installation.
  return (
    owner.legacyTicketId !== undefined &&
    labels?.[SHEPHERD_PLATFORM_LABELS.installation] === undefined &&
    labels?.[SHEPHERD_PLATFORM_LABELS.managedBy] === SHEPHERD_MANAGER &&
    labels?.[SHEPHERD_PLATFORM_LABELS.ticketId] === owner.legacyTicketId
  );
}

/**
 * The stable code of a {@link ShepherdNotOwnedError}; the backend answers it with its
 * `VM_NAME_CONFLICT` error code.
 *
 * @public
 */
export const SHEPHERD_NOT_OWNED_ERROR_CODE = 'VM_NAME_CONFLICT';

/**
 * A provider refused to create, change or delete an object because an object of that name
 * exists on the cluster and is not the expected VM of this Shepherd installation. The object
 * was left untouched. Permanent: retrying cannot make the object Shepherd's.
 *
 * @public
 */
export class ShepherdNotOwnedError extends ShepherdProviderError {
  readonly code = SHEPHERD_NOT_OWNED_ERROR_CODE;
  readonly vm: ShepherdVmRef;
  /** What the existing object's labels declare; undefined when they declare no ownership. */
  readonly found?: ShepherdOwnership;

  constructor(
    vm: ShepherdVmRef,
    found: ShepherdOwnership | undefined,
    options?: { objectKind?: string; statusCode?: number; cause?: unknown },
  ) {
    super(
      'permanent',
      `${options?.objectKind ?? 'An object'} named ${vm.namespace}/${
        vm.name
      } already exists on the cluster and is not ${
        found
          ? "this Shepherd VM's (it belongs to another record or installation)"
          : 'managed by Shepherd'
      }; it was left untouched`,
      { statusCode: options?.statusCode, cause: options?.cause },
    );
    this.name = 'ShepherdNotOwnedError';
    this.vm = vm;
    this.found = found;
  }
}

/** Whether `error` is a provider's refusal to touch an object that is not Shepherd's. @public */
export function isShepherdNotOwnedError(
  error: unknown,
): error is ShepherdNotOwnedError {
  return (
    error instanceof ShepherdProviderError &&
    (error as { code?: unknown }).code === SHEPHERD_NOT_OWNED_ERROR_CODE
  );
}
