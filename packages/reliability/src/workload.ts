import {
  SHEPHERD_ERROR_CODES,
  ShepherdApiClient,
  hasShepherdErrorCode,
  isShepherdApiError,
  shepherdData,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Portal } from './portal';

/**
 * How long one step of a run (e.g. a VM reaching RUNNING) may take before the run fails:
 * longer than the fault campaign's outage of 10 minutes and the jobs' wait after it.
 */
const STEP_DEADLINE_MS = 20 * 60_000;
/** How often a run looks at its VM while waiting. */
const LOOK_INTERVAL_MS = 1_000;
const ALL = { params: { query: { limit: 100 } } };

/** The records of the demo data a run asks for, by id. */
export interface World {
  serviceIds: string[];
  namespace: string;
  templateId: string;
  instanceSizeId: string;
  clusterId: string;
}

/** What a run did, for the invariants and the report. */
export interface RunRecord {
  run: number;
  ticketIds: string[];
  vmId?: string;
  vmName?: string;
  /** Restarts asked for (each must reach the cluster exactly once). */
  restarts: number;
  /** The step a failed run was at, and why. */
  failure?: string;
}

/** Looks up the records the runs need (the demo data `seedDemo` created). */
export async function lookUpWorld(
  portal: Portal,
  clusterName: string,
): Promise<World> {
  // The Services the requester may ask VMs for.
  const services = await portal.as('engineer-test', api =>
    shepherdData(api.GET('/v1/services', ALL)),
  );
  return portal.as('platform-admin', async api => {
    const byName = (items: Array<{ id: string; name: string }>, n: string) => {
      const found = items.find(item => item.name === n);
      if (!found) throw new Error(`The demo data has no ${n}`);
      return found.id;
    };
    return {
      serviceIds: services.items.map(service => service.id),
      namespace: 'dev',
      templateId: byName(
        (await shepherdData(api.GET('/v1/catalog/templates', ALL))).items,
        'fedora-40',
      ),
      instanceSizeId: byName(
        (await shepherdData(api.GET('/v1/catalog/instance-sizes', ALL))).items,
        'small',
      ),
      clusterId: byName(
        (await shepherdData(api.GET('/v1/admin/clusters', ALL))).items,
        clusterName,
      ),
    };
  });
}

/** Waits until `look` answers something other than undefined, looking every second. */
async function until<T>(
  what: string,
  look: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + STEP_DEADLINE_MS;
  for (;;) {
    const seen = await look();
    if (seen !== undefined) return seen;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise(resolve => setTimeout(resolve, LOOK_INTERVAL_MS));
  }
}

const isCode = (error: unknown, code: string) =>
  hasShepherdErrorCode(error, code as any);

/**
 * One provisioning run, as an engineer and an approver do it through the API: request a VM,
 * approve it on the cluster, stop, start and restart it, grow its memory (approved), and
 * delete it (approved). Every step may be sent twice (an answer lost with a killed replica)
 * and treats "already done" answers as done; a step that cannot finish within its deadline
 * fails the run, which the report shows.
 */
export async function provisioningRun(
  portal: Portal,
  world: World,
  run: number,
): Promise<RunRecord> {
  const record: RunRecord = { run, ticketIds: [], restarts: 0 };
  let step = 'request';
  try {
    const reason = `Reliability run ${run}`;
    const ticketId = await submit(portal, 'engineer-test', api =>
      api.POST('/v1/vms/requests', {
        body: {
          serviceId: world.serviceIds[run % world.serviceIds.length],
          namespace: world.namespace,
          templateId: world.templateId,
          instanceSizeId: world.instanceSizeId,
          reason,
        },
      }),
    );
    record.ticketIds.push(ticketId);

    step = 'approve the request';
    const approved = await approve(portal, ticketId, {
      clusterId: world.clusterId,
    });
    record.vmId = approved.vmId ?? undefined;
    record.vmName = approved.vmName ?? undefined;
    const vmId = approved.vmId!;

    step = 'run';
    await vmReaches(portal, vmId, 'RUNNING');
    step = 'stop';
    await power(portal, vmId, 'stop');
    await vmReaches(portal, vmId, 'STOPPED');
    step = 'start';
    await power(portal, vmId, 'start');
    await vmReaches(portal, vmId, 'RUNNING');
    step = 'restart';
    record.restarts += 1;
    await power(portal, vmId, 'restart');

    step = 'grow the memory';
    const before = await readVm(portal, vmId);
    const targetMemoryGi = (before?.memoryGi ?? 1) + 1;
    const modification = await submit(portal, 'engineer-test', api =>
      api.POST('/v1/vms/{vmId}/modify-requests', {
        params: { path: { vmId } },
        body: { targetMemoryGi, reason: `${reason}: more memory` },
      }),
    );
    record.ticketIds.push(modification);
    await approve(portal, modification, {});
    await until(`${approved.vmName} has ${targetMemoryGi} GiB`, async () => {
      const vm = await readVm(portal, vmId);
      return vm?.memoryGi === targetMemoryGi ? true : undefined;
    });

    step = 'delete';
    const deletion = await submit(portal, 'engineer-test', api =>
      api.DELETE('/v1/vms/{vmId}', {
        params: { path: { vmId }, query: { confirm: true } },
      }),
    );
    record.ticketIds.push(deletion);
    await approve(portal, deletion, {});
    await until(`${approved.vmName} is deleted`, async () =>
      (await readVm(portal, vmId)) === null ? true : undefined,
    );
  } catch (error) {
    record.failure = `${step}: ${(error as Error)?.message ?? error}`;
  }
  return record;
}

