import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ShepherdService,
  ShepherdSystem,
  WithWarnings,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { CreateDialog } from './CreateDialog';
import { RegisterDialog } from './RegisterDialog';
import { catalogRefOfSystem, catalogSystemFilter } from './systemRules';
import useAsync from 'react-use/esm/useAsync';

export const CREATE_SERVICE_LABEL = 'Create Service';
export const REGISTER_SERVICE_LABEL = 'Register from catalog';

/** Creates a Service in a System. */
export function CreateServiceDialog(props: {
  system: ShepherdSystem;
  open: boolean;
  onCreated: (result: WithWarnings<ShepherdService>) => void;
  onCancel: () => void;
}) {
  const { system } = props;
  const api = useApi(shepherdApiRef);
  return (
    <CreateDialog<ShepherdService>
      open={props.open}
      entity="service"
      title={`Create a Service in ${system.name}`}
      intro={`VMs are requested for a Service; they are named {namespace}-${system.name}-{service}-{NN}. The name must be unique within the System. It is published to the catalog as a Component of type service.`}
      create={input =>
        api.createService(system.id, {
          name: input.name,
          ...(input.description ? { description: input.description } : {}),
        })
      }
      onCreated={props.onCreated}
      onCancel={props.onCancel}
    />
  );
}

/**
 * Registers a catalog Component of type service that belongs to the System's catalog
 * System (SYSTEM_NOT_REGISTERED otherwise); the picker offers only those.
 */
export function RegisterServiceDialog(props: {
  system: ShepherdSystem;
  open: boolean;
  onRegistered: (result: WithWarnings<ShepherdService>) => void;
  onCancel: () => void;
}) {
  const { system } = props;
  const api = useApi(shepherdApiRef);
  const catalogApi = useApiHolder().get(catalogApiRef);
  // A System created in Shepherd is in the catalog where the catalog module publishes it.
  const published = useAsync(async () => {
    if (system.entityRef || !catalogApi) {
      return undefined;
    }
    const { items } = await catalogApi.getEntities({
      filter: catalogSystemFilter(system),
    });
    return items[0];
  }, [catalogApi, system.id, system.entityRef]);
  // Undefined while the System has no catalog entity: then no Component can be registered.
  const systemRef = catalogRefOfSystem(system, published.value);
  return (
    <RegisterDialog<ShepherdService>
      open={props.open}
      entity="service"
      kind="component"
      title={`Register a catalog service in ${system.name}`}
      intro={`Brings a Component of type service of the software catalog under Shepherd's governance, under its catalog name. Only Components that are part of ${
        systemRef ??
        `the catalog System of ${system.name}, once it is published`
      } can be registered in this System.`}
      filter={{
        kind: 'component',
        'spec.type': 'service',
        'relations.partOf': systemRef ?? '',
      }}
      placeholder="component:default/checkout"
      register={entityRef => api.registerService(system.id, { entityRef })}
      onRegistered={props.onRegistered}
      onCancel={props.onCancel}
    />
  );
}
