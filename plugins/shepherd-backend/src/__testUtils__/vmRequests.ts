import {
  ShepherdInstanceSize,
  ShepherdService,
  ShepherdTemplate,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi } from './apiHarness';

/** What a request for a new VM names: its Service, template and size, in namespace `dev`. */
export type VmRequestTargets = {
  service: Pick<ShepherdService, 'id'>;
  template: Pick<ShepherdTemplate, 'id'>;
  size: Pick<ShepherdInstanceSize, 'id'>;
};

/** Requests a VM through the API as `engineer-test`; fails unless it is accepted (202). */
export async function requestVm(
  api: ShepherdApi,
  { service, template, size }: VmRequestTargets,
  reason = 'Load tests',
): Promise<{ ticketId: string; eventId: string }> {
  const submitted = await api
    .as('engineer-test')
    .post('/v1/vms/requests')
    .send({
      serviceId: service.id,
      namespace: 'dev',
      templateId: template.id,
      instanceSizeId: size.id,
      reason,
    });
  if (submitted.status !== 202) {
    throw new Error(`Requesting the VM: ${submitted.status} ${submitted.text}`);
  }
  return submitted.body;
}

/** Approves a VM request on a cluster as `approver`; fails unless it is approved (200). */
export async function approveVm(
  api: ShepherdApi,
  ticketId: string,
  clusterId: string,
): Promise<{ vmId: string }> {
  const approved = await api
    .as('approver')
    .post(`/v1/approval-tasks/${ticketId}/approve`)
    .send({ clusterId });
  if (approved.status !== 200) {
    throw new Error(`Approving the VM: ${approved.status} ${approved.text}`);
  }
  return { vmId: approved.body.ticket.vmId };
}

/** Requests a VM and approves it on the cluster: its ticket, event and VM ids. */
export async function requestAndApproveVm(
  api: ShepherdApi,
  targets: VmRequestTargets & { clusterId: string },
  reason?: string,
) {
  const { ticketId, eventId } = await requestVm(api, targets, reason);
  const { vmId } = await approveVm(api, ticketId, targets.clusterId);
  return { ticketId, eventId, vmId };
}
