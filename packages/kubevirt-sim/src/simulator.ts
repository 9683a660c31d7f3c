import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { kubernetesVersion } from './api/discovery';
import { ResourceApi } from './api/resourceApi';
import {
  ControllerControls,
  ControllerManager,
} from './controllers/controllerManager';
import { ClockMode, Scheduler, SimulatorClock } from './controllers/scheduler';
import {
  resolveBookmarkInterval,
  resolveTimings,
  TimingOption,
} from './controllers/timings';
import { FaultControls, FaultInjector } from './faults/faultInjector';
import { Router } from './http/router';
import { SimulatorServer } from './http/server';
import { buildKubeconfig } from './kubeconfig';
import {
  DEFAULT_FEATURE_GATES,
  DEFAULT_STORAGE_CLASSES,
  seedCluster,
  StorageClassOption,
} from './seed';
import { ObjectStore } from './store/objectStore';
import {
  loadCredentials,
  loadSnapshot,
  saveCredentials,
  StatePersistence,
} from './store/persistence';
import { generateCertificates } from './tls/certificates';
import { StoredObject } from './types';
import { VncProxy } from './vnc/vncProxy';
import { VncServers } from './vnc/vncServers';
import { RESOURCE_TYPES } from './api/resources';
import { AuditLog, AuditLogReader } from './audit/auditLog';

export interface SimulatorOptions {
  /** Cluster name: kubeconfig cluster/context/user names. Default `kubevirt-sim`. */
  name?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Bearer token clients must send; random when absent. */
  token?: string;
  /** Phase durations: `instant` (default), `realistic` (seconds), or custom milliseconds. */
  timing?: TimingOption;
  /** `real` (default) follows the wall clock; `manual` moves only with `sim.clock.advance()`. */
  clock?: ClockMode;
  /** `status.observedKubeVirtVersion` of the KubeVirt CR. Default v1.5.0. */
  kubevirtVersion?: string;
  /** `spec.configuration.developerConfiguration.featureGates` of the KubeVirt CR. */
  featureGates?: string[];
  /** Storage classes; the first with `default: true` carries the default annotation. */
  storageClasses?: StorageClassOption[];
  /** Namespaces to create besides the system ones. */
  namespaces?: string[];
  /**
   * The common cluster instance types (`u1.small` … `u1.xlarge`) and preferences (`fedora`,
   * `rhel.9`, `ubuntu`) virt-operator deploys. Default true.
   */
  commonInstancetypes?: boolean;
  /** Node names VMIs are scheduled onto. */
  nodes?: string[];
  /** Version `/version` reports. Default v1.32.3. */
  kubernetesVersion?: string;
  /** VNC consoles through Xtigervnc: on when the binary exists (default), or off. */
  vnc?: boolean | { binary?: string; geometry?: string };
  /** Seed of the fault injector's random choices. */
  seed?: number;
  /** Where the simulator reports controller errors; silent by default. */
  log?: (line: string) => void;
  /** How watches behave. */
  watch?: WatchOptions;
  /**
   * A directory where this cluster keeps its state across restarts: its objects
   * (`objects.json`: uids, resourceVersions, timestamps, managedFields and status as
   * they were; written at most a second after a change and when the simulator stops),
   * and its CA, certificate and token (`credentials.json`), so that kubeconfigs stay
   * valid. Loaded at start: running VMs keep running. The watch history starts empty:
   * a watch resumes from the restored resourceVersion but gets 410 Gone from an older
   * one. Created when missing; one directory per cluster.
   */
  stateDir?: string;
}

export interface WatchOptions {
  /**
   * How often (wall-clock milliseconds) a watch with `allowWatchBookmarks=true` gets a
   * BOOKMARK: 100 with instant timings, 5000 otherwise.
   */
  bookmarkIntervalMs?: number;
  /**
   * How many past changes watches can resume from and exact lists can go back to; older
   * resourceVersions get 410 Gone. Default 2000; 0 keeps none.
   */
  historySize?: number;
}

