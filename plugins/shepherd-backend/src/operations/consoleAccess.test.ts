import {
  REQUEST_REASON_MAX_LENGTH,
  ShepherdTicket,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  actor,
  describeOnEachDatabase,
  operationDependencies,
  refusalOf,
} from '../__testUtils__/operations';
import { ticketTargetOf, vmEventPayload } from './vmRequests';
import { consoleAccess } from './consoleAccess';

const REQUESTER = actor('engineer-prod');
const OTHER_REQUESTER = actor('engineer-test');
const APPROVER = actor('approver');

const MINUTE = 60_000;

describe('consoleAccess', () => {
  describeOnEachDatabase(bed => {
    let access: ReturnType<typeof consoleAccess>;

    beforeAll(async () => {
      access = consoleAccess(operationDependencies(bed));
    });

    const prepare = (
      target: ShepherdVm,
      input: { minutes?: number; reason?: string } = {},
      who = REQUESTER,
    ) => access.prepare({ actor: who, target, input });

    async function ticketFor(
      target: ShepherdVm,
      grantMinutes?: number,
    ): Promise<ShepherdTicket> {
      const { id } = await bed.fixtures.ticket(bed.service, {
        operation: 'VNC_ACCESS',
        environment: 'prod',
        requester: REQUESTER.userEntityRef,
        vmId: target.id,
        vmName: target.name,
        grantMinutes,
        requestSpec: { minutes: grantMinutes },
      });
      return (await bed.store.tickets.get(id))!;
    }

    describe('a request', () => {
      it('drafts its ticket: one per user and VM, the minutes asked for, the reason', async () => {
        const target = await bed.vm({ namespace: 'prd', environment: 'prod' });

        const prepared = await prepare(target, {
          minutes: 15,
          reason: ' debug boot ',
        });

        expect(prepared).toEqual({
          governed: 'VNC_ACCESS',
          environment: 'prod',
          ticket: {
            operation: 'VNC_ACCESS',
            eventType: 'VNC_ACCESS_REQUESTED',
            target: `${target.id}:${REQUESTER.userEntityRef}`,
            reason: 'debug boot',
            ...ticketTargetOf(target),
            grantMinutes: 15,
            requestSpec: { minutes: 15 },
            payload: {
              ...vmEventPayload(target),
              minutes: 15,
              reason: 'debug boot',
              actor: REQUESTER.userEntityRef,
            },
            auditAction: 'vnc.access_requested',
          },
        });
        const other = await prepare(
          target,
          { minutes: 15, reason: 'debug boot too' },
          OTHER_REQUESTER,
        );
        expect(other.ticket.target).toBe(
          `${target.id}:${OTHER_REQUESTER.userEntityRef}`,
        );
      });

      it('lasts an hour and gives a reason when none is asked for', async () => {
        const target = await bed.vm();

        const prepared = await prepare(target);

        expect(prepared.environment).toBe('test');
        expect(prepared.ticket).toMatchObject({
          grantMinutes: 60,
          requestSpec: { minutes: 60 },
          reason: 'Console access requested',
        });
      });

      it('needs a reason in production, of bounded length in any environment', async () => {
        const prod = await bed.vm({ namespace: 'prd', environment: 'prod' });
        const test = await bed.vm();
        const tooLong = 'x'.repeat(REQUEST_REASON_MAX_LENGTH + 1);

        const refusals = [
          await refusalOf(prepare(prod, { minutes: 15 })),
          await refusalOf(prepare(prod, { reason: '   ' })),
          await refusalOf(prepare(prod, { reason: tooLong })),
          await refusalOf(prepare(test, { reason: tooLong })),
        ];

        const required = {
          name: 'InputError',
          code: 'REASON_REQUIRED',
          message:
            'Give a reason: in production the approver decides on it, and the audit log keeps it',
          details: { field: 'reason', maxLength: REQUEST_REASON_MAX_LENGTH },
        };
        const tooLongRefusal = {
          name: 'InputError',
          code: 'REASON_TOO_LONG',
          message: `A reason has at most ${REQUEST_REASON_MAX_LENGTH} characters; this one has ${
            REQUEST_REASON_MAX_LENGTH + 1
          }`,
          details: { field: 'reason', maxLength: REQUEST_REASON_MAX_LENGTH },
        };
        expect(refusals).toEqual([
          required,
          required,
          tooLongRefusal,
          tooLongRefusal,
        ]);
        expect((await prepare(test, {})).ticket.reason).toBe(
          'Console access requested',
        );
      });

      it('is only for running VMs, for 1 to 120 whole minutes', async () => {
        const running = await bed.vm();
        const stopped = await bed.vm({ status: 'STOPPED' });
        const starting = await bed.vm({ status: 'STARTING' });

        const cases: Array<[string, ShepherdVm, { minutes?: number }]> = [
          ['a stopped VM', stopped, {}],
          ['a starting VM', starting, { minutes: 500 }],
          ['no minutes', running, { minutes: 0 }],
          ['more than two hours', running, { minutes: 121 }],
          ['part of a minute', running, { minutes: 1.5 }],
          ['negative minutes', running, { minutes: -5 }],
        ];
        const refusals = [];
        for (const [what, target, input] of cases) {
          refusals.push([what, await refusalOf(prepare(target, input))]);
        }

        const minutes = {
          name: 'InputError',
          code: 'VALIDATION_FAILED',
          message: 'Console access lasts between 1 and 120 minutes',
        };
        expect(refusals).toEqual([
          [
            'a stopped VM',
            {
              name: 'ConflictError',
              code: 'VM_NOT_RUNNING',
              message: `The console of ${stopped.name} is only available while it runs; it is STOPPED`,
            },
          ],
          [
            'a starting VM',
            {
              name: 'ConflictError',
              code: 'VM_NOT_RUNNING',
              message: `The console of ${starting.name} is only available while it runs; it is STARTING`,
            },
          ],
          ['no minutes', minutes],
          ['more than two hours', minutes],
          ['part of a minute', minutes],
          ['negative minutes', minutes],
        ]);
        expect(
          (await prepare(running, { minutes: 1 })).ticket.grantMinutes,
        ).toBe(1);
        expect(
          (await prepare(running, { minutes: 120 })).ticket.grantMinutes,
        ).toBe(120);
      });
    });

    it('grants access directly: the grant, its event COMPLETED, the audit row', async () => {
      const target = await bed.vm();
      const prepared = await prepare(target, { minutes: 30, reason: 'look' });
      bed.clock.advance(MINUTE);
      const now = bed.context.now();

      const submitted = await bed.context.execute(unit =>
        access.direct!(unit, {
          actor: REQUESTER,
          target,
          input: { minutes: 30, reason: 'look' },
          prepared,
        }),
      );

      const grant = {
        id: expect.any(String),
        vmId: target.id,
        userRef: REQUESTER.userEntityRef,
        grantedBy: REQUESTER.userEntityRef,
        expiresAt: new Date(Date.parse(now) + 30 * MINUTE).toISOString(),
        createdAt: now,
      };
      expect(submitted).toEqual({
        status: 'ACCEPTED',
        eventId: expect.any(String),
        grant,
      });
      expect(
        await bed.store.consoleGrants.findActive(
          target.id,
          REQUESTER.userEntityRef,
          now,
        ),
      ).toEqual({ ...grant, id: submitted.grant!.id });
      expect(
        await bed.store.consoleGrants.findActive(
          target.id,
          OTHER_REQUESTER.userEntityRef,
          now,
        ),
      ).toBeUndefined();
      expect(await bed.store.events.get(submitted.eventId!)).toEqual({
        id: submitted.eventId,
        type: 'VNC_ACCESS_GRANTED',
        aggregateType: 'vm',
        aggregateId: target.id,
        payload: {
          ...vmEventPayload(target),
          grantId: submitted.grant!.id,
          minutes: 30,
          user: REQUESTER.userEntityRef,
        },
        status: 'COMPLETED',
        createdBy: REQUESTER.userEntityRef,
        createdAt: now,
        processedAt: now,
      });
      const audit = await bed.store.audit.list({
        offset: 0,
        limit: 10,
        resourceId: target.id,
      });
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: 'vnc.access',
          actor: REQUESTER.userEntityRef,
          resourceType: 'vm',
          resourceName: target.name,
          environment: 'test',
          details: {
            minutes: 30,
            reason: 'look',
            approvalRequired: false,
            grantId: submitted.grant!.id,
          },
        }),
      ]);
    });

    describe('an approval', () => {
      it('grants what the approver chose, else what was asked for, else an hour', async () => {
        const target = await bed.vm({ namespace: 'prd', environment: 'prod' });
        const asked = await ticketFor(target, 30);
        const unasked = await ticketFor(target);

        const plans = [
          await access.approval.plan(asked, { grantMinutes: 15 }),
          await access.approval.plan(asked, {}),
          await access.approval.plan(unasked, {}),
        ];

        expect(plans).toEqual([
          { plan: { grantMinutes: 15 }, warnings: [] },
          { plan: { grantMinutes: 30 }, warnings: [] },
          { plan: { grantMinutes: 60 }, warnings: [] },
        ]);
        expect(access.approval.decisionFields).toEqual(['grantMinutes']);
      });

      it('refuses grants of an approver outside 1 to 120 whole minutes', async () => {
        const target = await bed.vm({ namespace: 'prd', environment: 'prod' });
        const ticket = await ticketFor(target, 30);

        const refusals = [];
        for (const grantMinutes of [0, 121, 2.5]) {
          refusals.push(
            await refusalOf(access.approval.plan(ticket, { grantMinutes })),
          );
        }

        expect(refusals).toEqual(
          Array(3).fill({
            name: 'InputError',
            code: 'VALIDATION_FAILED',
            message: 'Console access lasts between 1 and 120 minutes',
          }),
        );
      });

      it("writes the requester's grant, given by the approver, from the decision on", async () => {
        const target = await bed.vm({ namespace: 'prd', environment: 'prod' });
        const ticket = await ticketFor(target, 30);
        const decidedAt = '2026-11-23T12:00:00.000Z';

        const written = await bed.context.execute(unit =>
          access.approval.write(unit, {
            actor: APPROVER,
            ticket,
            vm: target,
            plan: { grantMinutes: 15 },
            decidedAt,
          }),
        );

        const expiresAt = '2026-11-23T12:15:00.000Z';
        expect(written).toEqual({
          ticket: { grantMinutes: 15 },
          audit: {
            decision: 'vnc_access_approved',
            details: { grantMinutes: 15, expiresAt },
          },
        });
        expect(
          await bed.store.consoleGrants.findActive(
            target.id,
            REQUESTER.userEntityRef,
            '2026-11-23T12:14:59.000Z',
          ),
        ).toEqual({
          id: expect.any(String),
          vmId: target.id,
          userRef: REQUESTER.userEntityRef,
          ticketId: ticket.id,
          grantedBy: APPROVER.userEntityRef,
          expiresAt,
          createdAt: decidedAt,
        });
        expect(
          await bed.store.consoleGrants.findActive(
            target.id,
            APPROVER.userEntityRef,
            decidedAt,
          ),
        ).toBeUndefined();
        expect(
          await bed.store.consoleGrants.findActive(
            target.id,
            REQUESTER.userEntityRef,
            expiresAt,
          ),
        ).toBeUndefined();
      });
    });
  });
});
