import { AuthorizedAuditLogService } from '../service/audit/AuthorizedAuditLogService';
import { ActorResolver } from './ActorResolver';
import { parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** The append-only audit trail, read-only. */
export function registerAuditRoutes(
  router: ShepherdApiRouter,
  deps: { actors: ActorResolver; audit: AuthorizedAuditLogService },
) {
  const { actors, audit } = deps;

  router.get('/v1/audit-logs', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await audit.list(actor, {
        ...parsePage(req.query),
        action: req.query.action,
        actor: req.query.actor,
        resourceType: req.query.resourceType,
        resourceId: req.query.resourceId,
        ticketId: req.query.ticketId,
        outcome: req.query.outcome,
        from: req.query.from,
        to: req.query.to,
      }),
    );
  });

  router.get('/v1/audit-logs/:auditLogId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await audit.get(actor, req.params.auditLogId));
  });
}
