import type { KubevirtSimulator } from '@kubevirt-shepherd/kubevirt-sim';
import { SHEPHERD_PLATFORM_LABELS } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { RunRecord } from './workload';

/** Ticket statuses after which nothing more happens to a ticket. */
const TERMINAL_TICKET_STATUSES = ['SUCCESS', 'FAILED', 'REJECTED', 'CANCELLED'];

/** What the campaign promises, each counted; every count must be zero. */
export interface InvariantReport {
  /** Tickets that did not reach an end (PENDING, APPROVED or EXECUTING). */
  ticketsWithoutEnd: string[];
  /** Jobs still queued or running once the portal is idle. */
  unfinishedJobs: string[];
  /** VMs that exist more than once (two records, or two cluster objects for one record). */
  duplicateVms: string[];
  /** Shepherd's VMs on a cluster without a record. */
  untrackedVms: string[];
  /** Records whose VM is not on its cluster. */
  recordsPointingAtNothing: string[];
  /** Cluster actions done more often than asked for: a VM created twice, restarted twice. */
  repeatedClusterActions: string[];
}

export function violations(report: InvariantReport): number {
  return Object.values(report).reduce((sum, list) => sum + list.length, 0);
}

/** Reads what the portal recorded and what the cluster holds, and compares them. */
export async function checkInvariants(options: {
  knex: Knex;
  cluster: KubevirtSimulator;
  clusterId: string;
  installationId: string;
  runs: RunRecord[];
}): Promise<InvariantReport> {
  const { knex, cluster, clusterId, installationId, runs } = options;
  const tickets: Array<{ id: string; status: string }> = await knex(
    'tickets',
  ).select('id', 'status');
  const jobs: Array<{ id: string; kind: string; status: string }> = await knex(
    'jobs',
  )
    .whereIn('status', ['queued', 'running'])
    .select('id', 'kind', 'status');
  const records: Array<{
    id: string;
    name: string;
    namespace: string;
    cluster_id: string | null;
  }> = await knex('vms').select('id', 'name', 'namespace', 'cluster_id');

  const ours = cluster.objects
    .list('virtualmachines')
    .filter(
      vm =>
        vm.metadata.labels?.[SHEPHERD_PLATFORM_LABELS.installation] ===
        installationId,
    );
  const onCluster = new Map<string, number>();
  const byRecordId = new Map<string, string[]>();
  for (const vm of ours) {
    const key = `${vm.metadata.namespace}/${vm.metadata.name}`;
    onCluster.set(key, (onCluster.get(key) ?? 0) + 1);
    const recordId = vm.metadata.labels?.[SHEPHERD_PLATFORM_LABELS.vmId];
    if (recordId) {
      byRecordId.set(recordId, [...(byRecordId.get(recordId) ?? []), key]);
    }
  }
  const recorded = new Map<string, number>();
  for (const record of records.filter(r => r.cluster_id === clusterId)) {
    const key = `${record.namespace}/${record.name}`;
    recorded.set(key, (recorded.get(key) ?? 0) + 1);
  }

  const writes = cluster.audit
    .events()
    .filter(event => !event.dryRun && event.objectRef.name);
  /** Successful writes of a VM (or its subresource) per VM. */
  const successfulWrites = (
    verb: string,
    subresource: string | undefined,
    code: number,
  ) => {
    const counts = new Map<string, number>();
    for (const event of writes) {
      if (
        event.verb !== verb ||
        event.objectRef.resource !== 'virtualmachines' ||
        event.objectRef.subresource !== subresource ||
        event.responseStatus.code !== code
      ) {
        continue;
      }
      const key = `${event.objectRef.namespace}/${event.objectRef.name}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const creations = successfulWrites('create', undefined, 201);
  const restarts = successfulWrites('update', 'restart', 202);
  const restartsAsked = new Map(
    runs
      .filter(run => run.vmName)
      .map(run => [`dev/${run.vmName}`, run.restarts]),
  );

  return {
    ticketsWithoutEnd: tickets
      .filter(ticket => !TERMINAL_TICKET_STATUSES.includes(ticket.status))
      .map(ticket => `${ticket.id} ${ticket.status}`),
    unfinishedJobs: jobs.map(job => `${job.id} ${job.kind} ${job.status}`),
    duplicateVms: [
      ...[...onCluster, ...recorded]
        .filter(([, count]) => count > 1)
        .map(([key, count]) => `${key} ×${count}`),
      ...[...byRecordId]
        .filter(([, keys]) => keys.length > 1)
        .map(([id, keys]) => `record ${id} on ${keys.join(', ')}`),
    ],
    untrackedVms: [...onCluster.keys()].filter(key => !recorded.has(key)),
    recordsPointingAtNothing: [...recorded.keys()].filter(
      key => !onCluster.has(key),
    ),
    repeatedClusterActions: [
      ...[...creations]
        .filter(([, count]) => count > 1)
        .map(([key, count]) => `${key} created ×${count}`),
      ...[...restarts]
        .filter(([key, count]) => count > (restartsAsked.get(key) ?? 0))
        .map(
          ([key, count]) =>
            `${key} restarted ×${count} (asked ${restartsAsked.get(key) ?? 0})`,
        ),
    ],
  };
}
