import { expect } from '@playwright/test';
import {
  SHEPHERD_ERROR_CODES,
  ShepherdApiClient,
  shepherdData,
} from '@kubevirt-shepherd/plugin-shepherd-common';
// The seeding of `npm start` is a script of the repository, not a package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { personaToken, shepherdApiClient } from '../../../../scripts/seed-demo';
import { E2E_BASE_URL } from './environment';
import { Persona } from './personas';

/*
 * The Shepherd API as the personas use it, for what a test needs done but does not test
 * through the pages: a VM that really runs on a simulated cluster, requested and approved
 * over the API in a second instead of through the wizard and the approval workbench. The
 * calls go through the client generated from the API's spec, signed in as the seeding does.
 */

/** How long an approved VM may take to run on the simulator (instant timings, 1 s jobs). */
const VM_PROVISIONING_TIMEOUT_MS = 30_000;

/** The largest page of the API: the tests' lists fit in one. */
const ALL = { params: { query: { limit: 100 } } };

/** A VM that runs on a simulated cluster, as a test needs to know it. */
export type RunningVm = {
  id: string;
  name: string;
  environment: 'test' | 'prod';
};

/** What a persona asks for when requesting a VM: names, not the records' ids. */
export type VmRequest = {
  /** Name of a Service of the demo data, e.g. `ledger`. */
  service: string;
  /** Name of a namespace of examples/shepherd/namespaces.yaml, e.g. `dev` or `prd`. */
  namespace: string;
  /** Name of a template, e.g. `fedora-40`. */
  template: string;
  /** Name of an instance size, e.g. `small`. */
  instanceSize: string;
  reason: string;
};

/** A client of the portal's Shepherd API, signed in as `persona`. */
async function apiAs(persona: Persona): Promise<ShepherdApiClient> {
  return shepherdApiClient(
    E2E_BASE_URL,
    await personaToken(E2E_BASE_URL, persona),
  );
}

/** The id of the record named `name` in a list of the API. */
function idByName(
  { items }: { items: Array<{ id: string; name: string }> },
  name: string,
): string {
  const record = items.find(item => item.name === name);
  if (!record) throw new Error(`The list has no record named ${name}`);
  return record.id;
}

async function vmStatus(vmId: string): Promise<string> {
  const api = await apiAs('platform-admin');
  const vm = await shepherdData(
    api.GET('/v1/vms/{vmId}', { params: { path: { vmId } } }),
  );
  return vm.status;
}

/** `requester` requests a VM; resolves with the pending request's ticket id. */
export async function submitVmRequest(
  requester: Persona,
  request: VmRequest,
): Promise<string> {
  const api = await apiAs(requester);
  const submission = await shepherdData(
    api.POST('/v1/vms/requests', {
      body: {
        serviceId: idByName(
          await shepherdData(api.GET('/v1/services', ALL)),
          request.service,
        ),
        namespace: request.namespace,
        templateId: idByName(
          await shepherdData(api.GET('/v1/catalog/templates', ALL)),
          request.template,
        ),
        instanceSizeId: idByName(
          await shepherdData(api.GET('/v1/catalog/instance-sizes', ALL)),
          request.instanceSize,
        ),
        reason: request.reason,
      },
    }),
  );
  return submission.ticketId;
}

/** `requester` withdraws a pending request. */
export async function cancelRequest(
  requester: Persona,
  ticketId: string,
): Promise<void> {
  await shepherdData(
    (
      await apiAs(requester)
    ).POST('/v1/tickets/{ticketId}/cancel', {
      params: { path: { ticketId } },
    }),
  );
}

/**
 * `requester` asks Shepherd to start, stop or restart a test VM (accepted at once in test);
 * the job carries it out a moment later.
 */
export async function powerVm(
  requester: Persona,
  vm: RunningVm,
  action: 'start' | 'stop' | 'restart',
): Promise<void> {
  await shepherdData(
    (
      await apiAs(requester)
    ).POST('/v1/vms/{vmId}/power', {
      params: { path: { vmId: vm.id } },
      body: { action },
    }),
  );
}

/**
 * `approver` places a pending VM request on `cluster`; resolves once the simulated cluster
 * runs the VM.
 */
