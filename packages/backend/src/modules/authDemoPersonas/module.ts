import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { createDemoPersonaAuthenticator } from './authenticator';
import { DEMO_PERSONA_PROVIDER_ID, readDemoPersonas } from './personas';

/**
 * Demo sign-in for the development portal: pick one of the product's personas on the sign-in
 * page, or fetch a token for one from a script, with no identity provider to set up.
 * Each persona signs in as the catalog User of the same name, with that user's groups.
 */
export const authModuleDemoPersonaProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-persona-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        providers.registerProvider({
          providerId: DEMO_PERSONA_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: createDemoPersonaAuthenticator(
              readDemoPersonas(config),
            ),
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: { name: result.persona.userName },
              });
            },
          }),
        });
      },
    });
  },
});
