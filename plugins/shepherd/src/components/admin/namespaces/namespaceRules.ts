import {
  ShepherdWarning,
  checkResourceName,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** The longest namespace description (openapi.yaml: description maxLength). */
export const NAMESPACE_DESCRIPTION_MAX_LENGTH = 512;

/** A namespace name as the backend checks it: a problem with its code, or the warnings. */
export type NameFinding = {
  problem?: string;
  code?: string;
  warnings: ShepherdWarning[];
};

/**
 * Checks a namespace name with shepherd-common's naming rules (the backend's): RFC 1035,
 * no `--`, at most 15 characters (a warning above 12, since names make up VM names), not
 * reserved.
 */
export function checkNamespaceName(name: string): NameFinding {
  if (name === '') return { problem: 'A name is required', warnings: [] };
  const check = checkResourceName('namespace', name);
  return check.ok
    ? { warnings: check.warnings }
    : { problem: check.message, code: check.code, warnings: [] };
}

export function descriptionProblem(description: string): string | undefined {
  return description.length > NAMESPACE_DESCRIPTION_MAX_LENGTH
    ? `At most ${NAMESPACE_DESCRIPTION_MAX_LENGTH} characters (now ${description.length})`
    : undefined;
}
