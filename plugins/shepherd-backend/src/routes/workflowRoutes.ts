import {
  ApprovalManifestRequest,
  OperationSubmission,
  TICKET_OPERATIONS,
  TICKET_STATUSES,
  TICKET_STATUS_GROUPS,
  VM_STATUSES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { AuthorizedApprovalsService } from '../service/approvals/AuthorizedApprovalsService';
import { AuthorizedTicketsService } from '../service/tickets/AuthorizedTicketsService';
import { AuthorizedVmsService } from '../service/vms/AuthorizedVmsService';
import { ActorResolver } from './ActorResolver';
import { parseEnumList, parseFlag, parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/**
 * The answer of a request that always waits for an approver (create, delete, modify): its
 * ticket, pending.
 */
function ticketSubmission({ status, ticketId, eventId }: OperationSubmission) {
  if (status !== 'PENDING_APPROVAL' || !ticketId || !eventId) {
    throw new Error(`Expected a ticket, got a ${status} submission`);
  }
  return { ticketId, eventId, status: 'PENDING' as const };
}

/** VMs and the requests on them, tickets, and the approval workbench. */
export function registerWorkflowRoutes(
  router: ShepherdApiRouter,
  deps: {
    actors: ActorResolver;
    vms: AuthorizedVmsService;
    tickets: AuthorizedTicketsService;
    approvals: AuthorizedApprovalsService;
  },
) {
  const { actors, vms, tickets, approvals } = deps;

  router.get('/v1/vms', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(
      await vms.listVms(reader, {
        ...parsePage(req.query),
        systemId: req.query.systemId,
        serviceId: req.query.serviceId,
        namespace: req.query.namespace,
        environment: req.query.environment,
        statuses: parseEnumList('status', req.query.status, VM_STATUSES),
        clusterId: req.query.clusterId,
        search: req.query.search,
        orderBy: req.query.orderBy,
        order: req.query.order,
      }),
    );
  });

  router.post('/v1/vms/requests', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const submission = await vms.requestOperation(actor, {
      operation: 'create',
      input: req.body,
    });
    res.status(202).json(ticketSubmission(submission));
  });

  router.get('/v1/vms/:vmId', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(await vms.getVm(reader, req.params.vmId));
  });

  router.get('/v1/vms/:vmId/history', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(
      await vms.getVmHistory(reader, req.params.vmId, parsePage(req.query)),
    );
  });

  router.delete('/v1/vms/:vmId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const submission = await vms.requestOperation(actor, {
      operation: 'delete',
      vmId: req.params.vmId,
      input: { ...req.query, confirm: parseFlag(req.query.confirm) },
    });
    res.status(202).json(ticketSubmission(submission));
  });

  router.post('/v1/vms/:vmId/power', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.status(202).json(
      await vms.requestOperation(actor, {
        operation: 'power',
        vmId: req.params.vmId,
        input: req.body,
      }),
    );
  });

  router.post('/v1/vms/:vmId/modify-requests', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const submission = await vms.requestOperation(actor, {
      operation: 'modify',
      vmId: req.params.vmId,
      input: req.body,
    });
    res.status(202).json(ticketSubmission(submission));
  });

  router.get('/v1/vms/:vmId/console', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await vms.getConsoleAccess(actor, req.params.vmId));
  });

  router.post('/v1/vms/:vmId/console/requests', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const submission = await vms.requestOperation(actor, {
      operation: 'console',
      vmId: req.params.vmId,
      input: req.body ?? {},
    });
    res.status(submission.status === 'ACCEPTED' ? 200 : 202).json(submission);
  });

  router.get('/v1/tickets', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const statuses =
      parseEnumList('status', req.query.status, TICKET_STATUSES) ??
      (req.query.statusGroup
        ? [...TICKET_STATUS_GROUPS[req.query.statusGroup]]
        : undefined);
    res.json(
      await tickets.listTickets(actor, {
        ...parsePage(req.query),
        scope: req.query.scope,
        statuses,
        operations: parseEnumList(
          'operation',
          req.query.operation,
          TICKET_OPERATIONS,
        ),
        vmId: req.query.vmId,
        search: req.query.search,
        orderBy: req.query.orderBy,
        order: req.query.order,
      }),
    );
  });

  router.get('/v1/tickets/:ticketId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await tickets.getTicket(actor, req.params.ticketId));
  });

  router.post('/v1/tickets/:ticketId/cancel', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await tickets.cancelTicket(actor, req.params.ticketId));
  });

  router.get('/v1/approval-tasks', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await approvals.listTasks(actor, {
        ...parsePage(req.query),
        search: req.query.search,
        orderBy: req.query.orderBy,
        order: req.query.order,
      }),
    );
  });

  router.get('/v1/approval-tasks/:ticketId/preview', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await approvals.preview(actor, req.params.ticketId));
  });

  router.post('/v1/approval-tasks/:ticketId/manifest', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await approvals.renderManifest(
        actor,
        req.params.ticketId,
        req.body as ApprovalManifestRequest,
      ),
    );
  });

  router.post('/v1/approval-tasks/:ticketId/approve', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await approvals.approve(actor, req.params.ticketId, req.body as any),
    );
  });

  router.post('/v1/approval-tasks/:ticketId/reject', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await approvals.reject(actor, req.params.ticketId, req.body));
  });
}
