import { TemplateStatus } from './enums';

/**
 * The template lifecycle. Deprecated templates may come back; archived ones are final, so
 * that what was archived to keep VM history readable stays out of the catalog.
 *
 * @public
 */
export const TEMPLATE_TRANSITIONS: Record<
  TemplateStatus,
  readonly TemplateStatus[]
> = {
  draft: ['active', 'archived'],
  active: ['deprecated'],
  deprecated: ['active', 'archived'],
  archived: [],
};

/**
 * Whether a template may move from one status to another (staying put is always allowed).
 *
 * @public
 */
export function isTemplateTransitionAllowed(
  from: TemplateStatus,
  to: TemplateStatus,
): boolean {
  return from === to || TEMPLATE_TRANSITIONS[from].includes(to);
}

/**
 * A container image reference as the container runtime accepts it: an optional registry host
 * (with port), lowercase path components, then an optional tag and digest. No scheme.
 */
const IMAGE_REFERENCE_PATTERN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/**
 * Whether a value is a container image reference, the source of a `containerdisk` template.
 *
 * @public
 */
export function isContainerImageReference(value: string): boolean {
  return IMAGE_REFERENCE_PATTERN.test(value);
}

/**
 * Whether a value is an http(s) URL with a host, the source of a `cdi_image_import` template.
 *
 * @public
 */
export function isDiskImageUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== ''
    );
  } catch {
    return false;
  }
}