/** Watches as tests see them (`sim.watches`). */
export interface WatchControls {
  /** Watch streams open now; `path` (a pattern for the request path) counts some. */
  open(path?: RegExp | string): number;
  /** Resolves once at least `count` watch streams (matching `path`) are open. */
  whenOpen(count: number, path?: RegExp | string): Promise<void>;
  /**
   * Forgets the history of changes, as etcd's compaction does: a watch (or exact list)
   * from an older resourceVersion gets 410 Gone, one from the current resourceVersion
   * works. Returns that resourceVersion.
   */
  compact(): string;
}

/** VNC consoles as tests see them. */
export interface VncStatus {
  /** Whether consoles are backed by a real VNC server here (Xtigervnc found and not disabled). */
  readonly available: boolean;
  /** Open console websockets. */
  activeSessions(): number;
  /** Xtigervnc processes running (one per VMI with a console opened). */
  runningServers(): number;
}

/** Read access to the simulated cluster's objects, for test assertions. */
export interface ObjectReader {
  get(
    resource: string,
    namespace: string | undefined,
    name: string,
  ): StoredObject | undefined;
  list(resource: string, namespace?: string): StoredObject[];
}

export interface KubevirtSimulator {
  readonly name: string;
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly caCertPem: string;
  readonly token: string;
  /** A kubeconfig (YAML) for this cluster: CA data, token user, current context. */
  readonly kubeconfig: string;
  writeKubeconfig(path: string): Promise<void>;
  /**
   * The API server's audit log of writes (create, update, patch, delete and the KubeVirt
   * subresource actions), with the answer each got: which cluster actions were done, and
   * how often.
   */
  readonly audit: AuditLogReader;
  readonly faults: FaultControls;
  readonly clock: SimulatorClock;
  readonly controllers: ControllerControls;
  readonly objects: ObjectReader;
  readonly vnc: VncStatus;
  readonly watches: WatchControls;
  /** The cluster's current resourceVersion: that of its latest write. */
  readonly resourceVersion: string;
  /** With `stateDir`: writes the objects now instead of within a second. */
  saveState(): Promise<void>;
  /** Stops the cluster (and, with `stateDir`, writes its objects a last time). */
  close(): Promise<void>;
}

