import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import { invalidInput } from './errors';

/**
 * Refuses a deletion whose `confirm_name` is missing or is not the name of what it deletes
 * (a System, a namespace): the caller types the name, as the API asks for it.
 */
export function checkDeleteConfirmation(
  what: string,
  name: string,
  confirmName: string | undefined,
) {
  if (!confirmName) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
      `Deleting a ${what} needs confirm_name set to its name, '${name}'`,
    );
  }
  if (confirmName !== name) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.CONFIRMATION_NAME_MISMATCH,
      `'${confirmName}' does not match the ${what}'s name`,
    );
  }
}
