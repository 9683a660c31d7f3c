import {
  ApprovalManifestRequest,
  TICKET_OPERATIONS,
  TICKET_STATUSES,
  TICKET_STATUS_GROUPS,
  VM_STATUSES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { TicketsService } from '../service/tickets/TicketsService';
import { VmsService } from '../service/vms/VmsService';
import { ActorResolver } from './ActorResolver';
import { parseEnumList, parseFlag, parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';
import { ApprovalsService } from '../service/approvals/ApprovalsService';

/** VMs and the requests on them, tickets, and the approval workbench. */
export function registerWorkflowRoutes(
  router: ShepherdApiRouter,
  deps: {
    actors: ActorResolver;
    vms: VmsService;
    tickets: TicketsService;
    approvals: ApprovalsService;
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
      }),
    );
  });

  router.post('/v1/vms/requests', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const ticket = await vms.requestVm(actor, req.body);
    res.status(202).json({
      ticketId: ticket.id,
      eventId: ticket.eventId,
      status: 'PENDING',
    });
  });

  router.get('/v1/vms/:vmId', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(await vms.getVm(reader, req.params.vmId));
  });

  router.delete('/v1/vms/:vmId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const ticket = await vms.requestDeletion(actor, req.params.vmId, {
      confirm: parseFlag(req.query.confirm),
      confirmName: req.query.confirm_name,
      reason: req.query.reason,
    });
    res.status(202).json({
      ticketId: ticket.id,
      eventId: ticket.eventId,
      status: 'PENDING',
    });
  });

  router.post('/v1/vms/:vmId/power', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(202)
      .json(await vms.requestPower(actor, req.params.vmId, req.body));
  });

  router.post('/v1/vms/:vmId/modify-requests', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const ticket = await vms.requestModification(
      actor,
      req.params.vmId,
      req.body,
    );
    res.status(202).json({
      ticketId: ticket.id,
      eventId: ticket.eventId,
      status: 'PENDING',
    });
  });

  router.get('/v1/vms/:vmId/console', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await vms.getConsoleAccess(actor, req.params.vmId));
  });

  router.post('/v1/vms/:vmId/console/requests', async (req, res) => {
    const actor = await actors.fromRequest(req);
    const submission = await vms.requestConsole(
      actor,
      req.params.vmId,
      req.body ?? {},
    );
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
    res.json(await approvals.listTasks(actor, parsePage(req.query)));
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
