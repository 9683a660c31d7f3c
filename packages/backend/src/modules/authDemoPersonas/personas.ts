import { Config } from '@backstage/config';

/** The config key under which the demo portal lists its sign-in personas. */
export const DEMO_PERSONAS_CONFIG_KEY = 'shepherdDemo.personas';

/** The header in which a sign-in request names the persona to sign in as. */
export const DEMO_PERSONA_HEADER = 'x-shepherd-demo-persona';

/** The auth provider id of demo sign-in, as used by the app's sign-in page. */
export const DEMO_PERSONA_PROVIDER_ID = 'demo-persona';

export interface DemoPersona {
  /** Name of the catalog User entity (namespace `default`) the persona signs in as. */
  userName: string;
  title: string;
  description?: string;
}

export function readDemoPersonas(config: Config): DemoPersona[] {
  return (config.getOptionalConfigArray(DEMO_PERSONAS_CONFIG_KEY) ?? []).map(
    persona => ({
      userName: persona.getString('userName'),
      title: persona.getString('title'),
      description: persona.getOptionalString('description'),
    }),
  );
}
