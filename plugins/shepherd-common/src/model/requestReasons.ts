import { GovernedOperation } from './approvalMatrix';
import { Environment } from './enums';
import { SHEPHERD_ERROR_CODES } from './errors';

/**
 * The longest reason a request may give, in characters (after trimming). Approvers read it
 * in the queue and the audit log keeps it, so it stays a justification, not a document.
 *
 * @public
 */
export const REQUEST_REASON_MAX_LENGTH = 512;

/**
 * Requests whose reason is required in production: an approver decides an irreversible
 * deletion, or a person's access to a production machine, only on a stated justification.
 */
const REASON_REQUIRED_IN_PROD: readonly GovernedOperation[] = [
  'DELETE',
  'VNC_ACCESS',
];

/**
 * Whether a request must give a reason: deleting a VM and asking for its console in
 * production. (Requests for new VMs and resizes always need one; their rules say so.)
 *
 * @public
 */
export function requiresRequestReason(
  operation: GovernedOperation,
  environment: Environment,
): boolean {
  return environment === 'prod' && REASON_REQUIRED_IN_PROD.includes(operation);
}

/**
 * What is wrong with a request's reason, with the code the API answers: missing (or only
 * blanks) where it is required, or longer than {@link REQUEST_REASON_MAX_LENGTH}.
 *
 * @public
 */
export type RequestReasonProblem = {
  code:
    | typeof SHEPHERD_ERROR_CODES.REASON_REQUIRED
    | typeof SHEPHERD_ERROR_CODES.REASON_TOO_LONG;
  message: string;
};

/**
 * Checks a request's reason as typed; the backend and the UI apply the same rule.
 *
 * @public
 */
export function checkRequestReason(
  reason: string | undefined,
  required: boolean,
): RequestReasonProblem | undefined {
  const trimmed = reason?.trim() ?? '';
  if (required && !trimmed) {
    return {
      code: SHEPHERD_ERROR_CODES.REASON_REQUIRED,
      message:
        'Give a reason: in production the approver decides on it, and the audit log keeps it',
    };
  }
  if (trimmed.length > REQUEST_REASON_MAX_LENGTH) {
    return {
      code: SHEPHERD_ERROR_CODES.REASON_TOO_LONG,
      message: `A reason has at most ${REQUEST_REASON_MAX_LENGTH} characters; this one has ${trimmed.length}`,
    };
  }
  return undefined;
}
