import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SHEPHERD_AUDIT_EXPORT_TRUNCATED_HEADER } from '@kubevirt-shepherd/plugin-shepherd-common';
import { AuthorizedAuditLogService } from '../service/audit/AuthorizedAuditLogService';
import { auditCsvHeader, auditCsvLine } from '../service/audit/auditCsv';
import { ActorResolver } from './ActorResolver';
import { parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** The name a browser saves an audit export under. */
const AUDIT_EXPORT_FILE_NAME = 'shepherd-audit-log.csv';

/** The filters of the audit search, shared by the list and the export. */
function auditFilters(query: {
  action?: string;
  actor?: string;
  resourceType?: string;
  resourceId?: string;
  ticketId?: string;
  outcome?: 'success' | 'failure';
  from?: string;
  to?: string;
}) {
  return {
    action: query.action,
    actor: query.actor,
    resourceType: query.resourceType,
    resourceId: query.resourceId,
    ticketId: query.ticketId,
    outcome: query.outcome,
    from: query.from,
    to: query.to,
  };
}

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
        ...auditFilters(req.query),
      }),
    );
  });

  // Before /v1/audit-logs/:auditLogId, which would otherwise take "export.csv" for an id.
  router.get('/v1/audit-logs/export.csv', async (req, res) => {
    const actor = await actors.fromRequest(req);
    // Permission and filters are checked here, while an error can still be answered as one.
    const exported = await audit.export(actor, auditFilters(req.query));
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${AUDIT_EXPORT_FILE_NAME}"`,
    );
    res.setHeader(
      SHEPHERD_AUDIT_EXPORT_TRUNCATED_HEADER,
      String(exported.truncated),
    );
    async function* lines() {
      yield auditCsvHeader();
      for await (const entry of exported.entries) yield auditCsvLine(entry);
    }
    // Streams with back-pressure: the store is paged only as fast as the client reads. On a
    // failure half-way the pipeline cuts the connection, the only way left to say the file
    // is incomplete once its status is sent.
    await pipeline(Readable.from(lines()), res);
  });

  router.get('/v1/audit-logs/:auditLogId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await audit.get(actor, req.params.auditLogId));
  });
}
