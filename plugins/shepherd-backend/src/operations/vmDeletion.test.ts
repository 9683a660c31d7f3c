import {
  REQUEST_REASON_MAX_LENGTH,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  actor,
  describeOnEachDatabase,
  operationDependencies,
  refusalOf,
} from '../__testUtils__/operations';
import { ticketTargetOf, vmEventPayload } from './vmRequests';
import { FakeVmJob, recordingProvider } from '../__testUtils__/vmJobs';
import { vmDeletion } from './vmDeletion';

const REQUESTER = actor('engineer-prod');
const APPROVER = actor('approver');

describe('vmDeletion', () => {
  describeOnEachDatabase(bed => {
    let deletion: ReturnType<typeof vmDeletion>;

    beforeAll(async () => {
      deletion = vmDeletion(operationDependencies(bed));
    });

    const prodVm = () =>
      bed.vm({ namespace: 'prd', environment: 'prod', status: 'RUNNING' });

    it('acts on a VM that exists', async () => {
      const existing = await bed.vm();

      expect(
        await deletion.loadTarget({
          operation: 'delete',
          vmId: existing.id,
          input: { confirm: true },
        }),
      ).toEqual(existing);
      expect(
        await refusalOf(
          deletion.loadTarget({
            operation: 'delete',
            vmId: 'nope',
            input: { confirm: true },
          }),
        ),
      ).toEqual({
        name: 'NotFoundError',
        code: 'NOT_FOUND',
        message: 'VM was not found',
      });
    });

    it('drafts its ticket: the VM as it was, the reason, the audit action, one per VM', async () => {
      const target = await prodVm();

      const prepared = await deletion.prepare({
        actor: REQUESTER,
        target,
        input: {
          confirm: false,
          confirm_name: target.name,
          reason: '  walk done, thanks!  ',
        },
      });

      expect(prepared).toEqual({
        governed: 'DELETE',
        environment: 'prod',
        ticket: {
          operation: 'DELETE',
          eventType: 'VM_DELETION_REQUESTED',
          target: target.id,
          reason: 'walk done, thanks!',
          ...ticketTargetOf(target),
          requestSpec: {},
          payload: {
            ...vmEventPayload(target),
            reason: 'walk done, thanks!',
            actor: REQUESTER.userEntityRef,
          },
          auditAction: 'vm.delete_submitted',
        },
      });
    });

    it('gives a reason when the requester gives none', async () => {
      const target = await bed.vm();

      const prepared = await deletion.prepare({
        actor: REQUESTER,
        target,
        input: { confirm: true, reason: '   ' },
      });

      expect(prepared.ticket.reason).toBe('Delete requested');
      expect(prepared.ticket.payload.reason).toBe('Delete requested');
      expect(prepared.environment).toBe('test');
    });

    it('needs the typed name in prod, the flag in test, and refuses a VM already being deleted', async () => {
      const prod = await prodVm();
      const test = await bed.vm();
      const deleting = await bed.vm({ status: 'DELETING' });

      const cases: Array<[string, ShepherdVm, object]> = [
        ['prod without a name', prod, { confirm: true }],
        ['prod with another name', prod, { confirm: true, confirm_name: 'x' }],
        ['test without the flag', test, { confirm: false }],
        [
          'test with the name but not the flag',
          test,
          { confirm: false, confirm_name: test.name },
        ],
        ['a VM being deleted', deleting, { confirm: true }],
        ['a VM being deleted, unconfirmed', deleting, { confirm: false }],
      ];
      const refusals = [];
      for (const [what, target, input] of cases) {
        refusals.push([
          what,
          await refusalOf(
            deletion.prepare({ actor: REQUESTER, target, input: input as any }),
          ),
        ]);
      }

      const testFlag = {
        name: 'InputError',
        code: 'DELETE_CONFIRMATION_REQUIRED',
        message: 'Deleting a VM needs confirm=true',
      };
      expect(refusals).toEqual([
        [
          'prod without a name',
          {
            name: 'InputError',
            code: 'DELETE_CONFIRMATION_REQUIRED',
            message: `Deleting a production VM needs confirm_name set to its name, '${prod.name}'`,
          },
        ],
        [
          'prod with another name',
          {
            name: 'InputError',
            code: 'CONFIRMATION_NAME_MISMATCH',
            message: "'x' does not match the VM's name",
          },
        ],
        ['test without the flag', testFlag],
        ['test with the name but not the flag', testFlag],
        [
          'a VM being deleted',
          {
            name: 'ConflictError',
            code: 'VM_STATE_CONFLICT',
            message: `${deleting.name} is already being deleted`,
          },
        ],
        ['a VM being deleted, unconfirmed', testFlag],
      ]);
    });

    it('needs a reason for a production VM, of bounded length in any environment', async () => {
      const prod = await prodVm();
      const test = await bed.vm();
      const typed = { confirm: false, confirm_name: prod.name };
      const tooLong = 'x'.repeat(REQUEST_REASON_MAX_LENGTH + 1);

      const cases: Array<[string, ShepherdVm, object]> = [
        ['prod without a reason', prod, typed],
        ['prod with blanks only', prod, { ...typed, reason: ' \t ' }],
        ['prod with a reason too long', prod, { ...typed, reason: tooLong }],
        [
          'test with a reason too long',
          test,
          { confirm: true, reason: tooLong },
        ],
      ];
      const refusals = [];
      for (const [what, target, input] of cases) {
        const refusal = await refusalOf(
          deletion.prepare({ actor: REQUESTER, target, input: input as any }),
        );
        refusals.push([what, refusal.code]);
      }

      expect(refusals).toEqual([
        ['prod without a reason', 'REASON_REQUIRED'],
        ['prod with blanks only', 'REASON_REQUIRED'],
        ['prod with a reason too long', 'REASON_TOO_LONG'],
        ['test with a reason too long', 'REASON_TOO_LONG'],
      ]);
      const longest = 'y'.repeat(REQUEST_REASON_MAX_LENGTH);
      const prepared = await deletion.prepare({
        actor: REQUESTER,
        target: prod,
        input: { ...typed, reason: ` ${longest} ` },
      });
      expect(prepared.ticket.reason).toBe(longest);
    });

    it('takes the typed name from the approver of a production VM and plans nothing', async () => {
      const prod = await prodVm();
      const prodTicket = await bed.fixtures.ticket(bed.service, {
        operation: 'DELETE',
        environment: 'prod',
        namespace: 'prd',
        vmId: prod.id,
        vmName: prod.name,
      });

      expect(deletion.approval.decisionFields).toEqual(['confirmVmName']);
      expect(deletion.approval.preview).toBeUndefined();
      expect(deletion.approval.manifest).toBeUndefined();
      expect(
        await deletion.approval.plan(prodTicket, { confirmVmName: prod.name }),
      ).toEqual({ plan: undefined, warnings: [] });

      expect(await refusalOf(deletion.approval.plan(prodTicket, {}))).toEqual({
        name: 'InputError',
        code: 'DELETE_CONFIRMATION_REQUIRED',
        message: `Approving the deletion of a production VM needs confirmVmName set to its name, '${prod.name}'`,
        details: { field: 'confirmVmName' },
      });
      expect(
        await refusalOf(
          deletion.approval.plan(prodTicket, { confirmVmName: '' }),
        ),
      ).toMatchObject({ code: 'DELETE_CONFIRMATION_REQUIRED' });
      expect(
        await refusalOf(
          deletion.approval.plan(prodTicket, {
            confirmVmName: prod.name.toUpperCase(),
          }),
        ),
      ).toEqual({
        name: 'InputError',
        code: 'CONFIRMATION_NAME_MISMATCH',
        message: `'${prod.name.toUpperCase()}' does not match the name of the VM to delete, '${
          prod.name
        }'`,
        details: { field: 'confirmVmName' },
      });
    });

    it('approves a test VM without the name, but not with a wrong one', async () => {
      const target = await bed.vm();
      const ticket = await bed.fixtures.ticket(bed.service, {
        operation: 'DELETE',
        vmId: target.id,
        vmName: target.name,
      });

      expect(await deletion.approval.plan(ticket, {})).toEqual({
        plan: undefined,
        warnings: [],
      });
      expect(
        await deletion.approval.plan(ticket, { confirmVmName: target.name }),
      ).toEqual({ plan: undefined, warnings: [] });
      expect(
        (
          await refusalOf(
            deletion.approval.plan(ticket, { confirmVmName: 'other' }),
          )
        ).code,
      ).toBe('CONFIRMATION_NAME_MISMATCH');
    });

    it('marks the VM DELETING when approved, for the job of its cluster', async () => {
      const target = await bed.vm();
      const ticket = await bed.fixtures.ticket(bed.service, {
        operation: 'DELETE',
        vmId: target.id,
      });
      bed.clock.advance(60_000);
      const decidedAt = bed.context.now();

      const written = await bed.context.execute(unit =>
        deletion.approval.write(unit, {
          actor: APPROVER,
          ticket,
          vm: target,
          plan: undefined,
          decidedAt,
        }),
      );

      expect(written).toEqual({
        clusterId: target.clusterId,
        audit: { decision: 'delete_approved' },
      });
      expect(await bed.store.vms.get(target.id)).toEqual({
        ...target,
        status: 'DELETING',
        updatedAt: decidedAt,
      });
    });

    describe('its job', () => {
      it('completes at once when an earlier run already deleted the VM', async () => {
        const job = new FakeVmJob(bed.context, { vm: undefined });

        expect(await deletion.job!.run(job)).toBeUndefined();

        expect(job.steps).toEqual(['complete']);
        expect(job.completed).toEqual([{ details: undefined }]);
      });

      it('deletes only the record of a VM the cluster no longer has', async () => {
        const target = await bed.vm({ status: 'DELETING' });
        const provider = recordingProvider({ status: 'NOT_FOUND' });
        const job = new FakeVmJob(bed.context, { vm: target, provider });

        expect(await deletion.job!.run(job)).toBeUndefined();

        expect(provider.calls).toEqual(['getVirtualMachine']);
        expect(job.steps).toEqual(['connect', 'markExecuting', 'complete']);
        expect(job.completed).toEqual([
          { details: { vmName: target.name, vmId: target.id } },
        ]);
        expect(await bed.store.vms.get(target.id)).toBeUndefined();
      });

      it('does not delete twice a VM the cluster is already deleting, and follows it', async () => {
        const target = await bed.vm({ status: 'DELETING' });
        const provider = recordingProvider({ status: 'DELETING' });
        const job = new FakeVmJob(bed.context, { vm: target, provider });

        expect(await deletion.job!.run(job)).toEqual({
          continueAfterMs: FakeVmJob.FOLLOW_MS,
        });

        expect(provider.calls).toEqual(['getVirtualMachine']);
        expect(job.steps).toEqual(['connect', 'markExecuting', 'follow']);
        expect(job.followed).toEqual([`Deleting ${target.name}`]);
        expect(await bed.store.vms.get(target.id)).toEqual(target);
      });

      it('deletes a VM the cluster still runs, and its record once it is gone', async () => {
        const target = await bed.vm({ status: 'DELETING' });
        const provider = recordingProvider(
          { status: 'RUNNING' },
          { status: 'NOT_FOUND' },
        );
        const job = new FakeVmJob(bed.context, { vm: target, provider });

        expect(await deletion.job!.run(job)).toBeUndefined();

        expect(provider.calls).toEqual([
          'getVirtualMachine',
          'deleteVirtualMachine',
          'getVirtualMachine',
        ]);
        expect(await bed.store.vms.get(target.id)).toBeUndefined();
      });
    });
  });
});
