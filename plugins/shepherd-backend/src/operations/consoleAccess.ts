import {
  CONSOLE_GRANT_DEFAULT_MINUTES,
  CONSOLE_GRANT_MAX_MINUTES,
  ConsoleGrant,
  DOMAIN_EVENT_AGGREGATES,
  SHEPHERD_ERROR_CODES,
  normalizeEntityRef,
  shepherdVmConsolePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { conflict, invalidInput } from '../service/errors';
import { OperationDependencies } from './OperationDependencies';
import { VmOperation } from './VmOperation';
import {
  checkedReason,
  loadVm,
  ticketTargetOf,
  vmEventPayload,
} from './vmRequests';

/** A console grant lasts between 1 minute and {@link CONSOLE_GRANT_MAX_MINUTES}. */
function checkGrantMinutes(minutes: number) {
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
}

function expiryOf(from: Date | string, minutes: number): string {
  return new Date(new Date(from).getTime() + minutes * 60_000).toISOString();
}

/**
 * Access to a running VM's console: granted at once in test, by an approver in production
 * (the approval matrix), for a limited time. The grant is all it writes; sessions are opened
 * with it later (`ConsoleSessionsService`). No job: the approval completes it.
 */
export function consoleAccess({
  context,
}: OperationDependencies): VmOperation<'console', { grantMinutes: number }> {
  return {
    name: 'console',
    ticketOperation: 'VNC_ACCESS',
    governs: ['VNC_ACCESS'],
    permission: shepherdVmConsolePermission,
    verb: () => 'open the console of',

    loadTarget: request => loadVm(context.store, request.vmId),

    async prepare({ actor, target: vm, input }) {
      if (vm.status !== 'RUNNING') {
        throw conflict(
          SHEPHERD_ERROR_CODES.VM_NOT_RUNNING,
          `The console of ${vm.name} is only available while it runs; it is ${vm.status}`,
        );
      }
      const minutes = input.minutes ?? CONSOLE_GRANT_DEFAULT_MINUTES;
      checkGrantMinutes(minutes);
      const reason =
        checkedReason('VNC_ACCESS', vm, input.reason) ??
        'Console access requested';
      return {
        governed: 'VNC_ACCESS',
        environment: vm.environment,
        ticket: {
          operation: 'VNC_ACCESS',
          eventType: 'VNC_ACCESS_REQUESTED',
          // One pending console request per user and VM.
          target: `${vm.id}:${normalizeEntityRef(actor.userEntityRef)}`,
          reason,
          ...ticketTargetOf(vm),
          grantMinutes: minutes,
          requestSpec: { minutes },
          payload: {
            ...vmEventPayload(vm),
            minutes,
            reason,
            actor: actor.userEntityRef,
          },
          auditAction: 'vnc.access_requested',
        },
      };
    },

    async direct(unit, { actor, target: vm, prepared }) {
      const minutes = prepared.ticket.grantMinutes!;
      const now = context.clock();
      const grant: ConsoleGrant = {
        id: randomUUID(),
        vmId: vm.id,
        userRef: actor.userEntityRef,
        grantedBy: actor.userEntityRef,
        expiresAt: expiryOf(now, minutes),
        createdAt: now.toISOString(),
      };
      await unit.tx.consoleGrants.insert(grant);
      const recorded = await unit.recordFact({
        type: 'VNC_ACCESS_GRANTED',
        aggregateType: DOMAIN_EVENT_AGGREGATES.vm,
        aggregateId: vm.id,
        payload: {
          ...vmEventPayload(vm),
          grantId: grant.id,
          minutes,
          user: actor.userEntityRef,
        },
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
          reason: prepared.ticket.reason,
          approvalRequired: false,
          grantId: grant.id,
        },
      });
      return { status: 'ACCEPTED', eventId: recorded.id, grant };
    },

    approval: {
      decisionFields: ['grantMinutes'],
      async plan(ticket, decision) {
        if (decision.grantMinutes !== undefined) {
          checkGrantMinutes(decision.grantMinutes);
        }
        const grantMinutes =
          decision.grantMinutes ??
          ticket.grantMinutes ??
          CONSOLE_GRANT_DEFAULT_MINUTES;
        return { plan: { grantMinutes }, warnings: [] };
      },
      async write(unit, { actor, ticket, vm, plan, decidedAt }) {
        const expiresAt = expiryOf(decidedAt, plan.grantMinutes);
        await unit.tx.consoleGrants.insert({
          id: randomUUID(),
          vmId: vm!.id,
          userRef: ticket.requester,
          ticketId: ticket.id,
          grantedBy: actor.userEntityRef,
          expiresAt,
          createdAt: decidedAt,
        });
        return {
          ticket: { grantMinutes: plan.grantMinutes },
          audit: {
            decision: 'vnc_access_approved',
            details: { grantMinutes: plan.grantMinutes, expiresAt },
          },
        };
      },
    },
  };
}
