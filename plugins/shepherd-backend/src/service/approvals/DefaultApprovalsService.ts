import {
  LoggerService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import {
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  CONSOLE_GRANT_DEFAULT_MINUTES,
  CONSOLE_GRANT_MAX_MINUTES,
  ApprovalPreview,
  ClusterCandidate,
  MAX_INSTANCE_INDEX,
  SHEPHERD_ERROR_CODES,
  ShepherdCluster,
  ShepherdTicket,
  ShepherdWarning,
  VM_NAME_MAX_LENGTH,
  VmRequestSpec,
  VmSpec,
  buildVmName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import {
  MANY_REMOVED_FIELDS,
  resizeOf,
  modifiedVmSpec,
  vmSpecOf,
  checkEffectiveSpec,
  checkSpecReplacement,
  requestedSpec,
} from '../../domain/vmSpec';
import { Actor } from '../Actor';
import { conflict, invalidInput, notAllowed, notFound } from '../errors';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';
import { ShepherdNotifier } from '../notifications/ShepherdNotifier';
import { JOB_KINDS, vmJob } from '../../jobs/jobKinds';
import { TicketGuard } from '../tickets/DefaultTicketsService';
import { ApprovalPreflight } from './ApprovalPreflight';
import { VmManifestRenderer } from './VmManifestRenderer';
import { ShepherdVmDefinition } from '@kubevirt-shepherd/plugin-shepherd-node';
import { PermissionConditions } from '../../database/permissionFilter';
import { ApprovalsService } from './ApprovalsService';

const DAY_MS = 24 * 60 * 60 * 1000;
const noGuard = async () => {};

/** Why a cluster cannot take a new VM of an environment, or undefined when it can. */
export function clusterIneligibility(
  cluster: ShepherdCluster,
  environment: ShepherdTicket['environment'],
): { code: string; message: string } | undefined {
  if (cluster.environment !== environment) {
    return {
      code: SHEPHERD_ERROR_CODES.CLUSTER_ENVIRONMENT_MISMATCH,
      message: `${cluster.name} is a ${cluster.environment} cluster; the namespace is ${environment}`,
    };
  }
  if (!cluster.enabled) {
    return {
      code: SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
      message: `${cluster.name} is disabled`,
    };
  }
  if (cluster.status === 'UNREACHABLE') {
    return {
      code: SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
      message: `${cluster.name} is unreachable`,
    };
  }
  return undefined;
}

/** A checked approval of a CREATE ticket, ready to be written. */
interface CreatePlan {
  cluster: ShepherdCluster;
  spec: VmSpec;
  replaced: boolean;
  templateSnapshot: NonNullable<ShepherdTicket['templateSnapshot']>;
  instanceSizeSnapshot: NonNullable<ShepherdTicket['instanceSizeSnapshot']>;
  warnings: ShepherdWarning[];
}

/**
 * The approval workbench. Approving runs as one unit of work: the ticket's decision, its
 * event, the VM row and name (CREATE), the console grant (VNC_ACCESS) and the audit row.
 * Execution on the cluster happens afterwards, asynchronously.
 */
export class DefaultApprovalsService implements ApprovalsService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly notifier: ShepherdNotifier,
    private readonly preflight: ApprovalPreflight,
    private readonly renderer: VmManifestRenderer,
    private readonly logger: LoggerService,
  ) {}

  private get store() {
    return this.context.store;
  }

  async listTasks(
    actor: Actor,
    request: {
      offset: number;
      limit: number;
      conditions?: PermissionConditions;
    },
  ) {
    const page = await this.store.tickets.list({
      ...request,
      statuses: ['PENDING'],
      excludeRequester: actor.userEntityRef,
      oldestFirst: true,
    });
    const now = this.context.clock().getTime();
    return {
      ...page,
      items: page.items.map(ticket => ({
        ticket,
        ageDays: Math.floor((now - Date.parse(ticket.createdAt)) / DAY_MS),
      })),
    };
  }

  async #loadPending(actor: Actor, ticketId: string, guard: TicketGuard) {
    const ticket = await this.store.tickets.get(ticketId);
    if (!ticket) throw notFound('Ticket');
    await guard(ticket);
    if (ticket.requester === actor.userEntityRef) {
      throw notAllowed(
        'Requesters cannot decide their own requests',
        SHEPHERD_ERROR_CODES.SELF_APPROVAL_FORBIDDEN,
      );
    }
    if (ticket.status !== 'PENDING') {
      throw conflict(
        SHEPHERD_ERROR_CODES.TICKET_NOT_PENDING,
        `Only pending tickets can be decided; this one is ${ticket.status}`,
      );
    }
    return ticket;
  }

  async preview(actor: Actor, ticketId: string, guard: TicketGuard = noGuard) {
    const ticket = await this.#loadPending(actor, ticketId, guard);
    const preview: ApprovalPreview = { ticket, warnings: [], clusters: [] };
    if (ticket.operation === 'CREATE') {
      const size = await this.store.instanceSizes.get(
        String(ticket.requestSpec.instanceSizeId),
      );
      const template = await this.store.templates.get(
        String(ticket.requestSpec.templateId),
      );
      if (size && template) {
        const spec = requestedSpec(
          ticket.requestSpec as unknown as VmRequestSpec,
          size,
        );
        preview.effectiveSpec = spec;
        preview.warnings = checkEffectiveSpec(
          spec,
          template,
          size,
          ticket.environment,
        ).warnings;
      }
      preview.clusters = await this.#candidates(ticket);
    }
    if (ticket.operation === 'MODIFY') {
      const vm = ticket.vmId
        ? await this.store.vms.get(ticket.vmId)
        : undefined;
      if (vm) {
        preview.effectiveSpec = modifiedVmSpec(
          vmSpecOf(vm),
          ticket.requestSpec,
        );
      }
    }
    return preview;
  }

  /**
   * The VirtualMachine the create job would apply if the ticket were approved with these
   * choices: checked as an approval is, rendered by the provider, nothing written.
   */
  async renderManifest(
    actor: Actor,
    ticketId: string,
    request: ApprovalManifestRequest,
    guard: TicketGuard = noGuard,
  ): Promise<ApprovalManifest> {
    const ticket = await this.#loadPending(actor, ticketId, guard);
    if (ticket.operation !== 'CREATE') {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `Only requests for new VMs have a manifest; this one is ${ticket.operation}`,
      );
    }
    const plan = await this.#planCreate(ticket, {
      clusterId: request.clusterId,
      storageClass: request.storageClass,
      spec: request.spec,
    });
    const definition = await this.#createDefinition(ticket, plan);
    if (!definition) throw notFound('Service');
    if (definition.name.length > VM_NAME_MAX_LENGTH) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VM_NAME_TOO_LONG,
        `The VM name '${definition.name}' would have ${definition.name.length} characters; at most ${VM_NAME_MAX_LENGTH} are allowed`,
      );
    }
    const rendered = this.renderer.render(definition);
    return {
      vmName: definition.name,
      provider: rendered?.provider,
      manifest: rendered?.manifest,
    };
  }

  async #candidates(ticket: ShepherdTicket): Promise<ClusterCandidate[]> {
    const clusters = await this.store.clusters.list({ offset: 0, limit: 1000 });
    const candidates = clusters.items.map(cluster => {
      const ineligible = clusterIneligibility(cluster, ticket.environment);
      return {
        id: cluster.id,
        name: cluster.name,
        displayName: cluster.displayName,
        environment: cluster.environment,
        status: cluster.status,
        enabled: cluster.enabled,
        storageClasses: cluster.storageClasses,
        defaultStorageClass: cluster.defaultStorageClass,
        eligible: !ineligible,
        reasonCode: ineligible?.code,
        reason: ineligible?.message,
      };
    });
    return [...candidates].sort(
      (a, b) => Number(b.eligible) - Number(a.eligible),
    );
  }

  async approve(
    actor: Actor,
    ticketId: string,
    decision: ApprovalDecision,
    guard: TicketGuard = noGuard,
  ) {
    const ticket = await this.#loadPending(actor, ticketId, guard);
    this.#checkDecisionFields(ticket, decision);
    const decidedAt = this.context.now();
    const base = {
      status: 'APPROVED' as const,
      approver: actor.userEntityRef,
      decisionComment: decision.comment,
      decidedAt,
      updatedAt: decidedAt,
    };

    // Checked before the unit of work: it only reads, and the decision itself is guarded
    // by the conditional ticket transition inside.
    const plan =
      ticket.operation === 'CREATE'
        ? await this.#planCreate(ticket, decision)
        : undefined;
    // The cluster's preflight, outside the unit of work: no transaction waits on a cluster.
    if (plan) {
      await this.#preflightCreate(ticket, plan);
    }
    if (ticket.operation === 'MODIFY') {
      await this.#preflightModify(ticket);
    }
    const approved = await this.context.execute(async unit => {
      switch (ticket.operation) {
        case 'CREATE':
          return this.#approveCreate(unit, actor, ticket, plan!, base);
        case 'DELETE': {
          const vm = await this.#vmOf(unit, ticket);
          await this.#decide(unit, ticket, base, 'PROCESSING');
          await unit.tx.vms.update(vm.id, {
            status: 'DELETING',
            updatedAt: decidedAt,
          });
          await unit.enqueue(
            vmJob(JOB_KINDS.deleteVm, ticket.eventId, vm.clusterId),
          );
          await this.#auditApproval(unit, actor, ticket, 'delete_approved');
          return { ...ticket, ...base };
        }
        case 'MODIFY':
        case 'POWER': {
          const vm = await this.#vmOf(unit, ticket);
          await this.#decide(unit, ticket, base, 'PROCESSING');
          await unit.enqueue(
            vmJob(
              ticket.operation === 'MODIFY'
                ? JOB_KINDS.modifyVm
                : JOB_KINDS.powerVm,
              ticket.eventId,
              vm.clusterId,
            ),
          );
          await this.#auditApproval(unit, actor, ticket, 'approved');
          return { ...ticket, ...base };
        }
        case 'VNC_ACCESS': {
          const vm = await this.#vmOf(unit, ticket);
          const grantMinutes =
            decision.grantMinutes ??
            ticket.grantMinutes ??
            CONSOLE_GRANT_DEFAULT_MINUTES;
          const expiresAt = new Date(
            Date.parse(decidedAt) + grantMinutes * 60_000,
          ).toISOString();
          await this.#decide(
            unit,
            ticket,
            { ...base, grantMinutes },
            'COMPLETED',
          );
          await unit.tx.consoleGrants.insert({
            id: randomUUID(),
            vmId: vm.id,
            userRef: ticket.requester,
            ticketId: ticket.id,
            grantedBy: actor.userEntityRef,
            expiresAt,
            createdAt: decidedAt,
          });
          await this.#auditApproval(
            unit,
            actor,
            ticket,
            'vnc_access_approved',
            {
              grantMinutes,
              expiresAt,
            },
          );
          return { ...ticket, ...base, grantMinutes };
        }
        default:
          throw new Error(`Unknown operation ${ticket.operation}`);
      }
    });
    return { ticket: approved, warnings: plan?.warnings ?? [] };
  }

  #checkDecisionFields(ticket: ShepherdTicket, decision: ApprovalDecision) {
    const misplaced: string[] = [];
    if (ticket.operation !== 'CREATE') {
      if (decision.clusterId !== undefined) misplaced.push('clusterId');
      if (decision.storageClass !== undefined) misplaced.push('storageClass');
      if (decision.spec !== undefined) misplaced.push('spec');
    }
    if (
      ticket.operation !== 'VNC_ACCESS' &&
      decision.grantMinutes !== undefined
    ) {
      misplaced.push('grantMinutes');
    }
    if (misplaced.length > 0) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `${misplaced.join(', ')} cannot be decided for ${
          ticket.operation
        } tickets`,
      );
    }
    if (
      decision.grantMinutes !== undefined &&
      (!Number.isInteger(decision.grantMinutes) ||
        decision.grantMinutes < 1 ||
        decision.grantMinutes > CONSOLE_GRANT_MAX_MINUTES)
    ) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `Console access lasts between 1 and ${CONSOLE_GRANT_MAX_MINUTES} minutes`,
      );
    }
  }

  async #planCreate(
    ticket: ShepherdTicket,
    decision: ApprovalDecision,
  ): Promise<CreatePlan> {
    if (!decision.clusterId) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CLUSTER_REQUIRED,
        'Choose the cluster the VM will run on',
      );
    }
    const cluster = await this.store.clusters.get(decision.clusterId);
    if (!cluster) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
        `There is no cluster ${decision.clusterId}`,
      );
    }
    const ineligible = clusterIneligibility(cluster, ticket.environment);
    if (
      ineligible?.code === SHEPHERD_ERROR_CODES.CLUSTER_ENVIRONMENT_MISMATCH
    ) {
      throw invalidInput(ineligible.code, ineligible.message);
    }
    if (ineligible) {
      throw conflict(
        SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
        ineligible.message,
      );
    }

    const request = ticket.requestSpec as unknown as VmRequestSpec;
    const requestedSize = await this.store.instanceSizes.get(
      request.instanceSizeId,
    );
    if (!requestedSize) {
      throw conflict(
        SHEPHERD_ERROR_CODES.NOT_IN_CATALOG,
        'The requested instance size no longer exists; reject the request',
      );
    }
    const requested = requestedSpec(request, requestedSize);
    let spec: VmSpec = requested;
    if (decision.spec) {
      const replacement = decision.spec as unknown as Record<string, unknown>;
      const { violations, removedFields } = checkSpecReplacement(
        requested as unknown as Record<string, unknown>,
        replacement,
      );
      if (violations.length > 0) {
        throw invalidInput(violations[0].code, violations[0].message, {
          violations,
        });
      }
      if (removedFields.length >= MANY_REMOVED_FIELDS) {
        this.logger.warn(
          `Approval of ticket ${ticket.id} removes ${
            removedFields.length
          } fields of the requested spec: ${removedFields.join(', ')}`,
        );
      }
      spec = {
        ...decision.spec,
        cpuRequest: decision.spec.cpuRequest ?? decision.spec.cpuCores,
        memoryRequestGi:
          decision.spec.memoryRequestGi ?? decision.spec.memoryGi,
      };
    }
    const storageClass = decision.storageClass ?? spec.storageClass;
    if (
      storageClass !== undefined &&
      !cluster.storageClasses.includes(storageClass)
    ) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.STORAGE_CLASS_UNKNOWN,
        `${cluster.name} has no storage class '${storageClass}'`,
        { storageClasses: cluster.storageClasses },
      );
    }
    spec = {
      ...spec,
      storageClass: storageClass ?? cluster.defaultStorageClass,
    };

    const template = await this.store.templates.get(spec.templateId);
    const size = await this.store.instanceSizes.get(spec.instanceSizeId);
    if (!template || !size) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.NOT_IN_CATALOG,
        !template ? 'Unknown template' : 'Unknown instance size',
      );
    }
    const { violations, warnings } = checkEffectiveSpec(
      spec,
      template,
      size,
      ticket.environment,
    );
    if (violations.length > 0) {
      throw invalidInput(violations[0].code, violations[0].message, {
        violations,
      });
    }
    return {
      cluster,
      spec,
      replaced: decision.spec !== undefined,
      templateSnapshot: template,
      instanceSizeSnapshot: size,
      warnings,
    };
  }

  /**
   * The definition the create job would apply. Its name carries the Service's next instance
   * index; a concurrent approval may take that index first, which changes the name only.
   */
  async #createDefinition(
    ticket: ShepherdTicket,
    plan: CreatePlan,
  ): Promise<ShepherdVmDefinition | undefined> {
    const service = await this.store.services.get(ticket.serviceId);
    if (!service) return undefined;
    return {
      name: buildVmName({
        namespace: ticket.namespace,
        system: ticket.systemName,
        service: ticket.serviceName,
        index: service.nextInstanceIndex,
      }),
      namespace: ticket.namespace,
      environment: ticket.environment,
      systemName: ticket.systemName,
      serviceName: ticket.serviceName,
      instance: String(service.nextInstanceIndex).padStart(2, '0'),
      ticketId: ticket.id,
      template: plan.templateSnapshot,
      instanceSize: plan.instanceSizeSnapshot,
      spec: plan.spec,
      running: true,
    };
  }

  /** Dry-runs the VM the approval would create (see {@link #createDefinition} on its name). */
  async #preflightCreate(ticket: ShepherdTicket, plan: CreatePlan) {
    const definition = await this.#createDefinition(ticket, plan);
    // Refused in the unit of work: a missing Service, or VM_NAME_TOO_LONG.
    if (!definition || definition.name.length > VM_NAME_MAX_LENGTH) return;
    await this.preflight.checkCreate(plan.cluster, definition);
  }

  /** Dry-runs the exact resize patch the modification's worker will send. */
  async #preflightModify(ticket: ShepherdTicket) {
    const vm = ticket.vmId ? await this.store.vms.get(ticket.vmId) : undefined;
    if (!vm) return; // refused in the unit of work
    const current = vmSpecOf(vm);
    const target = modifiedVmSpec(current, ticket.requestSpec);
    await this.preflight.checkModify(vm, resizeOf(current, target));
  }

  async #approveCreate(
    unit: UnitOfWork,
    actor: Actor,
    ticket: ShepherdTicket,
    plan: CreatePlan,
    base: {
      status: 'APPROVED';
      approver: string;
      decidedAt: string;
      updatedAt: string;
    },
  ): Promise<ShepherdTicket> {
    const index = await unit.tx.services.takeInstanceIndex(ticket.serviceId);
    if (index > MAX_INSTANCE_INDEX) {
      throw conflict(
        SHEPHERD_ERROR_CODES.INSTANCE_INDEX_EXHAUSTED,
        `The Service '${ticket.serviceName}' has used all ${MAX_INSTANCE_INDEX} VM indexes`,
      );
    }
    const vmName = buildVmName({
      namespace: ticket.namespace,
      system: ticket.systemName,
      service: ticket.serviceName,
      index,
    });
    if (vmName.length > VM_NAME_MAX_LENGTH) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VM_NAME_TOO_LONG,
        `The VM name '${vmName}' would have ${vmName.length} characters; at most ${VM_NAME_MAX_LENGTH} are allowed`,
        {
          namespace: ticket.namespace,
          system: ticket.systemName,
          service: ticket.serviceName,
        },
      );
    }
    const vmId = randomUUID();
    const decided = {
      ...base,
      clusterId: plan.cluster.id,
      vmId,
      vmName,
      templateSnapshot: plan.templateSnapshot,
      instanceSizeSnapshot: plan.instanceSizeSnapshot,
      modifiedSpec: plan.replaced ? plan.spec : undefined,
    };
    await this.#decide(unit, ticket, decided, 'PROCESSING');
    try {
      await unit.tx.vms.insert({
        id: vmId,
        name: vmName,
        namespace: ticket.namespace,
        environment: ticket.environment,
        instance: String(index).padStart(2, '0'),
        status: 'CREATING',
        systemId: ticket.systemId,
        serviceId: ticket.serviceId,
        clusterId: plan.cluster.id,
        ticketId: ticket.id,
        createdBy: ticket.requester,
        templateId: plan.spec.templateId,
        instanceSizeId: plan.spec.instanceSizeId,
        cpuCores: plan.spec.cpuCores,
        cpuRequest: plan.spec.cpuRequest,
        memoryGi: plan.spec.memoryGi,
        memoryRequestGi: plan.spec.memoryRequestGi,
        diskGb: plan.spec.diskGb,
        storageClass: plan.spec.storageClass,
        createdAt: base.decidedAt,
        updatedAt: base.decidedAt,
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw conflict(
          SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
          `A VM named ${vmName} already exists in ${ticket.namespace}`,
        );
      }
      throw error;
    }
    await unit.enqueue(
      vmJob(JOB_KINDS.createVm, ticket.eventId, plan.cluster.id),
    );
    await unit.tx.revisions.insert({
      id: randomUUID(),
      vmId,
      revision: 1,
      spec: plan.spec,
      changeReason: ticket.reason,
      changedBy: actor.userEntityRef,
      ticketId: ticket.id,
      createdAt: base.decidedAt,
    });
    await this.#auditApproval(unit, actor, ticket, 'approved', {
      clusterId: plan.cluster.id,
      clusterName: plan.cluster.name,
      vmName,
      spec: plan.spec,
      specReplaced: plan.replaced,
      warnings: plan.warnings.map(w => w.code),
    });
    return { ...ticket, ...decided };
  }

  async #vmOf(unit: UnitOfWork, ticket: ShepherdTicket) {
    const vm = ticket.vmId ? await unit.tx.vms.get(ticket.vmId) : undefined;
    if (!vm) {
      throw conflict(
        SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
        'The VM of this request no longer exists; reject the request',
      );
    }
    return vm;
  }

  /** Moves the ticket and its event on; losing a race to another decision answers 409. */
  async #decide(
    unit: UnitOfWork,
    ticket: ShepherdTicket,
    patch: Parameters<UnitOfWork['tx']['tickets']['transition']>[2],
    eventStatus: 'PROCESSING' | 'COMPLETED' | 'CANCELLED',
  ) {
    const moved = await unit.tx.tickets.transition(
      ticket.id,
      ['PENDING'],
      patch,
    );
    if (!moved) {
      throw conflict(
        SHEPHERD_ERROR_CODES.TICKET_NOT_PENDING,
        'The ticket was decided by someone else in the meantime',
      );
    }
    await unit.tx.events.transition(ticket.eventId, ['PENDING'], {
      status: eventStatus,
      ...(eventStatus !== 'PROCESSING' && { processedAt: patch.updatedAt }),
    });
    unit.afterCommit(async () => {
      const decided = await this.store.tickets.get(ticket.id);
      if (decided) await this.notifier.ticketDecided(decided);
    });
  }

  async #auditApproval(
    unit: UnitOfWork,
    actor: Actor,
    ticket: ShepherdTicket,
    decision: string,
    details: Record<string, unknown> = {},
  ) {
    await unit.audit({
      action: 'approval.approve',
      actor: actor.userEntityRef,
      resourceType: 'ticket',
      resourceId: ticket.id,
      parentType: 'service',
      parentId: ticket.serviceId,
      environment: ticket.environment,
      ticketId: ticket.id,
      details: { operation: ticket.operation, decision, ...details },
    });
  }

  async reject(
    actor: Actor,
    ticketId: string,
    input: { reason: string },
    guard: TicketGuard = noGuard,
  ) {
    const reason = input.reason?.trim();
    const ticket = await this.#loadPending(actor, ticketId, guard);
    if (!reason) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.REJECT_REASON_REQUIRED,
        'Say why the request is rejected; the requester is told',
      );
    }
    const decidedAt = this.context.now();
    const patch = {
      status: 'REJECTED' as const,
      approver: actor.userEntityRef,
      rejectReason: reason,
      decidedAt,
      updatedAt: decidedAt,
    };
    await this.context.execute(async unit => {
      await this.#decide(unit, ticket, patch, 'CANCELLED');
      await unit.audit({
        action: 'approval.reject',
        actor: actor.userEntityRef,
        resourceType: 'ticket',
        resourceId: ticket.id,
        parentType: 'service',
        parentId: ticket.serviceId,
        environment: ticket.environment,
        ticketId: ticket.id,
        details: { operation: ticket.operation, reason },
      });
    });
    return { ...ticket, ...patch };
  }
}
