import {
  isContainerImageReference,
  isDiskImageUrl,
  isDnsLabel,
  isDnsSubdomain,
  TemplateSourceType,
} from '@kubevirt-shepherd/plugin-shepherd-common';

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
    if (!pvcName || !isDnsSubdomain(pvcName)) {
      problems.push(
        'cdi_pvc_clone needs pvcName, the name of the source PVC (a DNS subdomain)',
      );
    }
    if (!pvcNamespace || !isDnsLabel(pvcNamespace)) {
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
    if (!imageUrl || !isContainerImageReference(imageUrl)) {
      problems.push(
        'containerdisk needs imageUrl, a container image reference such as quay.io/containerdisks/fedora:40',
      );
    }
  } else if (!imageUrl || !isDiskImageUrl(imageUrl)) {
    problems.push(
      'cdi_image_import needs imageUrl, the http(s) URL of a disk image',
    );
  }
  return problems;
}
