import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  ClusterStatus,
  Environment,
  ShepherdInstanceSize,
  ShepherdTemplate,
  VmSpec,
  VmStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/**
 * Where a provider reaches a cluster, and as whom. The backend decrypts the stored
 * credentials for each call; providers may cache clients per cluster id and kubeconfig, and
 * must never log or return the kubeconfig.
 *
 * @public
 */
export interface ShepherdClusterConnection {
  /** Shepherd's id of the cluster. */
  id: string;
  name: string;
  /** The sanitised kubeconfig (YAML) with a single context. */
  kubeconfig: string;
}

/** A VM on a cluster: its namespace and its name. @public */
export interface ShepherdVmRef {
  namespace: string;
  name: string;
}

/**
 * Everything a provider needs to create or update a VM, in domain terms: the frozen template
 * and instance size of the approved ticket, the effective spec and the identity of the VM.
 *
 * @public
 */
export interface ShepherdVmDefinition extends ShepherdVmRef {
  environment: Environment;
  systemName: string;
  serviceName: string;
  /** Two-digit instance index, e.g. `01`. */
  instance: string;
  ticketId: string;
  /**
   * The id of the Shepherd installation that owns the VM; written as the
   * `kubevirt-shepherd.io/installation` label (see {@link readShepherdOwnership}).
   */
  installationId: string;
  /** The id of Shepherd's record of the VM; written as the `kubevirt-shepherd.io/vm-id` label. */
  vmId: string;
  template: ShepherdTemplate;
  instanceSize: ShepherdInstanceSize;
  spec: VmSpec;
  /**
   * The requester's SSH public key (checked with `checkSshPublicKey`), for the VM's login
   * user: providers add it to the cloud-init user data with `withSshAuthorizedKey`.
   */
  sshPublicKey?: string;
  /** Whether the VM should run (`runStrategy: Always`) or stay halted. */
  running: boolean;
}

/**
 * Who Shepherd expects to own a VM's objects before it changes or deletes them: this
 * installation and the VM's record, and, when known, the uid of the object Shepherd last
 * saw (a delete is made conditional on it, so an object recreated under the same name by
 * someone else is never removed).
 *
 * @public
 */
export interface ShepherdVmOwner {
  installationId: string;
  vmId: string;
  uid?: string;
  /**
   * The VM's create ticket: objects created before ownership labels existed carry Shepherd's
   * managed-by label and this ticket id but no installation label; they count as the VM's
   * own (a ticket id is a UUID no one else writes). Omit it to accept labelled objects only.
   */
  legacyTicketId?: string;
}

/** What a provider knows of a VM on its cluster. @public */
export interface ShepherdVmRuntimeState extends ShepherdVmRef {
  /**
   * The domain status; `NOT_FOUND` when the cluster answered that the VM does not exist,
   * `UNKNOWN` when the cluster could not be asked.
   */
  status: VmStatus;
  message?: string;
  /** The object's resourceVersion, to skip unchanged objects. */
  resourceVersion?: string;
  /** The running instance's address on the pod network (else its first address). */
  ipAddress?: string;
  /**
   * Every address of the running instance's interfaces (each interface's `ipAddresses`, else
   * its `ipAddress`), the pod network's first, without repeats; empty while it does not run.
   */
  ipAddresses?: string[];
  nodeName?: string;
  labels?: Record<string, string>;
  /** The object's uid: tells this object from another one created later under its name. */
  uid?: string;
  /**
   * The uid of the VM's running instance (KubeVirt's VirtualMachineInstance), absent while
   * none exists: a restart replaces the instance, so a changed uid says it happened.
   */
  instanceUid?: string;
}

/**
 * A VM's state as a watch observed it. `revision` orders observations of one cluster: it is
 * the highest resourceVersion the watch had seen for the VM's objects (VirtualMachine,
 * instance, DataVolumes) or, after a (re)list, the list's own resourceVersion, whichever is
 * newer. It never moves backwards within a watch, and a relist starts above everything
 * observed before it.
 *
 * @public
 */
