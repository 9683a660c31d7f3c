import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import { ActorResolver } from './ActorResolver';
import { registerAdoptionRoutes } from './adoptionRoutes';
import { registerAuditRoutes } from './auditRoutes';
import { registerCapabilitiesRoutes } from './capabilitiesRoutes';
import { registerPlatformRoutes } from './platformRoutes';
import { registerReconcilerRoutes } from './reconcilerRoutes';
import { registerConsoleRoutes } from './consoleRoutes';
import { announceRetryAfter, answerErrors } from './errorCodes';
import { refuseNulCharacters } from './requestParsing';
import { registerSystemsRoutes } from './systemsRoutes';
import { registerWorkflowRoutes } from './workflowRoutes';
import { createOpenApiRouter } from '../schema/openapi';
import { AuthorizedAdoptionService } from '../service/adoption/AuthorizedAdoptionService';
import { AuthorizedApprovalsService } from '../service/approvals/AuthorizedApprovalsService';
import { AuthorizedAuditLogService } from '../service/audit/AuthorizedAuditLogService';
import { CapabilitiesService } from '../service/capabilities/CapabilitiesService';
import { AuthorizedConsoleSessionsService } from '../service/console/AuthorizedConsoleSessionsService';
import { HealthService } from '../service/HealthService';
import { PlatformServices } from '../service/platform/PlatformServices';
import { AuthorizedMembersService } from '../service/systems/AuthorizedMembersService';
import { AuthorizedServicesService } from '../service/systems/AuthorizedServicesService';
import { AuthorizedSystemsService } from '../service/systems/AuthorizedSystemsService';
import { AuthorizedReconcilerService } from '../service/reconciler/AuthorizedReconcilerService';
import { AuthorizedTicketsService } from '../service/tickets/AuthorizedTicketsService';
import { AuthorizedVmsService } from '../service/vms/AuthorizedVmsService';

/**
 * What the routes reach: the services behind their permission checks, by their classes, so
 * that a service without its checks cannot be handed to a route (health is product state,
 * with no governance data).
 */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  /** Where errors the API answers only as INTERNAL_ERROR are logged in full. */
  logger: LoggerService;
  actors: ActorResolver;
  health: HealthService;
  systems: AuthorizedSystemsService;
  members: AuthorizedMembersService;
  services: AuthorizedServicesService;
  platform: PlatformServices;
  audit: AuthorizedAuditLogService;
  vms: AuthorizedVmsService;
  tickets: AuthorizedTicketsService;
  approvals: AuthorizedApprovalsService;
  consoleSessions: AuthorizedConsoleSessionsService;
  reconciler: AuthorizedReconcilerService;
  adoption: AuthorizedAdoptionService;
  /** Answers only for the caller, from the permission decisions the services check. */
  capabilities: CapabilitiesService;
}

/**
 * The HTTP surface of the Shepherd backend: validation against the OpenAPI spec and
 * authentication here; permissions and rules in the services behind.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, health, logger } = options;
  const router = createOpenApiRouter();
  router.use(refuseNulCharacters());

  router.get('/health', async (req, res) => {
    // Product state only, no governance data: any authenticated caller may read it.
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const report = await health.check();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  registerCapabilitiesRoutes(router, options);
  registerSystemsRoutes(router, options);
  registerPlatformRoutes(router, options);
  registerAuditRoutes(router, options);
  registerWorkflowRoutes(router, options);
  registerConsoleRoutes(router, options);
  registerReconcilerRoutes(router, options);
  registerAdoptionRoutes(router, options);

  router.use(announceRetryAfter());
  router.use(answerErrors(logger));
  return router;
}
