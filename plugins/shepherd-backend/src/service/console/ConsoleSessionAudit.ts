import { boundedError } from '../../database/columns';
import { GovernanceContext } from '../GovernanceContext';
import {
  AdmittedConsoleSession,
  ConsoleSessionEnd,
} from './ConsoleSessionsService';

export const CONSOLE_AUDIT_ACTIONS = {
  started: 'vnc.session_started',
  closed: 'vnc.session_closed',
} as const;

function target(session: AdmittedConsoleSession) {
  return {
    actor: session.userRef,
    resourceType: 'vm' as const,
    resourceId: session.vm.id,
    resourceName: session.vm.name,
    environment: session.vm.environment,
  };
}

/** The audit trail of relayed console sessions: one row when one opens, one when it ends. */
export class ConsoleSessionAudit {
  constructor(private readonly context: GovernanceContext) {}

  async started(session: AdmittedConsoleSession): Promise<void> {
    await this.context.execute(unit =>
      unit.audit({
        action: CONSOLE_AUDIT_ACTIONS.started,
        ...target(session),
        details: {
          sessionId: session.sessionId,
          grantId: session.grant.id,
          grantExpiresAt: session.grant.expiresAt,
          clusterId: session.vm.clusterId,
          takeover: session.takeover,
        },
      }),
    );
  }

  /** A session whose token was used but whose VNC server could not be reached. */
  async failed(session: AdmittedConsoleSession, reason: string): Promise<void> {
    await this.context.execute(unit =>
      unit.audit({
        action: CONSOLE_AUDIT_ACTIONS.started,
        outcome: 'failure',
        ...target(session),
        details: {
          sessionId: session.sessionId,
          grantId: session.grant.id,
          takeover: session.takeover,
          // The VNC server's or the cluster's words: no bound of their own.
          reason: boundedError(reason),
        },
      }),
    );
  }

  async closed(
    session: AdmittedConsoleSession,
    end: ConsoleSessionEnd,
  ): Promise<void> {
    await this.context.execute(unit =>
      unit.audit({
        action: CONSOLE_AUDIT_ACTIONS.closed,
        ...target(session),
        details: {
          sessionId: session.sessionId,
          grantId: session.grant.id,
          ...end,
          reason: boundedError(end.reason),
        },
      }),
    );
  }
}
