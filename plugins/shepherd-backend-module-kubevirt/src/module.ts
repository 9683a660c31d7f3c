import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { shepherdVmProvidersExtensionPoint } from '@kubevirt-shepherd/plugin-shepherd-node';
import { KubeVirtVmProvider } from './KubeVirtVmProvider';
import { readKubeVirtProviderOptions } from './options';

/**
 * Registers the KubeVirt VM provider (type `kubevirt`) with the Shepherd backend plugin,
 * tuned by `shepherd.providers.kubevirt` in the app config.
 *
 * @public
 */
export const shepherdModuleKubevirt = createBackendModule({
  pluginId: 'shepherd',
  moduleId: 'kubevirt',
  register(env) {
    env.registerInit({
      deps: {
        providers: shepherdVmProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        const options = readKubeVirtProviderOptions(config);
        providers.addProvider(KubeVirtVmProvider.create({ logger, options }));
        logger.info('Registered the KubeVirt VM provider', { ...options });
      },
    });
  },
});