export async function approveOnCluster(
  ticketId: string,
  cluster: string,
): Promise<RunningVm> {
  // The approval workbench offers the clusters by id; the admin list names them.
  const clusters = await shepherdData(
    (await apiAs('platform-admin')).GET('/v1/admin/clusters', ALL),
  );
  const approved = await shepherdData(
    (
      await apiAs('approver')
    ).POST('/v1/approval-tasks/{ticketId}/approve', {
      params: { path: { ticketId } },
      body: { clusterId: idByName(clusters, cluster) },
    }),
  );
  const { vmId, vmName, environment } = approved.ticket;
  if (!vmId || !vmName) {
    throw new Error(`Approving ${ticketId} named no VM`);
  }
  await expect
    .poll(() => vmStatus(vmId), {
      message: `${vmName} runs on ${cluster}`,
      timeout: VM_PROVISIONING_TIMEOUT_MS,
    })
    .toBe('RUNNING');
  return { id: vmId, name: vmName, environment };
}

/**
 * `requester` requests a VM, `approver` places it on `cluster`, and this resolves once the
 * simulated cluster runs it.
 */
export async function provisionRunningVm(
  requester: Persona,
  request: VmRequest,
  cluster: string,
): Promise<RunningVm> {
  return approveOnCluster(await submitVmRequest(requester, request), cluster);
}

/** The VM recorded under `name` (e.g. one adopted through the pages), as a test needs it. */
export async function recordedVm(name: string): Promise<RunningVm> {
  const api = await apiAs('platform-admin');
  const { items } = await shepherdData(
    api.GET('/v1/vms', { params: { query: { search: name, limit: 100 } } }),
  );
  const vm = items.find(item => item.name === name);
  if (!vm) throw new Error(`No VM named ${name} is recorded`);
  return { id: vm.id, name: vm.name, environment: vm.environment };
}

/** Whether the VM is still in the VM list (a deleted VM leaves it). */
async function isListed(vmId: string): Promise<boolean> {
  const api = await apiAs('platform-admin');
  const { items } = await shepherdData(api.GET('/v1/vms', ALL));
  return items.some(item => item.id === vmId);
}

/**
 * `requester` requests the VM's deletion, confirmed as its environment asks (a flag in
 * test, the name and a reason in prod), `approver` allows it (with the name again in prod),
 * and this resolves once the VM is gone, so later tests find the portal as the seeding left
 * it.
 */
export async function deleteVm(
  requester: Persona,
  vm: RunningVm,
): Promise<void> {
  const requestDeletion = async () =>
    shepherdData(
      (await apiAs(requester)).DELETE('/v1/vms/{vmId}', {
        params: {
          path: { vmId: vm.id },
          query:
            vm.environment === 'prod'
              ? { confirm_name: vm.name, reason: 'End of the browser test' }
              : { confirm: true },
        },
      }),
    );
  // A VM runs one operation at a time: a deletion asked for while an earlier action is still
  // being carried out is refused, and asked for again once that action has ended.
  let submission: Awaited<ReturnType<typeof requestDeletion>> | undefined;
  await expect
    .poll(
      async () => {
        try {
          submission = await requestDeletion();
          return 'accepted';
        } catch (error) {
          if (
            (error as { code?: string }).code ===
            SHEPHERD_ERROR_CODES.VM_OPERATION_IN_PROGRESS
          ) {
            return 'busy';
          }
          throw error;
        }
      },
      {
        message: `the deletion of ${vm.name} is accepted`,
        timeout: VM_PROVISIONING_TIMEOUT_MS,
      },
    )
    .toBe('accepted');
  await shepherdData(
    (
      await apiAs('approver')
    ).POST('/v1/approval-tasks/{ticketId}/approve', {
      params: { path: { ticketId: submission!.ticketId } },
      // The approver of a production deletion types the VM's name too.
      body: vm.environment === 'prod' ? { confirmVmName: vm.name } : {},
    }),
  );
  await expect
    .poll(() => isListed(vm.id), {
      message: `${vm.name} is deleted`,
      timeout: VM_PROVISIONING_TIMEOUT_MS,
    })
    .toBe(false);
}

/**
 * `approver` approves a pending request that needs no cluster choice (an operation on an
 * existing VM); a production deletion gets the VM's name typed, as the workbench asks.
 */
export async function approveRequest(
  ticketId: string,
  confirmVmName?: string,
): Promise<void> {
  await shepherdData(
    (
      await apiAs('approver')
    ).POST('/v1/approval-tasks/{ticketId}/approve', {
      params: { path: { ticketId } },
      body: confirmVmName ? { confirmVmName } : {},
    }),
  );
}

/** `approver` rejects a pending request with a reason. */
export async function rejectRequest(
  ticketId: string,
  reason: string,
): Promise<void> {
  await shepherdData(
    (
      await apiAs('approver')
    ).POST('/v1/approval-tasks/{ticketId}/reject', {
      params: { path: { ticketId } },
      body: { reason },
    }),
  );
}
