import {
  ShepherdInstanceSize,
  ShepherdVm,
  VmModifySpec,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import {
  RecordingPreflight,
  actor,
  describeOnEachDatabase,
  operationDependencies,
  refusalOf,
} from '../__testUtils__/operations';
import { ticketTargetOf, vmEventPayload } from './vmRequests';
import { NewVm } from '../database/stores/vms/VmsStore';
import { invalidInput } from '../service/errors';
import { ShepherdProviderError } from '@kubevirt-shepherd/plugin-shepherd-node';
import { FakeVmJob, recordingProvider } from '../__testUtils__/vmJobs';
import { vmModification } from './vmModification';

const REQUESTER = actor('engineer-test');
const APPROVER = actor('approver');

describe('vmModification', () => {
  describeOnEachDatabase(bed => {
    let preflight: RecordingPreflight;
    let modification: ReturnType<typeof vmModification>;

    beforeEach(() => {
      const dependencies = operationDependencies(bed);
      preflight = dependencies.preflight;
      modification = vmModification(dependencies);
    });

    /** A VM created from an instance size whose frozen snapshot has `size`'s KubeVirt needs. */
    async function vmCreatedFrom(
      size: Partial<ShepherdInstanceSize>,
      overrides: Partial<NewVm> = {},
    ): Promise<ShepherdVm> {
      const snapshot = await bed.fixtures.instanceSize(size);
      const creation = await bed.fixtures.ticket(bed.service, {
        status: 'SUCCESS',
        instanceSizeSnapshot: snapshot,
      });
      return bed.vm({ ticketId: creation.id, ...overrides });
    }

    const prepare = (
      target: ShepherdVm,
      input: VmModifySpec & { reason?: string },
    ) =>
      modification.prepare({
        actor: REQUESTER,
        target,
        input: { reason: 'More load', ...input } as VmModifySpec & {
          reason: string;
        },
      });

    async function ticketFor(target: ShepherdVm, requestSpec: object) {
      const { id } = await bed.fixtures.ticket(bed.service, {
        operation: 'MODIFY',
        vmId: target.id,
        vmName: target.name,
        requestSpec: { ...requestSpec },
      });
      return (await bed.store.tickets.get(id))!;
    }

    describe('a request', () => {
      it('drafts its ticket: the targets, the VM as it was, whether it needs a restart', async () => {
        const target = await bed.vm();

        const prepared = await prepare(target, {
          targetCpuCores: 4,
          targetDiskGb: 40,
          reason: '  More load  ',
        });

        expect(prepared).toEqual({
          governed: 'MODIFY',
          environment: 'test',
          ticket: {
            operation: 'MODIFY',
            eventType: 'VM_MODIFY_REQUESTED',
            target: target.id,
            reason: 'More load',
            ...ticketTargetOf(target),
            requestSpec: {
              targetCpuCores: 4,
              targetMemoryGi: undefined,
              targetDiskGb: 40,
              requiresRestart: true,
            },
            payload: {
              ...vmEventPayload(target),
              currentCpuRequest: 1,
              currentMemoryRequestGi: 2,
              targetCpuCores: 4,
              targetMemoryGi: undefined,
              targetDiskGb: 40,
              requiresRestart: true,
              reason: 'More load',
            },
            auditAction: 'vm.modify',
          },
        });
      });

      it('asks for a restart only when the CPU or memory of a running VM changes', async () => {
        const running = await bed.vm({ status: 'RUNNING' });
        const stopped = await bed.vm({ status: 'STOPPED' });

        const cases: Array<[string, ShepherdVm, VmModifySpec]> = [
          ['more CPU, running', running, { targetCpuCores: 4 }],
          ['more memory, running', running, { targetMemoryGi: 8 }],
          ['more disk, running', running, { targetDiskGb: 40 }],
          [
            'the same CPU and memory, running',
            running,
            { targetCpuCores: 2, targetMemoryGi: 4 },
          ],
          ['more CPU, stopped', stopped, { targetCpuCores: 4 }],
        ];
        const restarts = [];
        for (const [what, target, targets] of cases) {
          const { ticket } = await prepare(target, targets);
          restarts.push([what, ticket.requestSpec.requiresRestart]);
        }

        expect(restarts).toEqual([
          ['more CPU, running', true],
          ['more memory, running', true],
          ['more disk, running', false],
          ['the same CPU and memory, running', false],
          ['more CPU, stopped', false],
        ]);
      });

      it('is refused, with a code and a message, when it breaks a rule', async () => {
        const running = await bed.vm({ diskGb: 20 });
        const creating = await bed.vm({ status: 'CREATING' });
        const deleting = await bed.vm({ status: 'DELETING' });

        const cases: Array<
          [string, ShepherdVm, VmModifySpec & { reason?: string }]
        > = [
          ['a blank reason', running, { targetCpuCores: 4, reason: ' ' }],
          ['no target', running, {}],
          ['CPU off the steps', running, { targetCpuCores: 1.3 }],
          ['too little memory', running, { targetMemoryGi: 0.3 }],
          ['a smaller disk', running, { targetDiskGb: 10 }],
          ['a VM being created', creating, { targetCpuCores: 4 }],
          ['a VM being deleted', deleting, { targetDiskGb: 40 }],
          [
            'a smaller disk of a VM being deleted',
            deleting,
            { targetDiskGb: 1 },
          ],
        ];
        const refusals = [];
        for (const [what, target, input] of cases) {
          refusals.push([what, await refusalOf(prepare(target, input))]);
        }

        expect(refusals).toEqual([
          [
            'a blank reason',
            {
              name: 'InputError',
              code: 'VALIDATION_FAILED',
              message: 'Give a reason: approvers and the audit log need it',
            },
          ],
          [
            'no target',
            {
              name: 'InputError',
              code: 'MODIFY_TARGET_REQUIRED',
              message:
                'Ask for at least one of targetCpuCores, targetMemoryGi or targetDiskGb',
            },
          ],
          [
            'CPU off the steps',
            {
              name: 'InputError',
              code: 'RESOURCE_STEP_INVALID',
              message:
                'targetCpuCores must be a positive multiple of 0.5, got 1.3',
            },
          ],
          [
            'too little memory',
            {
              name: 'InputError',
              code: 'RESOURCE_STEP_INVALID',
              message:
                'targetMemoryGi must be a positive multiple of 0.5, got 0.3',
            },
          ],
          [
            'a smaller disk',
            {
              name: 'InputError',
              code: 'DISK_SHRINK_FORBIDDEN',
              message: `Disks only grow: ${running.name} has 20 GiB, 10 GiB was asked for`,
            },
          ],
          [
            'a VM being created',
            {
              name: 'ConflictError',
              code: 'VM_STATE_CONFLICT',
              message: `Cannot modify ${creating.name} while it is CREATING`,
            },
          ],
          [
            'a VM being deleted',
            {
              name: 'ConflictError',
              code: 'VM_STATE_CONFLICT',
              message: `Cannot modify ${deleting.name} while it is DELETING`,
            },
          ],
          [
            'a smaller disk of a VM being deleted',
            {
              name: 'InputError',
              code: 'DISK_SHRINK_FORBIDDEN',
              message: `Disks only grow: ${deleting.name} has 20 GiB, 1 GiB was asked for`,
            },
          ],
        ]);
      });

      it('accepts the disk it has', async () => {
        const target = await bed.vm({ diskGb: 20 });

        const prepared = await prepare(target, { targetDiskGb: 20 });

        expect(prepared.ticket.requestSpec).toMatchObject({ targetDiskGb: 20 });
      });

      it('is refused when KubeVirt would refuse the new shape with the size the VM was created from', async () => {
        const pinned = await vmCreatedFrom(
          { dedicatedCpu: true },
          { cpuCores: 2, cpuRequest: 2, memoryGi: 4, memoryRequestGi: 4 },
        );
        const hugepages = await vmCreatedFrom(
          { requiresHugepages: true, hugepagesSize: '1Gi' },
          { memoryGi: 4, memoryRequestGi: 4 },
        );

        expect(
          await refusalOf(prepare(pinned, { targetCpuCores: 2.5 })),
        ).toEqual({
          name: 'InputError',
          code: 'RESOURCE_STEP_INVALID',
          message: `${pinned.name} cannot be resized like this: dedicated CPUs need whole cores, but the CPU request is 2.5`,
          details: { field: 'cpuRequest' },
        });
        expect(
          await refusalOf(prepare(hugepages, { targetMemoryGi: 4.5 })),
        ).toMatchObject({
          name: 'InputError',
          code: 'RESOURCE_STEP_INVALID',
          message: expect.stringContaining(
            `${hugepages.name} cannot be resized like this: `,
          ),
          details: { field: 'memoryRequestGi' },
        });
        expect(
          (await prepare(pinned, { targetCpuCores: 3 })).ticket.requestSpec,
        ).toMatchObject({ targetCpuCores: 3 });
      });

      it('checks only CPU and memory targets against KubeVirt, and only with the snapshot of the creation', async () => {
        // Saved before the KubeVirt rules: half a dedicated core.
        const legacy = await vmCreatedFrom(
          { dedicatedCpu: true },
          { cpuCores: 1.5, cpuRequest: 1.5 },
        );
        const withoutCreation = await bed.vm({
          ticketId: randomUUID(),
          cpuCores: 2,
          cpuRequest: 2,
        });

        expect(
          (await prepare(legacy, { targetDiskGb: 40 })).ticket.requestSpec,
        ).toMatchObject({ targetDiskGb: 40 });
        expect(
          (await prepare(withoutCreation, { targetCpuCores: 2.5 })).ticket
            .requestSpec,
        ).toMatchObject({ targetCpuCores: 2.5 });
      });
    });

    describe('an approval', () => {
      it('previews the spec the VM would get: requests keep their ratio, disks only grow', async () => {
        const target = await bed.vm();
        const ticket = await ticketFor(target, {
          targetCpuCores: 4,
          targetDiskGb: 40,
          requiresRestart: true,
        });

        expect(await modification.approval.preview!(ticket)).toEqual({
          effectiveSpec: {
            templateId: target.templateId,
            instanceSizeId: target.instanceSizeId,
            cpuCores: 4,
            cpuRequest: 2,
            memoryGi: 4,
            memoryRequestGi: 2,
            diskGb: 40,
          },
        });
      });

      it('previews nothing of a VM gone since the request', async () => {
        const target = await bed.vm();
        const ticket = await ticketFor(target, { targetCpuCores: 4 });
        await bed.store.vms.delete(target.id);

        expect(await modification.approval.preview!(ticket)).toEqual({});
      });

      it('asks the cluster to dry-run exactly the resize the job will patch', async () => {
        const target = await bed.vm();
        const ticket = await ticketFor(target, {
          targetCpuCores: 4,
          targetMemoryGi: 4,
          targetDiskGb: 40,
        });

        expect(await modification.approval.plan(ticket, {})).toEqual({
          plan: undefined,
          warnings: [],
        });
        expect(preflight.calls).toEqual([
          {
            check: 'modify',
            vm: target,
            resize: { cpuCores: 4, cpuRequest: 2, diskGb: 40 },
          },
        ]);
      });

      it('refuses the approval when the cluster refuses the dry run', async () => {
        const target = await bed.vm();
        const ticket = await ticketFor(target, { targetMemoryGi: 8 });
        preflight.refuseWith(
          invalidInput('VALIDATION_FAILED', 'the node has no such memory'),
        );

        expect(await refusalOf(modification.approval.plan(ticket, {}))).toEqual(
          {
            name: 'InputError',
            code: 'VALIDATION_FAILED',
            message: 'the node has no such memory',
          },
        );
        expect(preflight.calls).toEqual([
          {
            check: 'modify',
            vm: target,
            resize: { memoryGi: 8, memoryRequestGi: 4 },
          },
        ]);
      });

      it('leaves a VM gone since the request to the unit of work, without a dry run', async () => {
        const target = await bed.vm();
        const ticket = await ticketFor(target, { targetCpuCores: 4 });
        await bed.store.vms.delete(target.id);

        expect(await modification.approval.plan(ticket, {})).toEqual({
          plan: undefined,
          warnings: [],
        });
        expect(preflight.calls).toEqual([]);
      });

      it("takes no choices and writes nothing; the job goes to the VM's cluster", async () => {
        const target = await bed.vm();
        const ticket = await ticketFor(target, { targetCpuCores: 4 });

        const written = await bed.context.execute(unit =>
          modification.approval.write(unit, {
            actor: APPROVER,
            ticket,
            vm: target,
            plan: undefined,
            decidedAt: bed.context.now(),
          }),
        );

        expect(modification.approval.decisionFields).toEqual([]);
        expect(modification.approval.manifest).toBeUndefined();
        expect(written).toEqual({
          clusterId: target.clusterId,
          audit: { decision: 'approved' },
        });
        expect(await bed.store.vms.get(target.id)).toEqual(target);
        expect(await bed.store.revisions.listForVm(target.id)).toEqual([]);
      });
    });

    describe('its job', () => {
      it('resizes again on a fresh read after a conflict, and fails with the conflict when it keeps coming', async () => {
        const target = await bed.vm({ status: 'RUNNING' });
        const ticket = await ticketFor(target, { targetCpuCores: 4 });
        const conflict = new ShepherdProviderError(
          'conflict',
          'Operation cannot be fulfilled: the object has been modified',
          { statusCode: 409 },
        );
        const conflicting = (conflicts: number) => {
          const provider = recordingProvider({ status: 'RUNNING' });
          let left = conflicts;
          provider.resizeVirtualMachine = async () => {
            provider.calls.push('resizeVirtualMachine');
            left -= 1;
            if (left >= 0) throw conflict;
            return { restartRequired: true };
          };
          const fake = new FakeVmJob(bed.context, {
            vm: target,
            ticket,
            provider,
          });
          return { provider, fake };
        };

        const mended = conflicting(2);
        expect(await modification.job!.run(mended.fake)).toBeUndefined();
        // One read to see the object is the VM, then the resize and its two retries.
        expect(mended.provider.calls).toEqual([
          'getVirtualMachine',
          ...Array(3).fill('resizeVirtualMachine'),
        ]);
        expect(mended.fake.steps).toEqual([
          'connect',
          'markExecuting',
          'complete',
        ]);

        const conflictingStill = conflicting(3);
        await expect(modification.job!.run(conflictingStill.fake)).rejects.toBe(
          conflict,
        );
        expect(conflictingStill.provider.calls).toEqual([
          'getVirtualMachine',
          ...Array(3).fill('resizeVirtualMachine'),
        ]);
        expect(conflictingStill.fake.steps).toEqual([
          'connect',
          'markExecuting',
        ]);
      });
    });
  });
});
