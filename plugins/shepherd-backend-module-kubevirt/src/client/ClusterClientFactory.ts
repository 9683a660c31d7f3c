import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ShepherdClusterConnection,
  ShepherdProviderError,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { createHash } from 'node:crypto';
import { KubeVirtProviderOptions, responseLimitsOf } from '../options';
import { CircuitBreaker } from '../resilience/circuitBreaker';
import { Clock } from '../resilience/clock';
import { ConcurrencyLimiter } from '../resilience/concurrencyLimiter';
import { ClusterClient } from './ClusterClient';
import { boundedHttpLibrary } from './boundedHttpLibrary';
import { loadClientNode } from './clientNode';
import { ClusterGuard } from './clusterGuard';

interface CachedClient {
  fingerprint: string;
  client: Promise<ClusterClient>;
}

/** A digest of the kubeconfig: tells a rotated credential apart without keeping a copy. */
function fingerprintOf(kubeconfig: string): string {
  return createHash('sha256').update(kubeconfig).digest('hex');
}

/**
 * Creates and caches one {@link ClusterClient} per cluster. A client is reused while the
 * cluster's kubeconfig stays the same and replaced when it changes (rotated credentials,
 * a moved API server). The guard — concurrency limit and circuit breaker — belongs to the
 * cluster id and survives a credential rotation, so a rotation neither resets a failing
 * cluster's breaker nor doubles its request budget.
 */
export class ClusterClientFactory {
  private readonly clients = new Map<string, CachedClient>();
  private readonly guards = new Map<string, ClusterGuard>();

  constructor(
    private readonly options: KubeVirtProviderOptions,
    private readonly clock: Clock,
    private readonly logger: LoggerService,
  ) {}

  forCluster(cluster: ShepherdClusterConnection): Promise<ClusterClient> {
    const fingerprint = fingerprintOf(cluster.kubeconfig);
    const cached = this.clients.get(cluster.id);
    if (cached?.fingerprint === fingerprint) return cached.client;

    if (cached) {
      this.logger.info(
        `Credentials of cluster ${cluster.name} changed; creating a new API client`,
        { clusterId: cluster.id },
      );
    }
    const client = this.create(cluster);
    this.clients.set(cluster.id, { fingerprint, client });
    // A kubeconfig that cannot be read is not cached: the next call reports it again.
    client.catch(() => {
      if (this.clients.get(cluster.id)?.client === client) {
        this.clients.delete(cluster.id);
      }
    });
    return client;
  }

  /** The guard of a cluster, created on first use. */
  guardFor(clusterId: string, clusterName: string): ClusterGuard {
    let guard = this.guards.get(clusterId);
    if (!guard) {
      guard = new ClusterGuard(
        new ConcurrencyLimiter(this.options.maxConcurrentRequestsPerCluster),
        new CircuitBreaker(clusterName, {
          failureThreshold: this.options.breakerFailureThreshold,
          openDurationMs: this.options.breakerOpenDurationMs,
          clock: this.clock,
          onStateChange: state =>
            state === 'open'
              ? this.logger.warn(
                  `Cluster ${clusterName} keeps failing; failing its calls fast for ${this.options.breakerOpenDurationMs} ms`,
                  { clusterId },
                )
              : this.logger.info(`Cluster ${clusterName} answers again`, {
                  clusterId,
                }),
        }),
      );
      this.guards.set(clusterId, guard);
    }
    return guard;
  }

  private async create(
    cluster: ShepherdClusterConnection,
  ): Promise<ClusterClient> {
    const k8s = await loadClientNode();
    const kubeConfig = new k8s.KubeConfig();
    try {
      kubeConfig.loadFromString(cluster.kubeconfig);
    } catch {
      // The parser's message can quote the kubeconfig, credentials included: say only that.
      throw new ShepherdProviderError(
        'permanent',
        `The kubeconfig of cluster ${cluster.name} cannot be read`,
      );
    }
    const server = kubeConfig.getCurrentCluster()?.server;
    if (!server) {
      throw new ShepherdProviderError(
        'permanent',
        `The kubeconfig of cluster ${cluster.name} names no current cluster`,
      );
    }

    const timeoutMs = this.options.requestTimeoutMs;
    const limits = responseLimitsOf(this.options);
    const configuration = k8s.createConfiguration({
      baseServer: new k8s.ServerConfiguration(server, {}),
      httpApi: boundedHttpLibrary(k8s, new URL(server).pathname, limits),
      authMethods: { default: kubeConfig },
      promiseMiddleware: [
        {
          // Every typed call gets its own deadline; node-fetch aborts it when it passes.
          pre: async context => {
            context.setSignal(AbortSignal.timeout(timeoutMs));
            return context;
          },
          post: async context => context,
        },
      ],
    });
    this.logger.debug(`Created API client for cluster ${cluster.name}`, {
      clusterId: cluster.id,
    });
    return new ClusterClient(
      cluster.name,
      kubeConfig,
      server,
      {
        core: new k8s.CoreV1Api(configuration),
        storage: new k8s.StorageV1Api(configuration),
        custom: new k8s.CustomObjectsApi(configuration),
        version: new k8s.VersionApi(configuration),
      },
      this.guardFor(cluster.id, cluster.name),
      { timeoutMs, limits },
    );
  }
}
