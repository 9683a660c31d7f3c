import { ConsoleGrant } from '@kubevirt-shepherd/plugin-shepherd-common';
import { describeOnEachDatabase } from '../../__testUtils__/operations';
import { ERROR_MESSAGE_MAX_LENGTH } from '../../database/columns';
import {
  CONSOLE_AUDIT_ACTIONS,
  ConsoleSessionAudit,
} from './ConsoleSessionAudit';
import { AdmittedConsoleSession } from './ConsoleSessionsService';

describe('the audit of console sessions', () => {
  describeOnEachDatabase(bed => {
    it('keeps the reasons a VNC server or a cluster gives within their bound', async () => {
      const vm = await bed.vm();
      const session: AdmittedConsoleSession = {
        sessionId: 'session-1',
        userRef: 'user:default/engineer-test',
        vm,
        grant: {
          id: 'grant-1',
          expiresAt: '2026-11-23T11:00:00.000Z',
        } as ConsoleGrant,
        takeover: false,
      };
      const audit = new ConsoleSessionAudit(bed.context);
      const longReason = `handshake refused: ${'r'.repeat(20_000)}`;

      await audit.failed(session, longReason);
      await audit.closed(session, {
        reason: longReason,
        durationMs: 1_000,
        bytesToVm: 10,
        bytesFromVm: 20,
      });

      const { items } = await bed.store.audit.list({
        offset: 0,
        limit: 10,
        resourceId: vm.id,
      });
      expect(items.map(entry => entry.action).sort()).toEqual([
        CONSOLE_AUDIT_ACTIONS.closed,
        CONSOLE_AUDIT_ACTIONS.started,
      ]);
      for (const entry of items) {
        const reason = entry.details.reason as string;
        expect(reason).toHaveLength(ERROR_MESSAGE_MAX_LENGTH);
        expect(reason.startsWith('handshake refused: r')).toBe(true);
        expect(reason.endsWith('…')).toBe(true);
      }
      expect(
        items.find(entry => entry.action === CONSOLE_AUDIT_ACTIONS.closed)
          ?.details,
      ).toMatchObject({ durationMs: 1_000, bytesToVm: 10, bytesFromVm: 20 });
    });
  });
});