type Submission = Promise<{
  data?: { ticketId?: string | null };
  error?: unknown;
  response: Response;
}>;

/**
 * Submits a request that makes a ticket; a duplicate answer names the ticket an earlier,
 * lost answer made. Waits while another operation on the VM is still being carried out.
 */
async function submit(
  portal: Portal,
  persona: 'engineer-test',
  send: (api: ShepherdApiClient) => Submission,
): Promise<string> {
  return until('the request is accepted', () =>
    portal.as(persona, async api => {
      try {
        const submitted = await shepherdData(send(api));
        if (!submitted.ticketId) throw new Error('no ticket was made');
        return submitted.ticketId;
      } catch (error) {
        if (isCode(error, SHEPHERD_ERROR_CODES.DUPLICATE_PENDING_REQUEST)) {
          const existing = (error as { details?: { ticketId?: string } })
            .details?.ticketId;
          if (existing) return existing;
        }
        if (isCode(error, SHEPHERD_ERROR_CODES.VM_OPERATION_IN_PROGRESS)) {
          return undefined;
        }
        throw error;
      }
    }),
  );
}

/** Approves a ticket; one decided already (by an earlier, lost answer) will do. */
async function approve(
  portal: Portal,
  ticketId: string,
  body: { clusterId?: string },
): Promise<{ vmId?: string | null; vmName?: string | null }> {
  return until(`ticket ${ticketId} is approved`, () =>
    portal.as('approver', async api => {
      try {
        const approved = await shepherdData(
          api.POST('/v1/approval-tasks/{ticketId}/approve', {
            params: { path: { ticketId } },
            body,
          }),
        );
        return approved.ticket;
      } catch (error) {
        if (!isShepherdApiError(error) || error.status !== 409) throw error;
        if (isCode(error, SHEPHERD_ERROR_CODES.VM_OPERATION_IN_PROGRESS)) {
          return undefined;
        }
        const { ticket } = await shepherdData(
          api.GET('/v1/tickets/{ticketId}', {
            params: { path: { ticketId } },
          }),
        );
        if (ticket.status === 'PENDING') throw error;
        return ticket;
      }
    }),
  );
}

/**
 * Asks for a power action of a test VM (carried out directly); waits while another
 * operation on the VM is being carried out.
 */
async function power(
  portal: Portal,
  vmId: string,
  action: 'start' | 'stop' | 'restart',
): Promise<void> {
  await until(`${action} is accepted`, () =>
    portal.as('engineer-test', async api => {
      try {
        await shepherdData(
          api.POST('/v1/vms/{vmId}/power', {
            params: { path: { vmId } },
            body: { action },
          }),
        );
        return true;
      } catch (error) {
        if (isCode(error, SHEPHERD_ERROR_CODES.VM_OPERATION_IN_PROGRESS)) {
          return undefined;
        }
        // A start or stop whose answer was lost may be done already; the wait that
        // follows checks the state. A restart is only refused while the VM settles.
        if (isCode(error, SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT)) {
          return action === 'restart' ? undefined : true;
        }
        throw error;
      }
    }),
  );
}

type VmView = { status: string; memoryGi?: number | null };

/** The VM as its readers see it; null once it is deleted. */
async function readVm(portal: Portal, vmId: string): Promise<VmView | null> {
  return portal.as('platform-admin', async api => {
    try {
      return await shepherdData(
        api.GET('/v1/vms/{vmId}', { params: { path: { vmId } } }),
      );
    } catch (error) {
      if (isShepherdApiError(error) && error.status === 404) return null;
      throw error;
    }
  });
}

async function vmReaches(portal: Portal, vmId: string, status: string) {
  await until(`the VM is ${status}`, async () => {
    const vm = await readVm(portal, vmId);
    if (vm === null) throw new Error('the VM was deleted');
    if (vm.status === 'FAILED') throw new Error('the VM failed');
    return vm.status === status ? true : undefined;
  });
}