export interface ShepherdVmObservedState extends ShepherdVmRuntimeState {
  revision: string;
}

/**
 * What a VM watch reports, in the order it observed it:
 *
 * - `upsert`: a VM appeared or its state changed;
 * - `deleted`: the VirtualMachine object is gone (`revision` of its deletion);
 * - `synced`: after each (re)list, the state of every VM on the cluster; a VM Shepherd knows
 *   that is not in it is gone;
 * - `interrupted`: the watch lost its connection or the cluster refused it, and tries again
 *   in `retryInMs` (it never gives up until stopped).
 *
 * @public
 */
export type ShepherdVmWatchEvent =
  | { type: 'upsert'; state: ShepherdVmObservedState }
  | {
      type: 'deleted';
      vm: ShepherdVmRef & { uid?: string; labels?: Record<string, string> };
      revision: string;
    }
  | { type: 'synced'; states: ShepherdVmObservedState[]; revision: string }
  | { type: 'interrupted'; error: ShepherdProviderError; retryInMs: number };

/** How a VM watch runs. @public */
export interface ShepherdVmWatchOptions {
  /** Stops the watch; the promise of the watch resolves once it has stopped. */
  signal: AbortSignal;
  /** How often the watch lists everything again as a safety net, in milliseconds. */
  resyncIntervalMs: number;
}

/**
 * A VM as an inventory of a cluster lists it, Shepherd's or not: its state, its identity
 * (uid) and what it declares, so that an administrator can decide whether to adopt it.
 *
 * @public
 */
export interface ShepherdVmInventoryItem extends ShepherdVmRuntimeState {
  uid: string;
  /** CPU cores the VM declares (its limit, else its topology). */
  cpuCores?: number;
  /** Memory in GiB: its limit, else its guest memory, else its request. */
  memoryGi?: number;
  /** Size of its first disk in GiB, when the VM declares one (a DataVolume template). */
  diskGb?: number;
  /** The image or source of its first disk (container image, registry or HTTP URL, PVC). */
  image?: string;
}

/**
 * What must still hold of a VM for a change of its labels to be made: the very object that
 * was looked at (uid) in the very version that was looked at (resourceVersion). A VM that was
 * replaced or changed meanwhile fails the call with a `conflict` error.
 *
 * @public
 */
export interface ShepherdVmPrecondition {
  uid: string;
  resourceVersion: string;
}

/** Health and capabilities of a cluster, as detected by a provider. @public */
export interface ShepherdClusterInspection {
  status: Exclude<ClusterStatus, 'UNKNOWN'>;
  message?: string;
  kubevirtVersion?: string;
  featureGates: string[];
  storageClasses: string[];
  defaultStorageClass?: string;
}

/** A change of the compute shape or disk of an existing VM. @public */
export interface ShepherdVmResize {
  cpuCores?: number;
  cpuRequest?: number;
  memoryGi?: number;
  memoryRequestGi?: number;
  diskGb?: number;
}

/** A KubeVirt instance type or preference offered by a cluster. @public */
export interface ShepherdInstanceTypeInfo {
  name: string;
  namespace?: string;
  kind:
    | 'VirtualMachineInstancetype'
    | 'VirtualMachineClusterInstancetype'
    | 'VirtualMachinePreference'
    | 'VirtualMachineClusterPreference';
  cpuCores?: number;
  memoryGi?: number;
  displayName?: string;
}

/** A live migration of a VM. @public */
export interface ShepherdVmMigration {
  name: string;
  phase: string;
  message?: string;
}

/**
 * A bidirectional byte stream to a VM's VNC server (a raw RFB stream).
 *
 * @public
 */
