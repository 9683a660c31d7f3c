import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { ShepherdApi, shepherdApiRef } from '../../api/ShepherdApi';
import { RequestVmStart } from './requestVmParams';

/** The System and Service the wizard starts with. */
export type WizardStart = { systemId?: string; serviceId?: string };

/** A full entity ref (`component:default/payments-api`) from a possibly short one. */
function fullEntityRef(ref: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace: DEFAULT_NAMESPACE }),
    );
  } catch {
    throw new Error(`'${ref}' is not an entity ref`);
  }
}

/** The record registered from a catalog entity, or an error saying it is not there. */
async function registeredFrom<T>(
  entityRef: string,
  list: (query: { entityRef: string; limit: number }) => Promise<{
    items: T[];
  }>,
): Promise<T> {
  const [record] = (await list({ entityRef, limit: 1 })).items;
  if (!record) {
    throw new Error(
      `${entityRef} is not registered in Shepherd, or you may not see it`,
    );
  }
  return record;
}

async function resolveStart(
  api: ShepherdApi,
  start: RequestVmStart,
): Promise<WizardStart> {
  if (start.serviceId) {
    const service = await api.getService(start.serviceId);
    return { systemId: service.systemId, serviceId: service.id };
  }
  if (start.service) {
    const service = await registeredFrom(
      fullEntityRef(start.service, 'component'),
      query => api.listServices(query),
    );
    return { systemId: service.systemId, serviceId: service.id };
  }
  if (start.systemId) {
    const system = await api.getSystem(start.systemId);
    return { systemId: system.id };
  }
  if (start.system) {
    const system = await registeredFrom(
      fullEntityRef(start.system, 'system'),
      query => api.listSystems(query),
    );
    return { systemId: system.id };
  }
  return {};
}

/**
 * Resolves where the wizard starts (a Service id, a System id, or the entity refs of a
 * catalog Component or System) to the Shepherd records, checking that the user can see them.
 */
export function useWizardStart(start: RequestVmStart) {
  const api = useApi(shepherdApiRef);
  return useAsync(
    () => resolveStart(api, start),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, start.serviceId, start.service, start.systemId, start.system],
  );
}
