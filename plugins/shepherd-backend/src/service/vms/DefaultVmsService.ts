import {
  DOMAIN_EVENT_AGGREGATES,
  CONSOLE_GRANT_DEFAULT_MINUTES,
  CONSOLE_GRANT_MAX_MINUTES,
  ConsoleGrant,
  GovernedOperation,
  OperationSubmission,
  PowerAction,
  SHEPHERD_ERROR_CODES,
  ShepherdNamespace,
  ShepherdService,
  ShepherdTicket,
  ShepherdVm,
  VmModifySpec,
  VmRequestSpec,
  isPowerActionAllowed,
  isResourceStep,
  requiresApproval,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { ShepherdApprovalProvider } from '@kubevirt-shepherd/plugin-shepherd-node';
import { checkKubeVirtLimits } from '../../domain/kubevirtAdmission';
import {
  checkEffectiveSpec,
  modifiedVmSpec,
  requestedSpec,
  vmSpecOf,
} from '../../domain/vmSpec';
import { Actor, Reader } from '../Actor';
import { conflict, invalidInput, notFound } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import { submitTicket } from '../../operations/submitTicket';
import { VmListRequest, VmsService } from './VmsService';
import { JOB_KINDS, vmJob } from '../../jobs/jobKinds';
import { PermissionConditions } from '../../database/permissionFilter';

const POWER_OPERATION: Record<PowerAction, GovernedOperation> = {
  start: 'START',
  stop: 'STOP',
  restart: 'RESTART',
};

const POWER_EVENT = {
  start: 'VM_START_REQUESTED',
  stop: 'VM_STOP_REQUESTED',
  restart: 'VM_RESTART_REQUESTED',
} as const;

/** What a new-VM request targets, for the permission check before anything is written. */
export interface NewVmTarget {
  service: ShepherdService;
  namespace: ShepherdNamespace;
}

export type NewVmGuard = (target: NewVmTarget) => Promise<void>;
export type VmGuard = (vm: ShepherdVm) => Promise<void>;

const noGuard = async () => {};

function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim();
  if (!trimmed) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      'Give a reason: approvers and the audit log need it',
    );
  }
  return trimmed;
}

function vmContext(vm: ShepherdVm) {
  return {
    environment: vm.environment,
    systemId: vm.systemId,
    systemName: vm.systemName,
    serviceId: vm.serviceId,
    serviceName: vm.serviceName,
    namespace: vm.namespace,
    vmId: vm.id,
    vmName: vm.name,
    clusterId: vm.clusterId,
  };
}

function vmPayload(vm: ShepherdVm) {
  return {
    vmId: vm.id,
    vmName: vm.name,
    namespace: vm.namespace,
    clusterId: vm.clusterId ?? null,
    environment: vm.environment,
    systemId: vm.systemId,
    serviceId: vm.serviceId,
    requestVmStatus: vm.status,
    currentCpuCores: vm.cpuCores,
    currentMemoryGi: vm.memoryGi,
    currentDiskGb: vm.diskGb,
  };
}

/**
 * Requests for governed VM operations. Each request is one unit of work (event, ticket or
 * direct event, audit row); the approval matrix decides whether it waits for an approver.
 * Permission checks come in through the guards, called after the targets are loaded and
 * before anything is written.
 */
