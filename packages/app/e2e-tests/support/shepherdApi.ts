import { expect } from '@playwright/test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_BASE_URL, REPO_ROOT } from './environment';
import { Persona } from './personas';

/*
 * The Shepherd API as the personas use it, for what a test needs done but does not test
 * through the pages: a VM that really runs on a simulated cluster, requested and approved
 * over the API in a second instead of through the wizard and the approval workbench.
 */

/** What the tests use of scripts/seed-demo.mjs: signing in as a persona over the API. */
type SeedDemoModule = {
  personaToken: (baseUrl: string, persona: string) => Promise<string>;
};

/** How long an approved VM may take to run on the simulator (instant timings, 1 s jobs). */
const VM_PROVISIONING_TIMEOUT_MS = 30_000;

/** The Shepherd VM status of a VM that runs. */
const RUNNING = 'RUNNING';

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

async function personaToken(persona: Persona): Promise<string> {
  // An ES module, so imported rather than required (as in globalSetup.ts).
  const { personaToken: signIn }: SeedDemoModule = await import(
    pathToFileURL(join(REPO_ROOT, 'scripts', 'seed-demo.mjs')).href
  );
  return signIn(E2E_BASE_URL, persona);
}

/** Calls the Shepherd API as `persona`; fails on an error answer, with the backend's code. */
async function call<T>(
  persona: Persona,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const token = await personaToken(persona);
  const response = await fetch(`${E2E_BASE_URL}/api/shepherd${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(
      `${method} ${path} as ${persona}: ${response.status} ${
        payload?.error?.code ?? ''
      } ${payload?.error?.message ?? ''}`,
    );
  }
  return payload as T;
}

/** The id of the record named `name` in a paged list of the API. */
async function idByName(
  persona: Persona,
  path: string,
  name: string,
): Promise<string> {
  const { items } = await call<{ items: Array<{ id: string; name: string }> }>(
    persona,
    'GET',
    `${path}?limit=100`,
  );
  const record = items.find(item => item.name === name);
  if (!record) throw new Error(`${path} has no record named ${name}`);
  return record.id;
}

async function vmStatus(vmId: string): Promise<string> {
  const vm = await call<{ status: string }>(
    'platform-admin',
    'GET',
    `/v1/vms/${vmId}`,
  );
  return vm.status;
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
  const submission = await call<{ ticketId: string }>(
    requester,
    'POST',
    '/v1/vms/requests',
    {
      serviceId: await idByName(requester, '/v1/services', request.service),
      namespace: request.namespace,
      templateId: await idByName(
        requester,
        '/v1/catalog/templates',
        request.template,
      ),
      instanceSizeId: await idByName(
        requester,
        '/v1/catalog/instance-sizes',
        request.instanceSize,
      ),
      reason: request.reason,
    },
  );
  const approved = await call<{
    ticket: { vmId?: string; vmName?: string; environment: 'test' | 'prod' };
  }>('approver', 'POST', `/v1/approval-tasks/${submission.ticketId}/approve`, {
    // The approval workbench offers the clusters by id; the admin list names them.
    clusterId: await idByName('platform-admin', '/v1/admin/clusters', cluster),
  });
  const { vmId, vmName, environment } = approved.ticket;
  if (!vmId || !vmName) {
    throw new Error(`Approving ${submission.ticketId} named no VM`);
  }
  await expect
    .poll(() => vmStatus(vmId), {
      message: `${vmName} runs on ${cluster}`,
      timeout: VM_PROVISIONING_TIMEOUT_MS,
    })
    .toBe(RUNNING);
  return { id: vmId, name: vmName, environment };
}

/** Whether the VM is still in the VM list (a deleted VM leaves it). */
async function isListed(vmId: string): Promise<boolean> {
  const { items } = await call<{ items: Array<{ id: string }> }>(
    'platform-admin',
    'GET',
    '/v1/vms?limit=100',
  );
  return items.some(item => item.id === vmId);
}

/**
 * `requester` requests the VM's deletion, confirmed as its environment asks (a flag in
 * test, the name in prod), `approver` allows it, and this resolves once the VM is gone, so
 * later tests find the portal as the seeding left it.
 */
export async function deleteVm(
  requester: Persona,
  vm: RunningVm,
): Promise<void> {
  const confirmation =
    vm.environment === 'prod'
      ? `confirm_name=${encodeURIComponent(vm.name)}`
      : 'confirm=true';
  const submission = await call<{ ticketId: string }>(
    requester,
    'DELETE',
    `/v1/vms/${vm.id}?${confirmation}`,
  );
  await call(
    'approver',
    'POST',
    `/v1/approval-tasks/${submission.ticketId}/approve`,
    {},
  );
  await expect
    .poll(() => isListed(vm.id), {
      message: `${vm.name} is deleted`,
      timeout: VM_PROVISIONING_TIMEOUT_MS,
    })
    .toBe(false);
}
