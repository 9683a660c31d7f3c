import { createBackend } from '@backstage/backend-defaults';
import { rootHealthWithShepherd } from './services/rootHealthWithShepherd';

const backend = createBackend();

// Readiness includes Shepherd's checks (its job workers are alive).
backend.add(rootHealthWithShepherd);

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: GitHub in production; in development also the demo personas (see README).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));
if (process.env.NODE_ENV !== 'production') {
  backend.add(import('./modules/authDemoPersonas'));
}

backend.add(import('@backstage/plugin-catalog-backend'));
// Shepherd's Systems, Services and VMs as catalog entities (catalog.providers.shepherd).
backend.add(
  import('@kubevirt-shepherd/plugin-catalog-backend-module-shepherd'),
);

// Shepherd's roles for catalog Groups and Users (permission.shepherd in app-config.yaml);
// other plugins' permissions get permission.shepherd.defaultDecision.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@kubevirt-shepherd/plugin-permission-backend-module-shepherd-policy'),
);

// The events bus lets signals and notifications reach users across backend replicas.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));

backend.add(import('@kubevirt-shepherd/plugin-shepherd-backend'));
backend.add(
  import('@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt'),
);

backend.start();
