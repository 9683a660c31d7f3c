import { ConfigApi } from '@backstage/core-plugin-api';

/** The auth provider of demo sign-in (packages/backend/src/modules/authDemoPersonas). */
export const DEMO_PERSONA_PROVIDER_ID = 'demo-persona';

/** The header that names the persona; the backend module reads the same header. */
export const DEMO_PERSONA_HEADER = 'x-shepherd-demo-persona';

/** Where the browser remembers the chosen persona, so a reload keeps the user signed in. */
export const DEMO_PERSONA_STORAGE_KEY = 'shepherd.demoPersona';

export interface DemoPersona {
  userName: string;
  title: string;
  description?: string;
}

export function readDemoPersonas(configApi: ConfigApi): DemoPersona[] {
  return (configApi.getOptionalConfigArray('shepherdDemo.personas') ?? []).map(
    persona => ({
      userName: persona.getString('userName'),
      title: persona.getString('title'),
      description: persona.getOptionalString('description'),
    }),
  );
}

/** Demo sign-in is offered only by a development portal that configures personas. */
export function isDemoSignInEnabled(configApi: ConfigApi): boolean {
  const environment =
    configApi.getOptionalString('auth.environment') ?? 'development';
  return (
    environment === 'development' && readDemoPersonas(configApi).length > 0
  );
}
