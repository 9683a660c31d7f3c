import {
  DEFAULT_VM_PROVIDER_TYPE,
  isDnsSubdomain,
  SHEPHERD_ERROR_CODES,
  ShepherdCluster,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import {
  CredentialCipher,
  CredentialCipherError,
  ENCRYPTION_KEYS_CONFIG_KEY,
} from '../../crypto/CredentialCipher';
import { ClusterCredentials } from '../../database/stores/clusters/ClustersStore';
import { sanitizeKubeconfig } from '../../domain/kubeconfig';
import { Actor } from '../Actor';
import { invalidInput, found, unavailable } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import {
  ClusterCredentialsSource,
  ClusterPatch,
  ClusterRegistration,
  ClustersService,
} from './ClustersService';
import {
  ACTIVE_TICKET_STATUSES,
  assertEnvironmentMayChange,
  auditPlatformChange,
  CATALOG_AUDIT,
  checkDnsLabelName,
} from './platformRules';
import { PlatformRegistry } from './PlatformRegistry';

const CLUSTER = 'Cluster';
const AUDIT = CATALOG_AUDIT.cluster;
const DISPLAY_NAME_MAX_LENGTH = 255;

/** A sanitised kubeconfig, encrypted for one cluster row. */
interface SealedKubeconfig {
  credentials: ClusterCredentials;
  apiServerUrl: string;
}

function checkDisplayName(displayName: string | undefined) {
  if (
    displayName !== undefined &&
    (displayName.trim() === '' || displayName.length > DISPLAY_NAME_MAX_LENGTH)
  ) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `displayName must have 1 to ${DISPLAY_NAME_MAX_LENGTH} characters`,
    );
  }
}

/**
 * The cluster registry. Kubeconfigs are sanitised, then encrypted with the cluster id as
 * associated data before anything is written; they never appear in a response, a log line or
 * an audit row. Cluster health, versions and storage classes are filled in by the health
 * checks, not here.
 */
