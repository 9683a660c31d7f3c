import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { ShepherdApi, shepherdApiRef } from '../../api/ShepherdApi';

/** The Shepherd System or Service a catalog entity was registered as. */
export type ShepherdRecordOfEntity =
  | { kind: 'system'; systemId: string; name: string }
  | { kind: 'service'; serviceId: string; name: string };

async function findRecord(
  api: ShepherdApi,
  entity: Entity,
): Promise<ShepherdRecordOfEntity | undefined> {
  const entityRef = stringifyEntityRef(entity);
  if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
    const [system] = (await api.listSystems({ entityRef, limit: 1 })).items;
    return system && { kind: 'system', systemId: system.id, name: system.name };
  }
  const [service] = (await api.listServices({ entityRef, limit: 1 })).items;
  return (
    service && { kind: 'service', serviceId: service.id, name: service.name }
  );
}

/** Finds the Shepherd record of a catalog System or service Component, if it was registered. */
export function useShepherdRecordOfEntity(entity: Entity) {
  const api = useApi(shepherdApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsync(
    () => findRecord(api, entity),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef],
  );
}