export class DefaultVmsService implements VmsService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly approvals: ShepherdApprovalProvider,
  ) {}

  private get store() {
    return this.context.store;
  }

  async listVms(
    _reader: Reader,
    request: VmListRequest & { conditions?: PermissionConditions },
  ) {
    return this.store.vms.list(request);
  }

  async getVm(_reader: Reader, id: string) {
    const vm = await this.store.vms.get(id);
    if (!vm) throw notFound('VM');
    return vm;
  }

  async requestVm(
    actor: Actor,
    input: VmRequestSpec & { reason: string },
    guard: NewVmGuard = noGuard,
  ): Promise<ShepherdTicket> {
    const reason = requireReason(input.reason);
    const service = await this.store.services.get(input.serviceId);
    if (!service) throw notFound('Service');
    const namespace = await this.store.namespaces.getByName(input.namespace);
    if (!namespace) throw notFound('Namespace');
    await guard({ service, namespace });
    if (!namespace.enabled) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.NAMESPACE_DISABLED,
        `The namespace '${namespace.name}' does not take new VMs`,
      );
    }
    const template = await this.store.templates.get(input.templateId);
    if (!template || template.status === 'archived') throw notFound('Template');
    const size = await this.store.instanceSizes.get(input.instanceSizeId);
    if (!size) throw notFound('Instance size');

    for (const [field, value] of [
      ['targetCpuCores', input.targetCpuCores],
      ['targetMemoryGi', input.targetMemoryGi],
    ] as const) {
      if (value !== undefined && !isResourceStep(value)) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
          `${field} must be a positive multiple of 0.5, got ${value}`,
        );
      }
    }
    const request: VmRequestSpec = {
      serviceId: service.id,
      namespace: namespace.name,
      templateId: template.id,
      instanceSizeId: size.id,
      targetCpuCores: input.targetCpuCores,
      targetMemoryGi: input.targetMemoryGi,
      targetDiskGb: input.targetDiskGb,
    };
    const spec = requestedSpec(request, size);
    const { violations } = checkEffectiveSpec(
      spec,
      template,
      size,
      namespace.environment,
    );
    if (violations.length > 0) {
      throw invalidInput(violations[0].code, violations[0].message, {
        violations,
      });
    }

    return submitTicket(this.context, this.approvals, actor, {
      operation: 'CREATE',
      eventType: 'VM_CREATION_REQUESTED',
      // Identical parameters make a duplicate; a different shape is a different request.
      target: [
        service.id,
        namespace.name,
        template.id,
        size.id,
        spec.cpuCores,
        spec.memoryGi,
        spec.diskGb,
      ].join(':'),
      reason,
      environment: namespace.environment,
      systemId: service.systemId,
      systemName: service.systemName,
      serviceId: service.id,
      serviceName: service.name,
      namespace: namespace.name,
      requestSpec: { ...request },
      payload: {
        requester: actor.userEntityRef,
        serviceId: service.id,
        serviceName: service.name,
        systemId: service.systemId,
        systemName: service.systemName,
        namespace: namespace.name,
        templateId: template.id,
        templateName: template.name,
        instanceSizeId: size.id,
        instanceSizeName: size.name,
        reason,
        targetCpuCores: spec.cpuCores,
        targetMemoryGi: spec.memoryGi,
        targetDiskGb: spec.diskGb,
      },
      auditAction: 'vm.request',
    });
  }

  async requestDeletion(
    actor: Actor,
    vmId: string,
    input: { confirm: boolean; confirmName?: string; reason?: string },
    guard: VmGuard = noGuard,
  ) {
    const vm = await this.getVm(actor, vmId);
    await guard(vm);
    if (vm.environment === 'prod') {
      if (!input.confirmName) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
          `Deleting a production VM needs confirm_name set to its name, '${vm.name}'`,
        );
      }
      if (input.confirmName !== vm.name) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.CONFIRMATION_NAME_MISMATCH,
          `'${input.confirmName}' does not match the VM's name`,
        );
      }
    } else if (!input.confirm) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.DELETE_CONFIRMATION_REQUIRED,
        'Deleting a VM needs confirm=true',
      );
    }
    if (vm.status === 'DELETING') {
      throw conflict(
        SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
        `${vm.name} is already being deleted`,
      );
    }
    const reason = input.reason?.trim() || 'Delete requested';
    return submitTicket(this.context, this.approvals, actor, {
      operation: 'DELETE',
      eventType: 'VM_DELETION_REQUESTED',
      target: vm.id,
      reason,
      ...vmContext(vm),
      requestSpec: {},
      payload: { ...vmPayload(vm), reason, actor: actor.userEntityRef },
      auditAction: 'vm.delete_submitted',
    });
  }

  async requestPower(
    actor: Actor,
    vmId: string,
    input: { action: PowerAction; reason?: string },
    guard: VmGuard = noGuard,
  ): Promise<OperationSubmission> {
    const vm = await this.getVm(actor, vmId);
    await guard(vm);
    const { action } = input;
    if (!isPowerActionAllowed(action, vm.status)) {
      throw conflict(
        SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
        `Cannot ${action} ${vm.name} while it is ${vm.status}`,
        { status: vm.status, action },
      );
    }
    const reason = input.reason?.trim() || `${action} requested`;
    const payload = {
      ...vmPayload(vm),
      operation: action,
      reason,
      actor: actor.userEntityRef,
    };

    if (requiresApproval(POWER_OPERATION[action], vm.environment)) {
      const ticket = await submitTicket(this.context, this.approvals, actor, {
        operation: 'POWER',
        eventType: POWER_EVENT[action],
        target: vm.id,
        reason,
        ...vmContext(vm),
        powerAction: action,
        requestSpec: { action },
        payload,
        auditAction: `vm.${action}`,
      });
      return {
        status: 'PENDING_APPROVAL',
        ticketId: ticket.id,
        eventId: ticket.eventId,
      };
    }

    // No approval needed: the event is recorded as being processed right away.
    const event = await this.context.execute(async unit => {
      const recorded = await unit.recordEvent({
        type: POWER_EVENT[action],
        aggregateType: DOMAIN_EVENT_AGGREGATES.vm,
        aggregateId: vm.id,
        payload,
        status: 'PROCESSING',
        createdBy: actor.userEntityRef,
      });
      await unit.enqueue(vmJob(JOB_KINDS.powerVm, recorded.id, vm.clusterId));
      await unit.audit({
        action: `vm.${action}`,
        actor: actor.userEntityRef,
        resourceType: 'vm',
        resourceId: vm.id,
        resourceName: vm.name,
        parentType: 'service',
        parentId: vm.serviceId,
        environment: vm.environment,
        details: { reason, approvalRequired: false, eventId: recorded.id },
      });
      return recorded;
    });
    return { status: 'ACCEPTED', eventId: event.id };
  }

  async requestModification(
    actor: Actor,
    vmId: string,
    input: VmModifySpec & { reason: string },
    guard: VmGuard = noGuard,
  ) {
    const reason = requireReason(input.reason);
    const vm = await this.getVm(actor, vmId);
    await guard(vm);
    const { targetCpuCores, targetMemoryGi, targetDiskGb } = input;
    if (
      targetCpuCores === undefined &&
      targetMemoryGi === undefined &&
      targetDiskGb === undefined
    ) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.MODIFY_TARGET_REQUIRED,
        'Ask for at least one of targetCpuCores, targetMemoryGi or targetDiskGb',
      );
    }
    for (const [field, value] of [
      ['targetCpuCores', targetCpuCores],
      ['targetMemoryGi', targetMemoryGi],
    ] as const) {
      if (value !== undefined && !isResourceStep(value)) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.RESOURCE_STEP_INVALID,
          `${field} must be a positive multiple of 0.5, got ${value}`,
        );
      }
    }
    if (targetDiskGb !== undefined && targetDiskGb < vm.diskGb) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.DISK_SHRINK_FORBIDDEN,
        `Disks only grow: ${vm.name} has ${vm.diskGb} GiB, ${targetDiskGb} GiB was asked for`,
      );
    }
    if (vm.status === 'CREATING' || vm.status === 'DELETING') {
      throw conflict(
        SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
        `Cannot modify ${vm.name} while it is ${vm.status}`,
      );
    }
    await this.#checkTargetsOnKubeVirt(vm, { targetCpuCores, targetMemoryGi });
    const cpuOrMemoryChanges =
      (targetCpuCores !== undefined && targetCpuCores !== vm.cpuCores) ||
      (targetMemoryGi !== undefined && targetMemoryGi !== vm.memoryGi);
    const requiresRestart = cpuOrMemoryChanges && vm.status === 'RUNNING';
    const targets = { targetCpuCores, targetMemoryGi, targetDiskGb };
    return submitTicket(this.context, this.approvals, actor, {
      operation: 'MODIFY',
      eventType: 'VM_MODIFY_REQUESTED',
      target: vm.id,
      reason,
      ...vmContext(vm),
      requestSpec: { ...targets, requiresRestart },
      payload: {
        ...vmPayload(vm),
        currentCpuRequest: vm.cpuRequest,
        currentMemoryRequestGi: vm.memoryRequestGi,
        ...targets,
        requiresRestart,
        reason,
      },
      auditAction: 'vm.modify',
    });
  }

  /**
   * CPU and memory targets must still be a VM that KubeVirt admits with the instance size the
   * VM was created from (its frozen snapshot): whole cores with dedicated CPUs, memory in
   * whole hugepages. Refused here rather than by the worker after an approval.
   */
  async #checkTargetsOnKubeVirt(
    vm: ShepherdVm,
    targets: { targetCpuCores?: number; targetMemoryGi?: number },
  ) {
    if (
      targets.targetCpuCores === undefined &&
      targets.targetMemoryGi === undefined
    ) {
      return;
    }
    const creation = vm.ticketId
      ? await this.context.store.tickets.get(vm.ticketId)
      : undefined;
    const size = creation?.instanceSizeSnapshot;
    if (!size) return;
    const [finding] = checkKubeVirtLimits({
      instanceSize: size,
      shape: modifiedVmSpec(vmSpecOf(vm), targets),
    });
    if (finding) {
      throw invalidInput(
        finding.code,
        `${vm.name} cannot be resized like this: ${finding.detail}`,
        { field: finding.field },
      );
    }
  }

  async requestConsole(
    actor: Actor,
    vmId: string,
    input: { reason?: string; minutes?: number },
    guard: VmGuard = noGuard,
  ): Promise<OperationSubmission> {
    const vm = await this.getVm(actor, vmId);
    await guard(vm);
    if (vm.status !== 'RUNNING') {
      throw conflict(
        SHEPHERD_ERROR_CODES.VM_NOT_RUNNING,
        `The console of ${vm.name} is only available while it runs; it is ${vm.status}`,
      );
    }
    const minutes = input.minutes ?? CONSOLE_GRANT_DEFAULT_MINUTES;
    if (
      !Number.isInteger(minutes) ||
      minutes < 1 ||
      minutes > CONSOLE_GRANT_MAX_MINUTES
    ) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `Console access lasts between 1 and ${CONSOLE_GRANT_MAX_MINUTES} minutes`,
      );
    }
    const reason = input.reason?.trim() || 'Console access requested';
    if (requiresApproval('VNC_ACCESS', vm.environment)) {
      const ticket = await submitTicket(this.context, this.approvals, actor, {
        operation: 'VNC_ACCESS',
        eventType: 'VNC_ACCESS_REQUESTED',
        // One pending console request per user and VM.
        target: `${vm.id}:${actor.userEntityRef}`,
        reason,
        ...vmContext(vm),
        grantMinutes: minutes,
        requestSpec: { minutes },
        payload: {
          ...vmPayload(vm),
          minutes,
          reason,
          actor: actor.userEntityRef,
        },
        auditAction: 'vnc.access_requested',
      });
      return {
        status: 'PENDING_APPROVAL',
        ticketId: ticket.id,
        eventId: ticket.eventId,
      };
    }

    const now = this.context.clock();
    const grant: ConsoleGrant = {
      id: randomUUID(),
      vmId: vm.id,
      userRef: actor.userEntityRef,
      grantedBy: actor.userEntityRef,
      expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
      createdAt: now.toISOString(),
    };
    const event = await this.context.execute(async unit => {
      await unit.tx.consoleGrants.insert(grant);
      const recorded = await unit.recordEvent({
        type: 'VNC_ACCESS_GRANTED',
        aggregateType: DOMAIN_EVENT_AGGREGATES.vm,
        aggregateId: vm.id,
        payload: {
          ...vmPayload(vm),
          grantId: grant.id,
          minutes,
          user: actor.userEntityRef,
        },
        status: 'COMPLETED',
        createdBy: actor.userEntityRef,
      });
      await unit.audit({
        action: 'vnc.access',
        actor: actor.userEntityRef,
        resourceType: 'vm',
        resourceId: vm.id,
        resourceName: vm.name,
        environment: vm.environment,
        details: {
          minutes,
          reason,
          approvalRequired: false,
          grantId: grant.id,
        },
      });
      return recorded;
    });
    return { status: 'ACCEPTED', eventId: event.id, grant };
  }

  async getConsoleAccess(actor: Actor, vmId: string, guard: VmGuard = noGuard) {
    const vm = await this.getVm(actor, vmId);
    await guard(vm);
    const grant = await this.store.consoleGrants.findActive(
      vm.id,
      actor.userEntityRef,
      this.context.now(),
    );
    const pending = await this.store.tickets.list({
      offset: 0,
      limit: 1,
      vmId: vm.id,
      requester: actor.userEntityRef,
      operations: ['VNC_ACCESS'],
      statuses: ['PENDING'],
    });
    return { grant, pendingTicket: pending.items[0] };
  }
}
