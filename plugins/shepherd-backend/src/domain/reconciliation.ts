import {
  ReconcileFinding,
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { readShepherdOwnership } from '@kubevirt-shepherd/plugin-shepherd-node';

/*
 * The reconciler's rules (seed 002 §8), as pure functions: which records and objects are
 * compared, what counts as a ghost or an orphan, and when the breaker halts a run.
 */

/**
 * More than this share of a cluster's compared records looking like ghosts halts the run: a
 * kubeconfig pointing at the wrong (or an empty, rebuilt) cluster looks exactly like this,
 * and marking then would mark every VM.
 */
export const GHOST_HALT_RATIO = 0.5;

/** How many ghosts and how many orphans a report lists; its counts are complete. */
export const REPORT_FINDINGS_LIMIT = 100;

/** Statuses their jobs own: the create and delete jobs follow these VMs themselves. */
const OWNED_BY_JOBS: readonly VmStatus[] = ['CREATING', 'DELETING'];

/** A VM record of the cluster, as far as reconciling it needs. */
export interface RecordToReconcile {
  id: string;
  namespace: string;
  name: string;
  status: VmStatus;
  createdAt: string;
}

/** A VM on the cluster that carries Shepherd's labels. */
export interface ObjectOnCluster {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  /** DELETING while the object is terminating. */
  status?: string;
}

/**
 * How an object on a cluster relates to this installation. The one place that decides it:
 *
 * - `owned`: its ownership labels name this installation; it is the VM of the record its
 *   `vm-id` label names.
 * - `legacy`: Shepherd's managed-by label without ownership labels (created before they
 *   existed): it stands for the record of its namespace and name, but is never an orphan,
 *   since nothing says which installation made it.
 * - `foreign`: another installation's, or no Shepherd's at all: neither compared nor ever
 *   reported.
 */
export function ownershipOf(
  object: ObjectOnCluster,
  installationId: string,
): { kind: 'owned'; vmId: string } | { kind: 'legacy' } | { kind: 'foreign' } {
  const ownership = readShepherdOwnership(object.labels);
  if (ownership) {
    return ownership.installationId === installationId
      ? { kind: 'owned', vmId: ownership.vmId }
      : { kind: 'foreign' };
  }
  return object.labels?.[SHEPHERD_PLATFORM_LABELS.managedBy] ===
    SHEPHERD_MANAGER
    ? { kind: 'legacy' }
    : { kind: 'foreign' };
}

/** What comparing a cluster's records with its objects found. */
export interface Reconciliation {
  /** Records compared: not owned by a running job, older than the grace period. */
  recordsCompared: number;
  recordsSkipped: number;
  /** This installation's objects on the cluster (with those from before ownership labels). */
  objectsListed: number;
  ghosts: ReconcileFinding[];
  orphans: ReconcileFinding[];
  /** Whether so many records look like ghosts that the run must halt. */
  breakerTripped: boolean;
}

const keyOf = (vm: { namespace: string; name: string }) =>
  `${vm.namespace}/${vm.name}`;

const byPlace = (a: ReconcileFinding, b: ReconcileFinding) =>
  keyOf(a).localeCompare(keyOf(b));

/**
 * Compares the VM records of one cluster with what the cluster holds.
 *
 * - A ghost is a compared record that no object of this installation is the VM of (by its
 *   `vm-id` label, or by namespace and name for an object from before ownership labels).
 *   Records in CREATING or DELETING (their jobs own them) and records younger than the grace
 *   period (the cluster may not show them yet) are not compared.
 * - An orphan is an object of this installation whose record is not among the cluster's
 *   records, compared or not, and that is not being deleted already.
 * - The breaker trips when more than {@link GHOST_HALT_RATIO} of the compared records are
 *   ghosts.
 */
export function reconcile(
  records: ReadonlyArray<RecordToReconcile>,
  objects: ReadonlyArray<ObjectOnCluster>,
  options: { now: Date; gracePeriodMs: number; installationId: string },
): Reconciliation {
  const ownedVmIds = new Set<string>();
  const legacyPlaces = new Set<string>();
  const owned: Array<{ object: ObjectOnCluster; vmId: string }> = [];
  for (const object of objects) {
    const ownership = ownershipOf(object, options.installationId);
    if (ownership.kind === 'owned') {
      ownedVmIds.add(ownership.vmId);
      owned.push({ object, vmId: ownership.vmId });
    } else if (ownership.kind === 'legacy') {
      legacyPlaces.add(keyOf(object));
    }
  }
  const recordIds = new Set(records.map(record => record.id));
  const settledBefore = options.now.getTime() - options.gracePeriodMs;
  const compared = records.filter(
    record =>
      !OWNED_BY_JOBS.includes(record.status) &&
      Date.parse(record.createdAt) <= settledBefore,
  );
  const ghosts = compared
    .filter(
      record => !ownedVmIds.has(record.id) && !legacyPlaces.has(keyOf(record)),
    )
    .map(
      (record): ReconcileFinding => ({
        kind: 'GHOST',
        namespace: record.namespace,
        name: record.name,
        vmId: record.id,
        vmStatus: record.status,
      }),
    )
    .sort(byPlace);
  const orphans = owned
    // A terminating object is on its way out: the delete job that removed its record when
    // the cluster was listed is not done with it, or someone else deleted it.
    .filter(
      ({ object, vmId }) =>
        !recordIds.has(vmId) && object.status !== 'DELETING',
    )
    .map(
      ({ object, vmId }): ReconcileFinding => ({
        kind: 'ORPHAN',
        namespace: object.namespace,
        name: object.name,
        vmId,
      }),
    )
    .sort(byPlace);
  return {
    recordsCompared: compared.length,
    recordsSkipped: records.length - compared.length,
    objectsListed: owned.length + legacyPlaces.size,
    ghosts,
    orphans,
    breakerTripped:
      compared.length > 0 && ghosts.length > compared.length * GHOST_HALT_RATIO,
  };
}
