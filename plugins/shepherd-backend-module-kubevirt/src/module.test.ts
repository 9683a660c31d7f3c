import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  ShepherdVmProvider,
  shepherdVmProvidersExtensionPoint,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import shepherdModuleKubevirt from './index';
import { KubeVirtVmProvider } from './KubeVirtVmProvider';

describe('shepherdModuleKubevirt', () => {
  it('registers the KubeVirt provider with the shepherd plugin', async () => {
    const providers: ShepherdVmProvider[] = [];
    // Stands in for the Shepherd backend plugin: it owns the extension point.
    const shepherdPlugin = createBackendPlugin({
      pluginId: 'shepherd',
      register(env) {
        env.registerExtensionPoint(shepherdVmProvidersExtensionPoint, {
          addProvider: provider => providers.push(provider),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });

    await startTestBackend({
      features: [
        shepherdPlugin,
        shepherdModuleKubevirt,
        mockServices.rootConfig.factory({
          data: {
            shepherd: { providers: { kubevirt: { requestTimeout: '5s' } } },
          },
        }),
      ],
    });

    expect(providers).toHaveLength(1);
    expect(providers[0]).toBeInstanceOf(KubeVirtVmProvider);
    expect(providers[0].type).toBe('kubevirt');
    expect(providers[0].createSnapshot).toBeUndefined();
    expect(providers[0].cloneVirtualMachine).toBeUndefined();
  });
});
