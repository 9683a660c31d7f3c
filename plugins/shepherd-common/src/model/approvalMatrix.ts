import { Environment } from './enums';

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
