import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';
import { DEMO_PERSONA_HEADER, DemoPersona } from './personas';

export interface DemoPersonaResult {
  persona: DemoPersona;
}

interface DemoPersonaContext {
  enabled: boolean;
  personas: Map<string, DemoPersona>;
}

/**
 * Signs in as one of the configured demo personas, named by a request header.
 *
 * It works only in development (`NODE_ENV=development`, as set by `backstage-cli package
 * start`): a production build refuses every sign-in, whatever the configuration says.
 */
export function createDemoPersonaAuthenticator(personas: DemoPersona[]) {
  return createProxyAuthenticator<
    DemoPersonaContext,
    DemoPersonaResult,
    undefined
  >({
    defaultProfileTransform: async ({ persona }) => ({
      profile: { displayName: persona.title },
    }),
    initialize() {
      return {
        enabled: process.env.NODE_ENV === 'development',
        personas: new Map(personas.map(p => [p.userName, p])),
      };
    },
    async authenticate({ req }, context) {
      if (!context.enabled) {
        throw new NotAllowedError(
          'Demo persona sign-in is only available in development mode',
        );
      }
      const userName = req.get(DEMO_PERSONA_HEADER);
      if (!userName) {
        throw new AuthenticationError(
          `Name the persona to sign in as in the ${DEMO_PERSONA_HEADER} header`,
        );
      }
      const persona = context.personas.get(userName);
      if (!persona) {
        throw new NotAllowedError(`'${userName}' is not a demo persona`);
      }
      return { result: { persona } };
    },
  });
}
