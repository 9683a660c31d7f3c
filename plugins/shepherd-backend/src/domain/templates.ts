import {
  TemplateSourceType,
  TemplateStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/**
 * The template lifecycle. Deprecated templates may come back; archived ones are final, so
 * that what was archived to keep VM history readable stays out of the catalog.
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

export function isTemplateTransitionAllowed(
  from: TemplateStatus,
  to: TemplateStatus,
): boolean {
  return from === to || TEMPLATE_TRANSITIONS[from].includes(to);
}

/**
 * Field names that describe hardware. Templates carry the OS only (the template/size
 * boundary); hardware belongs to instance sizes.
 */
const HARDWARE_FIELD_PATTERN =
  /^(cpu|memory|disk|gpu|hugepages|instance_?size|dedicated_?cpu|requires|sriov|resources)/i;

/** The fields of a request body that describe hardware. */
export function hardwareFields(body: object): string[] {
  return Object.keys(body).filter(key => HARDWARE_FIELD_PATTERN.test(key));
}

/** The image source of a template, as far as it is set. */
export interface TemplateSource {
  sourceType: TemplateSourceType;
  imageUrl?: string;
  pvcName?: string;
  pvcNamespace?: string;
}

/**
 * A container image reference as the container runtime accepts it: an optional registry host
 * (with port), lowercase path components, then an optional tag and digest. No scheme.
 */
const IMAGE_REFERENCE_PATTERN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
/** A PVC name (DNS-1123 subdomain) and a namespace (DNS-1123 label). */
const DNS_SUBDOMAIN_PATTERN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PVC_NAME_MAX_LENGTH = 253;
const NAMESPACE_MAX_LENGTH = 63;

function isHttpUrl(value: string): boolean {
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

/**
 * Checks that a template's source fields fit its source type: a container image for
 * `containerdisk`, an HTTP(S) URL for `cdi_image_import`, a PVC and its namespace for
 * `cdi_pvc_clone`; and that it sets no field of another source type. Returns the problems.
 */
export function checkTemplateSource(source: TemplateSource): string[] {
  const { sourceType, imageUrl, pvcName, pvcNamespace } = source;
  const problems: string[] = [];
  if (sourceType === 'cdi_pvc_clone') {
    if (imageUrl !== undefined) {
      problems.push('cdi_pvc_clone templates take pvcName, not imageUrl');
    }
    if (
      !pvcName ||
      pvcName.length > PVC_NAME_MAX_LENGTH ||
      !DNS_SUBDOMAIN_PATTERN.test(pvcName)
    ) {
      problems.push(
        'cdi_pvc_clone needs pvcName, the name of the source PVC (a DNS subdomain)',
      );
    }
    if (
      !pvcNamespace ||
      pvcNamespace.length > NAMESPACE_MAX_LENGTH ||
      !DNS_LABEL_PATTERN.test(pvcNamespace)
    ) {
      problems.push(
        'cdi_pvc_clone needs pvcNamespace, the namespace of the source PVC (a DNS label)',
      );
    }
    return problems;
  }
  if (pvcName !== undefined || pvcNamespace !== undefined) {
    problems.push(`${sourceType} templates take imageUrl, not a PVC`);
  }
  if (sourceType === 'containerdisk') {
    if (!imageUrl || !IMAGE_REFERENCE_PATTERN.test(imageUrl)) {
      problems.push(
        'containerdisk needs imageUrl, a container image reference such as quay.io/containerdisks/fedora:40',
      );
    }
  } else if (!imageUrl || !isHttpUrl(imageUrl)) {
    problems.push(
      'cdi_image_import needs imageUrl, the http(s) URL of a disk image',
    );
  }
  return problems;
}