/** Starts a simulated KubeVirt cluster. */
export async function start(
  options: SimulatorOptions = {},
): Promise<KubevirtSimulator> {
  const name = options.name ?? 'kubevirt-sim';
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const kubevirtVersion = options.kubevirtVersion ?? 'v1.5.0';
  const timings = resolveTimings(options.timing);
  const bookmarkIntervalMs = resolveBookmarkInterval(
    options.timing,
    options.watch?.bookmarkIntervalMs,
  );
  const stateDir = options.stateDir;
  const restored = stateDir ? await loadSnapshot(stateDir) : undefined;
  const savedCredentials = stateDir
    ? await loadCredentials(stateDir, host, Date.now())
    : undefined;
  const token =
    options.token ?? savedCredentials?.token ?? randomBytes(24).toString('hex');

  const scheduler = new Scheduler(options.clock ?? 'real', Date.now(), error =>
    log(`controller error: ${(error as Error)?.stack ?? error}`),
  );
  const now = () => scheduler.now();
  const store = new ObjectStore(now, {
    historySize: options.watch?.historySize,
  });
  if (restored) {
    store.restore(restored, resource =>
      log(`${stateDir}: skipped the objects of unknown resource ${resource}`),
    );
  }
  const persistence = stateDir
    ? new StatePersistence(stateDir, store, log)
    : undefined;
  const api = new ResourceApi(store, now);
  const controllers = new ControllerManager(store, api, scheduler, {
    timings,
    kubevirtVersion,
    nodes: options.nodes ?? ['node01', 'node02', 'node03'],
  });
  if (restored) controllers.adoptRestored();
  seedCluster(api, store, {
    kubevirtVersion,
    featureGates: options.featureGates ?? DEFAULT_FEATURE_GATES,
    storageClasses: options.storageClasses ?? DEFAULT_STORAGE_CLASSES,
    extraNamespaces: options.namespaces ?? [],
    commonInstancetypes: options.commonInstancetypes ?? true,
    now: now(),
  });
  scheduler.settle();

  const vncOption = options.vnc ?? true;
  const servers = new VncServers(
    vncOption === false
      ? { binary: '/nonexistent/vnc-disabled' }
      : { ...(typeof vncOption === 'object' ? vncOption : {}), log },
  );
  const vnc = new VncProxy(store, servers);
  const faults = new FaultInjector(options.seed ?? 1);
  const audit = new AuditLog();
  const certificates =
    savedCredentials ??
    generateCertificates(name, host === '0.0.0.0' ? [] : [host]);
  if (stateDir) {
    await saveCredentials(stateDir, {
      host,
      caCertPem: certificates.caCertPem,
      certPem: certificates.certPem,
      keyPem: certificates.keyPem,
      token,
    });
  }
  let address = '';
  const router = new Router({
    store,
    api,
    vnc,
    faults,
    audit,
    token,
    now,
    settle: () => scheduler.settle(),
    bookmarkIntervalMs,
    version: kubernetesVersion(options.kubernetesVersion ?? 'v1.32.3'),
    kubevirtVersion,
    serverAddress: () => address,
    log,
  });
  const server = new SimulatorServer(
    {
      host,
      port: options.port ?? 0,
      certPem: certificates.certPem,
      keyPem: certificates.keyPem,
    },
    router,
  );
  const port = await server.listen();
  address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = `https://${address}`;
  const kubeconfig = buildKubeconfig({
    name,
    server: url,
    caCertPem: certificates.caCertPem,
    token,
  });

  const typeOf = (resource: string) => {
    const type = RESOURCE_TYPES.find(
      t =>
        t.plural === resource ||
        t.singular === resource ||
        t.shortNames.includes(resource),
    );
    if (!type) throw new Error(`unknown resource "${resource}"`);
    return type;
  };
  let closed = false;

  return {
    name,
    url,
    port,
    caCertPem: certificates.caCertPem,
    token,
    kubeconfig,
    writeKubeconfig: path => writeFile(path, kubeconfig, { mode: 0o600 }),
    clock: scheduler,
    controllers,
    vnc: {
      available: servers.available,
      activeSessions: () => vnc.activeSessions,
      runningServers: () => servers.runningCount,
    },
    objects: {
      get: (resource, namespace, objectName) =>
        store.get(typeOf(resource), namespace, objectName),
      list: (resource, namespace) => store.list(typeOf(resource), namespace),
    },
    audit: {
      events: () => audit.events(),
      clear: () => audit.clear(),
    },
    faults: {
      inject: rule => faults.inject(rule),
      clear: () => faults.clear(),
      list: () => faults.list(),
      get reachable() {
        return server.isListening;
      },
      dropWatches: match => router.dropWatches(match?.path),
      async setReachable(reachable: boolean) {
        if (reachable && !server.isListening) await server.listen();
        if (!reachable) {
          router.closeConnections();
          await server.stopListening();
        }
      },
    },
    watches: {
      open: path => router.openWatches(path),
      whenOpen: (count, path) => router.whenWatchesOpen(count, path),
      compact: () => store.compact(),
    },
    get resourceVersion() {
      return store.resourceVersion;
    },
    saveState: () => persistence?.flush() ?? Promise.resolve(),
    async close() {
      if (closed) return;
      closed = true;
      scheduler.close();
      controllers.close();
      router.closeConnections();
      await vnc.close();
      await server.stopListening();
      await persistence?.close();
    },
  };
}