export interface ShepherdVncStream {
  /** Sends bytes to the VNC server; resolves when the stream accepted them (back-pressure). */
  write(chunk: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  onClose(listener: (reason?: string) => void): void;
  close(): void;
  /** Optional: stops reading from the VNC server until {@link ShepherdVncStream.resume} (back-pressure). */
  pause?(): void;
  /** Optional: reads from the VNC server again after {@link ShepherdVncStream.pause}. */
  resume?(): void;
}

/**
 * What failed in a provider call, so that callers can decide whether to retry.
 *
 * - `transient`: try again later (timeouts, 5xx, dropped connections, an open circuit).
 * - `permanent`: retrying cannot help (the cluster rejected the object, forbidden).
 * - `conflict`: the object changed concurrently; re-read and retry.
 *
 * @public
 */
export type ShepherdProviderErrorKind = 'transient' | 'permanent' | 'conflict';

/** An error of a VM provider, classified for retries. @public */
export class ShepherdProviderError extends Error {
  readonly kind: ShepherdProviderErrorKind;
  /** HTTP status of the cluster's answer, when there was one. */
  readonly statusCode?: number;
  /**
   * For a `transient` error that was not even tried (the cluster's circuit breaker is open):
   * how long until the cluster may be asked again. Jobs wait that long without counting an
   * attempt.
   */
  readonly retryAfterMs?: number;