export class DefaultClustersService
  implements ClustersService, ClusterCredentialsSource
{
  readonly #registry: PlatformRegistry<ShepherdCluster>;

  constructor(
    private readonly context: GovernanceContext,
    private readonly cipher: CredentialCipher,
    /** The types of the VM providers installed in this backend. */
    private readonly installedProviderTypes: () => string[],
  ) {
    this.#registry = new PlatformRegistry(context, {
      what: CLUSTER,
      kind: 'cluster',
      audit: AUDIT,
      store: store => store.clusters,
    });
  }

  async listClusters(
    _actor: Actor,
    request: Parameters<ClustersService['listClusters']>[1],
  ) {
    return this.context.store.clusters.list(request);
  }

  async getCluster(_actor: Actor, id: string) {
    return this.#registry.get(id);
  }

  async registerCluster(actor: Actor, input: ClusterRegistration) {
    this.#assertCipher();
    checkDnsLabelName(input.name);
    checkDisplayName(input.displayName);
    const providerType = input.providerType ?? DEFAULT_VM_PROVIDER_TYPE;
    this.#checkProviderType(providerType);
    const id = randomUUID();
    const sealed = this.#seal(id, input.kubeconfig);
    const now = this.context.now();
    const cluster: ShepherdCluster = {
      id,
      name: input.name,
      displayName: input.displayName ?? input.name,
      environment: input.environment,
      providerType,
      status: 'UNKNOWN',
      enabled: true,
      apiServerUrl: sealed.apiServerUrl,
      featureGates: [],
      storageClasses: [],
      credentialKeyId: sealed.credentials.encryptionKeyId,
      createdBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    await this.#registry.create(
      actor,
      cluster,
      {
        action: AUDIT.register,
        details: {
          providerType,
          apiServerUrl: cluster.apiServerUrl,
          encryptionKeyId: cluster.credentialKeyId,
        },
      },
      tx => tx.clusters.insert(cluster, sealed.credentials),
    );
    return { item: cluster, warnings: [] };
  }

  /**
   * A cluster's provider must be installed to reach it. KubeVirt, the default, may be
   * registered before its module is added: the cluster waits, unchecked, until it is.
   */
  #checkProviderType(providerType: string) {
    const installed = this.installedProviderTypes();
    if (
      providerType !== DEFAULT_VM_PROVIDER_TYPE &&
      !installed.includes(providerType)
    ) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `No VM provider of type '${providerType}' is installed; installed: ${
          installed.join(', ') || 'none'
        }`,
      );
    }
  }

  async updateCluster(actor: Actor, id: string, patch: ClusterPatch) {
    checkDisplayName(patch.displayName);
    return this.#registry.update(
      actor,
      id,
      {
        audited: [
          'displayName',
          'enabled',
          'defaultStorageClass',
          'environment',
        ],
      },
      async (cluster, unit) => {
        if (patch.defaultStorageClass !== undefined) {
          this.#checkStorageClass(cluster, patch.defaultStorageClass);
        }
        await assertEnvironmentMayChange(
          cluster.environment,
          patch.environment,
          () => unit.tx.catalogUsage.ofCluster(id, ACTIVE_TICKET_STATUSES),
          `The environment of the cluster '${cluster.name}' cannot change while it runs VMs`,
        );
        const updated: ShepherdCluster = {
          ...cluster,
          displayName: patch.displayName ?? cluster.displayName,
          enabled: patch.enabled ?? cluster.enabled,
          defaultStorageClass:
            patch.defaultStorageClass ?? cluster.defaultStorageClass,
          environment: patch.environment ?? cluster.environment,
          updatedAt: this.context.now(),
        };
        await unit.tx.clusters.update(id, {
          displayName: updated.displayName,
          enabled: updated.enabled,
          defaultStorageClass: updated.defaultStorageClass,
          environment: updated.environment,
          updatedAt: updated.updatedAt,
        });
        return updated;
      },
    );
  }

  async rotateClusterCredentials(actor: Actor, id: string, kubeconfig: string) {
    this.#assertCipher();
    const cluster = await this.getCluster(actor, id);
    const sealed = this.#seal(id, kubeconfig);
    const updated: ShepherdCluster = {
      ...cluster,
      apiServerUrl: sealed.apiServerUrl,
      credentialKeyId: sealed.credentials.encryptionKeyId,
      updatedAt: this.context.now(),
    };
    await this.context.execute(async unit => {
      await unit.tx.clusters.updateCredentials(
        id,
        sealed.credentials,
        updated.updatedAt,
      );
      await unit.tx.clusters.update(id, {
        apiServerUrl: updated.apiServerUrl,
        updatedAt: updated.updatedAt,
      });
      await auditPlatformChange(
        unit,
        actor,
        AUDIT.resourceType,
        AUDIT.credentialRotate,
        updated,
        {
          apiServerUrl: updated.apiServerUrl,
          previousApiServerUrl: cluster.apiServerUrl,
          encryptionKeyId: updated.credentialKeyId,
          previousEncryptionKeyId: cluster.credentialKeyId,
        },
      );
    });
    return updated;
  }

  async deleteCluster(actor: Actor, id: string) {
    const cluster = await this.getCluster(actor, id);
    await this.#registry.delete(
      actor,
      cluster,
      usage => usage.ofCluster(id, ACTIVE_TICKET_STATUSES),
      `The cluster '${cluster.name}' cannot be deleted while it runs VMs; disable it instead`,
    );
  }

  async getClusterKubeconfig(clusterId: string): Promise<string> {
    const credentials = found(
      await this.context.store.clusters.getCredentials(clusterId),
      CLUSTER,
    );
    try {
      return this.cipher.decrypt(
        {
          keyId: credentials.encryptionKeyId,
          ciphertext: credentials.encryptedKubeconfig,
        },
        clusterId,
      );
    } catch (error) {
      if (error instanceof CredentialCipherError) {
        throw unavailable(
          SHEPHERD_ERROR_CODES.CLUSTER_CREDENTIALS_UNREADABLE,
          `The credentials of the cluster cannot be read: ${error.message}`,
        );
      }
      throw error;
    }
  }

  #assertCipher() {
    if (!this.cipher.isConfigured) {
      throw unavailable(
        SHEPHERD_ERROR_CODES.ENCRYPTION_NOT_CONFIGURED,
        `Cluster credentials cannot be stored: no encryption key is configured in ${ENCRYPTION_KEYS_CONFIG_KEY}`,
      );
    }
  }

  #seal(clusterId: string, kubeconfig: string): SealedKubeconfig {
    const check = sanitizeKubeconfig(kubeconfig);
    if (!check.ok) {
      throw check.unsafe
        ? invalidInput(SHEPHERD_ERROR_CODES.KUBECONFIG_UNSAFE, check.message, {
            violations: check.violations,
          })
        : invalidInput(SHEPHERD_ERROR_CODES.KUBECONFIG_INVALID, check.message);
    }
    // The cluster id is the associated data: a ciphertext copied to another row fails to
    // decrypt there.
    const encrypted = this.cipher.encrypt(check.value.kubeconfig, clusterId);
    return {
      credentials: {
        encryptedKubeconfig: encrypted.ciphertext,
        encryptionKeyId: encrypted.keyId,
      },
      apiServerUrl: check.value.apiServerUrl,
    };
  }

  #checkStorageClass(cluster: ShepherdCluster, storageClass: string) {
    // A storage class name is a DNS subdomain.
    if (!isDnsSubdomain(storageClass)) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `'${storageClass}' is not a storage class name`,
      );
    }
    // Before the first health check the cluster's classes are not known yet.
    if (
      cluster.storageClasses.length > 0 &&
      !cluster.storageClasses.includes(storageClass)
    ) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.STORAGE_CLASS_UNKNOWN,
        `The cluster '${cluster.name}' has no storage class '${storageClass}'`,
        { storageClasses: cluster.storageClasses },
      );
    }
  }
}
