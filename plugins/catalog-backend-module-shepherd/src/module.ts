import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { SHEPHERD_CHANGES_TOPIC } from '@kubevirt-shepherd/plugin-shepherd-common';
import { HttpShepherdReader } from './client/HttpShepherdReader';
import { readProviderConfig } from './config';
import { ShepherdEntityProvider } from './provider/ShepherdEntityProvider';

/**
 * The catalog module that publishes KubeVirt Shepherd's Systems, Services and VMs as catalog
 * entities, read from the Shepherd backend with the catalog's service token.
 *
 * @public
 */
export const catalogModuleShepherdEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'shepherd-entity-provider',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
        events: eventsServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        discovery,
        auth,
        lifecycle,
        events,
      }) {
        const { mapping, schedule, requestTimeoutMs } =
          readProviderConfig(config);
        const provider = new ShepherdEntityProvider({
          reader: new HttpShepherdReader(discovery, auth, { requestTimeoutMs }),
          logger,
          mapping,
          taskRunner: scheduler.createScheduledTaskRunner(schedule),
        });
        catalog.addEntityProvider(provider);
        await events.subscribe({
          id: 'shepherd-entity-provider',
          topics: [SHEPHERD_CHANGES_TOPIC],
          onEvent: params => provider.onEvent(params),
        });
        lifecycle.addShutdownHook(() => provider.stop());
      },
    });
  },
});
