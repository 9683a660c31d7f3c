import { Environment, TicketOperation } from './enums';

/**
 * The operations the approval matrix rules on. Creating and deleting Systems and Services
 * never needs approval and is not listed.
 *
 * @public
 */
export type GovernedOperation =
  | 'CREATE'
  | 'MODIFY'
  | 'DELETE'
  | 'START'
  | 'STOP'
  | 'RESTART'
  | 'VNC_ACCESS';

const APPROVAL_ENVIRONMENTS: Record<GovernedOperation, readonly Environment[]> =
  {
    CREATE: ['test', 'prod'],
    MODIFY: ['test', 'prod'],
    DELETE: ['test', 'prod'],
    START: ['prod'],
    STOP: ['prod'],
    RESTART: ['prod'],
    VNC_ACCESS: ['prod'],
  };

/**
 * Whether an operation needs an approver, decided by the environment of the VM's namespace
 * (never by the cluster): create, modify and delete always; power and console in prod only.
 *
 * @public
 */
export function requiresApproval(
  operation: GovernedOperation,
  environment: Environment,
): boolean {
  return APPROVAL_ENVIRONMENTS[operation].includes(environment);
}

/**
 * Whether approving a ticket needs the approver to type the name of its VM, as its requester
 * did: deleting a production VM cannot be undone, so it is never one click away.
 *
 * @public
 */
export function approvalNeedsTypedVmName(
  operation: TicketOperation,
  environment: Environment,
): boolean {
  return operation === 'DELETE' && environment === 'prod';
}
