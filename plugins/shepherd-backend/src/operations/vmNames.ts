import {
  buildVmName,
  vmNameMaxLength,
  vmNameStem,
  VM_NAME_DISAMBIGUATOR_LENGTH,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { createHash } from 'node:crypto';
import { ShepherdStore } from '../database/ShepherdStore';

/** What a VM's generated name is made of. */
export interface VmNameParts {
  namespace: string;
  systemName: string;
  serviceName: string;
  serviceId: string;
}

/** A generated VM name, and the longest it may be in its form. */
export interface GeneratedVmName {
  name: string;
  maxLength: number;
}

/** The disambiguator of a Service's VM names: stable, from the Service's id. */
function disambiguatorOf(serviceId: string): string {
  return createHash('sha256')
    .update(serviceId)
    .digest('hex')
    .slice(0, VM_NAME_DISAMBIGUATOR_LENGTH);
}

/**
 * The name of a Service's VM of instance `index`: the upstream profile
 * `{namespace}-{system}-{service}-{NN}`, unless an older Service's VM names read the same
 * (System `a-b` + Service `c` against System `a` + Service `b-c`); then the younger Service's
 * names carry its disambiguator (see `buildVmName`), so that the two never generate one
 * name and neither is blocked by the other's VMs.
 */
export async function generateVmName(
  store: Pick<ShepherdStore, 'services'>,
  parts: VmNameParts,
  index: number,
): Promise<GeneratedVmName> {
  const sharing = await store.services.listByVmNameStem(
    vmNameStem(parts.systemName, parts.serviceName),
  );
  const disambiguated = sharing.length > 0 && sharing[0].id !== parts.serviceId;
  return {
    name: buildVmName({
      namespace: parts.namespace,
      system: parts.systemName,
      service: parts.serviceName,
      index,
      disambiguator: disambiguated
        ? disambiguatorOf(parts.serviceId)
        : undefined,
    }),
    maxLength: vmNameMaxLength(disambiguated),
  };
}