  constructor(
    kind: ShepherdProviderErrorKind,
    message: string,
    options?: { statusCode?: number; cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'ShepherdProviderError';
    this.kind = kind;
    this.statusCode = options?.statusCode;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/**
 * A backend that runs virtual machines for Shepherd, such as KubeVirt.
 *
 * Providers are the anti-corruption layer between Shepherd's domain and an infrastructure API:
 * domain types go in and domain types come out. Every operation is idempotent: applying the
 * same definition twice changes nothing, deleting a missing VM succeeds. Failures are
 * {@link ShepherdProviderError}s. Each provider is registered once, under a unique `type`,
 * through {@link shepherdVmProvidersExtensionPoint}.
 *
 * @public
 */
export interface ShepherdVmProvider {
  /** Stable identifier of the provider implementation, e.g. `kubevirt`. */
  readonly type: string;

  /** The object the provider would apply for a definition (for previews; no cluster call). */
  renderVirtualMachine(
    definition: ShepherdVmDefinition,
  ): Record<string, unknown>;

  /**
   * Creates the namespace if it does not exist, labelled as managed by Shepherd (and with the
   * installation's id when given). An existing namespace is left as it is.
   */
  ensureNamespace(
    cluster: ShepherdClusterConnection,
    namespace: string,
    environment: Environment,
    options?: { installationId?: string },
  ): Promise<void>;

  /**
   * Creates or updates the VM. With `dryRun` the cluster validates the object, admission
   * included, without storing it. Ownership: an existing object of the name is changed only
   * when its labels say it is `definition.vmId` of installation `definition.installationId`;
   * otherwise the call fails with a {@link ShepherdNotOwnedError} and the object is left
   * untouched (never taken over by server-side apply).
   */
  applyVirtualMachine(
    cluster: ShepherdClusterConnection,
    definition: ShepherdVmDefinition,
    options?: { dryRun?: boolean },
  ): Promise<{ resourceVersion?: string }>;

  /**
   * Deletes the VM if it is `owner`'s: an object whose labels do not name the owner's
   * installation and VM record (or whose uid is not `owner.uid`, when given) is refused with
   * a {@link ShepherdNotOwnedError} and left untouched. The delete carries a uid precondition,
   * so an object recreated under the name meanwhile is never removed. A VM that does not
   * exist counts as deleted (`existed: false`).
   */
  deleteVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    owner: ShepherdVmOwner,
  ): Promise<{ existed: boolean }>;

  startVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<void>;
  stopVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<void>;
  restartVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<void>;

  /**
   * Changes CPU, memory or disk of an existing VM with an exact patch. With `dryRun` the
   * cluster validates the same patch without applying it.
   */
  resizeVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    resize: ShepherdVmResize,
    options?: { dryRun?: boolean },
  ): Promise<{ restartRequired: boolean }>;

  /** The VM's state; never throws for a missing VM (`NOT_FOUND`) or an unreachable cluster (`UNKNOWN`). */
  getVirtualMachine(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<ShepherdVmRuntimeState>;

  /** Every VM on the cluster that carries Shepherd's managed-by label. */
  listManagedVirtualMachines(
    cluster: ShepherdClusterConnection,
  ): Promise<ShepherdVmRuntimeState[]>;

  /**
   * Optional: follows every VM of the cluster (all namespaces) until `options.signal` aborts,
   * reporting each change to `onEvent` in the order observed. Lost connections, expired
   * resourceVersions and refusals are retried for ever with a bounded backoff; the returned
   * promise resolves only when stopped. `onEvent` must not throw.
   */
  watchVirtualMachines?(
    cluster: ShepherdClusterConnection,
    onEvent: (event: ShepherdVmWatchEvent) => void,
    options: ShepherdVmWatchOptions,
  ): Promise<void>;

  /**
   * Optional (adoption): every VM of the given namespaces, whoever created it. A namespace
   * that does not exist has none.
   */
  listVirtualMachines?(
    cluster: ShepherdClusterConnection,
    namespaces: string[],
  ): Promise<ShepherdVmInventoryItem[]>;

  /**
   * Optional (adoption): sets labels of a VM with Shepherd's field manager and nothing else;
   * a `null` value removes the label. Fails with a `conflict` error when the VM is not the
   * object and version of `precondition`, and with a `permanent` 404 when it is gone.
   */
  labelVirtualMachine?(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    labels: Record<string, string | null>,
    precondition: ShepherdVmPrecondition,
  ): Promise<{ resourceVersion?: string }>;

  /** Health, KubeVirt version, feature gates and storage classes of the cluster. */
  inspectCluster(
    cluster: ShepherdClusterConnection,
  ): Promise<ShepherdClusterInspection>;

  /** Optional: KubeVirt instance types and preferences the cluster offers. */
  listInstanceTypes?(
    cluster: ShepherdClusterConnection,
    namespace?: string,
  ): Promise<ShepherdInstanceTypeInfo[]>;

  /** Optional: starts a live migration of a running VM. */
  migrateVirtualMachine?(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
  ): Promise<ShepherdVmMigration>;

  /** Optional: the state of a migration started by {@link ShepherdVmProvider.migrateVirtualMachine}. */
  getMigration?(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    migrationName: string,
  ): Promise<ShepherdVmMigration>;

  /** Optional: snapshots of a VM (not implemented by the KubeVirt provider yet). */
  createSnapshot?(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    snapshotName: string,
  ): Promise<void>;

  /** Optional: clones a VM (not implemented by the KubeVirt provider yet). */
  cloneVirtualMachine?(
    cluster: ShepherdClusterConnection,
    source: ShepherdVmRef,
    target: ShepherdVmRef,
  ): Promise<void>;

  /**
   * Optional: opens the VNC stream of a running VM. With `preserveSession`, an existing
   * session is kept and the call fails instead of taking it over.
   */
  openVncStream?(
    cluster: ShepherdClusterConnection,
    vm: ShepherdVmRef,
    options: { preserveSession: boolean },
  ): Promise<ShepherdVncStream>;
}

/**
 * Lets backend modules contribute VM providers to the Shepherd backend plugin.
 *
 * @public
 */
export interface ShepherdVmProvidersExtensionPoint {
  addProvider(provider: ShepherdVmProvider): void;
}

/**
 * Extension point through which backend modules such as
 * `@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt` register their provider.
 *
 * @public
 */
export const shepherdVmProvidersExtensionPoint =
  createExtensionPoint<ShepherdVmProvidersExtensionPoint>({
    id: 'shepherd.vm-providers',
  });
