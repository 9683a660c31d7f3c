import {
  ReconcileFinding,
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

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
}

/**
 * Whether a labelled object on a cluster is this installation's. The one place that decides
 * it: a VM another installation (or a person with kubectl) labelled is neither compared nor
 * ever reported as an orphan of this one.
 */
export function isOwnedByThisInstallation(object: ObjectOnCluster): boolean {
  return (
    object.labels?.[SHEPHERD_PLATFORM_LABELS.managedBy] === SHEPHERD_MANAGER
  );
}

/** What comparing a cluster's records with its objects found. */
export interface Reconciliation {
  /** Records compared: not owned by a running job, older than the grace period. */
  recordsCompared: number;
  recordsSkipped: number;
  /** This installation's objects on the cluster. */
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
 * - A ghost is a compared record whose VM is not among this installation's objects.
 *   Records in CREATING or DELETING (their jobs own them) and records younger than the grace
 *   period (the cluster may not show them yet) are not compared.
 * - An orphan is an object of this installation that no record of the cluster names,
 *   compared or not.
 * - The breaker trips when more than {@link GHOST_HALT_RATIO} of the compared records are
 *   ghosts.
 */
export function reconcile(
  records: ReadonlyArray<RecordToReconcile>,
  objects: ReadonlyArray<ObjectOnCluster>,
  options: { now: Date; gracePeriodMs: number },
): Reconciliation {
  const owned = objects.filter(isOwnedByThisInstallation);
  const onCluster = new Set(owned.map(keyOf));
  const recorded = new Set(records.map(keyOf));
  const settledBefore = options.now.getTime() - options.gracePeriodMs;
  const compared = records.filter(
    record =>
      !OWNED_BY_JOBS.includes(record.status) &&
      Date.parse(record.createdAt) <= settledBefore,
  );
  const ghosts = compared
    .filter(record => !onCluster.has(keyOf(record)))
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
    .filter(object => !recorded.has(keyOf(object)))
    .map(
      (object): ReconcileFinding => ({
        kind: 'ORPHAN',
        namespace: object.namespace,
        name: object.name,
      }),
    )
    .sort(byPlace);
  return {
    recordsCompared: compared.length,
    recordsSkipped: records.length - compared.length,
    objectsListed: owned.length,
    ghosts,
    orphans,
    breakerTripped:
      compared.length > 0 && ghosts.length > compared.length * GHOST_HALT_RATIO,
  };
}
