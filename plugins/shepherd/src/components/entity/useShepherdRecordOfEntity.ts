import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_ERROR_CODES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import useAsync from 'react-use/esm/useAsync';
import { ShepherdApi, shepherdApiRef } from '../../api/ShepherdApi';
import { hasShepherdErrorCode } from '../../api/ShepherdApiError';

/** The Shepherd System or Service a catalog entity was registered as, or stands for. */
export type ShepherdRecordOfEntity =
  | { kind: 'system'; systemId: string; name: string }
  | { kind: 'service'; serviceId: string; name: string };

/** The record, or undefined when Shepherd answers that it does not exist (any more). */
async function unlessNotFound<T>(
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (hasShepherdErrorCode(error, SHEPHERD_ERROR_CODES.NOT_FOUND)) {
      return undefined;
    }
    throw error;
  }
}

async function findSystem(api: ShepherdApi, entity: Entity) {
  // Entities the Shepherd entity provider published name their record; registered catalog
  // entities are found by their ref.
  const systemId = entity.metadata.annotations?.[SHEPHERD_ANNOTATIONS.systemId];
  if (systemId) {
    return unlessNotFound(() => api.getSystem(systemId));
  }
  const entityRef = stringifyEntityRef(entity);
  const [system] = (await api.listSystems({ entityRef, limit: 1 })).items;
  return system;
}

async function findService(api: ShepherdApi, entity: Entity) {
  const serviceId =
    entity.metadata.annotations?.[SHEPHERD_ANNOTATIONS.serviceId];
  if (serviceId) {
    return unlessNotFound(() => api.getService(serviceId));
  }
  const entityRef = stringifyEntityRef(entity);
  const [service] = (await api.listServices({ entityRef, limit: 1 })).items;
  return service;
}

async function findRecord(
  api: ShepherdApi,
  entity: Entity,
): Promise<ShepherdRecordOfEntity | undefined> {
  if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
    const system = await findSystem(api, entity);
    return system && { kind: 'system', systemId: system.id, name: system.name };
  }
  const service = await findService(api, entity);
  return (
    service && { kind: 'service', serviceId: service.id, name: service.name }
  );
}

/**
 * Finds the Shepherd record of a catalog System or service Component: the one its Shepherd
 * annotation names (entities of the Shepherd entity provider), or the one it was registered
 * as (entities from elsewhere in the catalog).
 */
export function useShepherdRecordOfEntity(entity: Entity) {
  const api = useApi(shepherdApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsync(
    () => findRecord(api, entity),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef],
  );
}
