import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { ActorResolver } from './ActorResolver';
import { registerAuditRoutes } from './auditRoutes';
import { registerCatalogsRoutes } from './platformRoutes';
import { registerConsoleRoutes } from './consoleRoutes';
import { assignErrorCodes } from './errorCodes';
import { registerSystemsRoutes } from './systemsRoutes';
import { registerWorkflowRoutes } from './workflowRoutes';
import { createOpenApiRouter } from '../schema/openapi';
import { AuditLogService } from '../service/audit/AuditLogService';
import { CatalogServices } from '../service/platform/PlatformServices';
import { ConsoleSessionsService } from '../service/console/ConsoleSessionsService';
import { HealthService } from '../service/HealthService';
import { SystemsService } from '../service/systems/SystemsService';
import { TicketsService } from '../service/tickets/TicketsService';
import { VmsService } from '../service/vms/VmsService';
import { ApprovalsService } from '../service/approvals/ApprovalsService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  actors: ActorResolver;
  health: HealthService;
  systems: SystemsService;
  catalogs: CatalogServices;
  audit: AuditLogService;
  vms: VmsService;
  tickets: TicketsService;
  approvals: ApprovalsService;
  consoleSessions: ConsoleSessionsService;
}

/**
 * The HTTP surface of the Shepherd backend: validation against the OpenAPI spec and
 * authentication here; permissions and rules in the services behind.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, health } = options;
  const router = createOpenApiRouter();

  router.get('/health', async (req, res) => {
    // Product state only, no governance data: any authenticated caller may read it.
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const report = await health.check();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  registerSystemsRoutes(router, options);
  registerCatalogsRoutes(router, options);
  registerAuditRoutes(router, options);
  registerWorkflowRoutes(router, options);
  registerConsoleRoutes(router, options);

  router.use(assignErrorCodes());
  return router;
}
