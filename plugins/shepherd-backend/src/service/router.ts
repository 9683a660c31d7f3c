import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { ActorResolver } from '../routes/ActorResolver';
import { registerAuditRoutes } from '../routes/auditRoutes';
import { registerCatalogsRoutes } from '../routes/catalogsRoutes';
import { registerConsoleRoutes } from '../routes/consoleRoutes';
import { assignErrorCodes } from '../routes/errorCodes';
import { registerSystemsRoutes } from '../routes/systemsRoutes';
import { registerWorkflowRoutes } from '../routes/workflowRoutes';
import { createOpenApiRouter } from '../schema/openapi';
import { AuditLogService } from './audit/AuditLogService';
import { CatalogServices } from './catalogs/CatalogsService';
import { ConsoleSessionsService } from './console/ConsoleSessionsService';
import { HealthService } from './HealthService';
import { SystemsService } from './systems/SystemsService';
import { ApprovalsService, TicketsService } from './workflow/TicketsService';
import { VmsService } from './workflow/VmsService';

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
