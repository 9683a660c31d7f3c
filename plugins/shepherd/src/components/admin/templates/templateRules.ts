import {
  CatalogScope,
  isDiskImageUrl,
  isDnsLabel,
  isDnsSubdomain,
  KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
  SHEPHERD_ERROR_CODES,
  TemplateSourceType,
  TemplateStatus,
  utf8ByteLength,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { withCode } from '../../common';

/*
 * What the template forms check before they submit. The byte limit of cloud-init comes from
 * shepherd-common (KubeVirt's own limit, which the backend enforces with CLOUD_INIT_INVALID);
 * the lifecycle and the name and URL rules are shepherd-common's, shared with the backend, which
 * has the last word (it also parses cloud-init as YAML and checks image references exactly).
 */

/** What each status means, for tabs and chips. */
export const TEMPLATE_STATUS_DESCRIPTIONS: Record<TemplateStatus, string> = {
  draft: 'Being prepared; not offered to requesters',
  active: 'Offered to requesters in its catalog scope',
  deprecated: 'No longer offered; existing VMs keep it',
  archived: 'Retired for good; kept for the history of its VMs',
};

/** A lifecycle action: its button, and what it does, for the confirmation. */
export const TRANSITION_ACTIONS: Record<
  Exclude<TemplateStatus, 'draft'>,
  { label: string; explanation: string }
> = {
  active: {
    label: 'Activate',
    explanation:
      'Requesters can choose it in its catalog scope from now on (unless the scope is unclassified).',
  },
  deprecated: {
    label: 'Deprecate',
    explanation:
      'New requests can no longer choose it; VMs and approved requests keep their snapshot. It can be activated again.',
  },
  archived: {
    label: 'Archive',
    explanation:
      'Archived templates are final: they cannot become active again. VMs keep their snapshot.',
  },
};

/** The line cloud-init needs first to read user data as cloud-config. */
export const CLOUD_CONFIG_HEADER = '#cloud-config';

/** Whether requesters can choose a template somewhere. */
export function isOffered(template: {
  status: TemplateStatus;
  catalogScope: CatalogScope;
}): boolean {
  return (
    template.status === 'active' && template.catalogScope !== 'unclassified'
  );
}

/** The size of cloud-init user data against KubeVirt's inline limit. */
export function cloudInitSize(cloudInit: string): {
  bytes: number;
  maxBytes: number;
  over: boolean;
} {
  const bytes = utf8ByteLength(cloudInit);
  return {
    bytes,
    maxBytes: KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
    over: bytes > KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
  };
}

/** What is wrong with cloud-init user data (empty means none), as the backend would say it. */
export function cloudInitProblem(cloudInit: string): string | undefined {
  if (cloudInit === '') return undefined;
  const size = cloudInitSize(cloudInit);
  if (size.over) {
    return withCode(
      `The cloud-init user data has ${size.bytes} bytes; KubeVirt accepts at most ${size.maxBytes} bytes inline`,
      SHEPHERD_ERROR_CODES.CLOUD_INIT_INVALID,
    );
  }
  const [firstLine] = cloudInit.split('\n', 1);
  if (firstLine.trimEnd() !== CLOUD_CONFIG_HEADER) {
    return withCode(
      `Cloud-init user data must start with the line '${CLOUD_CONFIG_HEADER}'`,
      SHEPHERD_ERROR_CODES.CLOUD_INIT_INVALID,
    );
  }
  return undefined;
}

/** The source fields of a template form. */
export type SourceFields = {
  sourceType: TemplateSourceType;
  imageUrl: string;
  pvcName: string;
  pvcNamespace: string;
};

/** What each source type asks for, as help under its fields. */
export const SOURCE_TYPE_DESCRIPTIONS: Record<TemplateSourceType, string> = {
  containerdisk:
    'A container image with the disk, e.g. quay.io/containerdisks/fedora:40; ephemeral root disk',
  cdi_image_import:
    'CDI imports a disk image from an http(s) URL into a DataVolume for each VM',
  cdi_pvc_clone:
    'CDI clones an existing PVC (a golden image) into a DataVolume for each VM',
};

/** Problems of the source fields (TEMPLATE_SOURCE_INVALID at the backend), per field. */
export function sourceProblems(
  source: SourceFields,
): Partial<Record<'imageUrl' | 'pvcName' | 'pvcNamespace', string>> {
  const { sourceType, imageUrl, pvcName, pvcNamespace } = source;
  if (sourceType === 'cdi_pvc_clone') {
    return {
      pvcName:
        pvcName && isDnsSubdomain(pvcName)
          ? undefined
          : 'The name of the source PVC (a DNS subdomain)',
      pvcNamespace:
        pvcNamespace && isDnsLabel(pvcNamespace)
          ? undefined
          : 'The namespace of the source PVC (a DNS label)',
    };
  }
  if (sourceType === 'containerdisk') {
    if (!imageUrl) return { imageUrl: 'A container image reference' };
    if (imageUrl.includes('://')) {
      return {
        imageUrl:
          'A container image reference has no scheme, e.g. quay.io/containerdisks/fedora:40',
      };
    }
    return {};
  }
  return isDiskImageUrl(imageUrl)
    ? {}
    : { imageUrl: 'The http(s) URL of a disk image' };
}
