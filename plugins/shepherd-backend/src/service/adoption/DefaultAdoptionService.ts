import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SHEPHERD_ERROR_CODES,
  SHEPHERD_MANAGER,
  SHEPHERD_MAX_PAGE_SIZE,
  SHEPHERD_PLATFORM_LABELS,
  ShepherdCluster,
  ShepherdPendingAdoption,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdProviderError,
  ShepherdVmRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { randomUUID } from 'node:crypto';
import { NewVm } from '../../database/stores/vms/VmsStore';
import {
  AdoptionDiscovery,
  isShepherdLabelled,
} from '../../periodic/AdoptionDiscovery';
import {
  ClusterConnections,
  ConnectedCluster,
} from '../../providers/ClusterConnections';
import { isClusterUnreachable } from '../../providers/errors';
import { Actor } from '../Actor';
import {
  conflict,
  found,
  invalidInput,
  unavailable,
  writeUnique,
} from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import { ShepherdInstallation } from '../installation/ShepherdInstallation';
import { AdoptionInput, AdoptionService } from './AdoptionService';

/** How often a label write is tried again when the VM changed between read and write. */
const LABEL_ATTEMPTS = 3;

/** The `instance` column's width: longer trailing digits are no instance index. */
const INSTANCE_MAX_LENGTH = 8;

/** The instance of an adopted VM (upstream §2.3): the trailing digits of its name, or `adopted`. */
export function adoptedInstance(vmName: string): string {
  const digits = /(\d+)$/.exec(vmName)?.[1];
  return digits && digits.length <= INSTANCE_MAX_LENGTH ? digits : 'adopted';
}

/**
 * The labels an adopted VM gets: the platform labels of a VM Shepherd created, ownership
 * (this installation, the new VM record) included, but the ticket's (an adopted VM has no
 * request). Nothing else of the VM changes.
 */
export function adoptedVmLabels(vm: {
  installationId: string;
  vmId: string;
  environment: string;
  systemName: string;
  serviceName: string;
  instance: string;
}): Record<string, string> {
  return {
    [SHEPHERD_PLATFORM_LABELS.managedBy]: SHEPHERD_MANAGER,
    [SHEPHERD_PLATFORM_LABELS.installation]: vm.installationId,
    [SHEPHERD_PLATFORM_LABELS.vmId]: vm.vmId,
    [SHEPHERD_PLATFORM_LABELS.environment]: vm.environment,
    [SHEPHERD_PLATFORM_LABELS.system]: vm.systemName,
    [SHEPHERD_PLATFORM_LABELS.service]: vm.serviceName,
    [SHEPHERD_PLATFORM_LABELS.instance]: vm.instance,
  };
}

/** Answers about Shepherd's access to the cluster, not about the VM. */
const CREDENTIALS_REFUSED = [401, 403];

/**
 * Adoption as upstream §4.18 describes it, for VMs without Shepherd's labels: discovery
 * proposes them, a platform admin adopts one into a Service or rejects it.
 *
 * Adopting writes to the cluster first and to the record second. The label write is the
 * step that can be refused (the VM was replaced, changed, or someone else adopted it), and a
 * record must never claim a VM that does not carry its labels; so the record is written only
 * once the cluster has accepted the labels, in one unit of work with the decision, the
 * domain event and the audit row. Should that unit of work fail (the adoption was decided
 * concurrently, the name got a record meanwhile), the labels are taken off again under the
 * resourceVersion the label write produced, so that nothing written since is undone.
 */
export class DefaultAdoptionService implements AdoptionService {
  constructor(
    private readonly context: GovernanceContext,
    private readonly connections: ClusterConnections,
    private readonly discovery: AdoptionDiscovery,
    private readonly installation: ShepherdInstallation,
    private readonly logger: LoggerService,
  ) {}

  async listPendingAdoptions(
    _actor: Actor,
    request: Parameters<AdoptionService['listPendingAdoptions']>[1],
  ) {
    return this.context.store.pendingAdoptions.list(request);
  }

  async discover(actor: Actor, request: { clusterId?: string }) {
    if (request.clusterId) {
      found(
        await this.context.store.clusters.get(request.clusterId),
        'Cluster',
      );
    }
    return this.discovery.run({
      clusterId: request.clusterId,
      discoveredBy: actor.userEntityRef,
    });
  }

  async adopt(actor: Actor, id: string, input: AdoptionInput) {
    const { store } = this.context;
    const adoption = requirePending(
      found(await store.pendingAdoptions.get(id), 'Pending adoption'),
    );
    const service = found(await store.services.get(input.serviceId), 'Service');
    const cluster = found(
      await store.clusters.get(adoption.clusterId),
      'Cluster',
    );
    await this.#checkPlacement(adoption, cluster);

    const vmId = randomUUID();
    const instance = adoptedInstance(adoption.resourceName);
    const labels = adoptedVmLabels({
      installationId: this.installation.id,
      vmId,
      environment: cluster.environment,
      systemName: service.systemName,
      serviceName: service.name,
      instance,
    });
    const ref: ShepherdVmRef = {
      namespace: adoption.namespace,
      name: adoption.resourceName,
    };
    const target = await this.#connect(cluster);
    const labelled = await this.#label(target, ref, adoption, labels);

    const now = this.context.now();
    const vm: NewVm = {
      id: vmId,
      name: adoption.resourceName,
      namespace: adoption.namespace,
      environment: cluster.environment,
      instance,
      status: labelled.status,
      systemId: service.systemId,
      serviceId: service.id,
      clusterId: cluster.id,
      createdBy: actor.userEntityRef,
      cpuCores: adoption.size.cpuCores ?? 0,
      cpuRequest: adoption.size.cpuCores ?? 0,
      memoryGi: adoption.size.memoryGi ?? 0,
      memoryRequestGi: adoption.size.memoryGi ?? 0,
      diskGb: adoption.size.diskGb ?? 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      return await this.context.execute(async unit => {
        const decided = await unit.tx.pendingAdoptions.decide(id, {
          status: 'ADOPTED',
          vmId,
          serviceId: service.id,
          decisionReason: input.reason?.trim() || undefined,
          decidedBy: actor.userEntityRef,
          decidedAt: now,
        });
        if (!decided) throw notPending(adoption);
        await writeUnique(
          () => unit.tx.vms.insert(vm),
          () =>
            conflict(
              SHEPHERD_ERROR_CODES.NAME_ALREADY_EXISTS,
              `A VM named ${vm.name} is already recorded in ${vm.namespace}`,
            ),
        );
        const details = {
          adoptionId: adoption.id,
          clusterId: cluster.id,
          clusterName: cluster.name,
          namespace: adoption.namespace,
          uid: adoption.uid,
          serviceId: service.id,
          serviceName: service.name,
          systemId: service.systemId,
          systemName: service.systemName,
          labels,
          reason: input.reason?.trim() || null,
        };
        await unit.recordFact({
          type: 'VM_ADOPTED',
          aggregateType: 'vm',
          aggregateId: vmId,
          createdBy: actor.userEntityRef,
          payload: { vmId, vmName: vm.name, ...details },
        });
        await unit.audit({
          action: 'adoption.adopted',
          actor: actor.userEntityRef,
          resourceType: 'vm',
          resourceId: vmId,
          resourceName: vm.name,
          parentType: 'service',
          parentId: service.id,
          environment: vm.environment,
          details,
        });
        return {
          adoption: found(
            await unit.tx.pendingAdoptions.get(id),
            'Pending adoption',
          ),
          vm: found(await unit.tx.vms.get(vmId), 'VM'),
        };
      });
    } catch (error) {
      await this.#unlabel(target, ref, adoption, labels, labelled);
      throw error;
    }
  }

  async reject(actor: Actor, id: string, input: { reason: string }) {
    const reason = input.reason?.trim();
    if (!reason) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.REJECT_REASON_REQUIRED,
        'Say why this VM is not adopted: the audit log keeps it',
      );
    }
    return this.context.execute(async unit => {
      const adoption = found(
        await unit.tx.pendingAdoptions.get(id),
        'Pending adoption',
      );
      const decided = await unit.tx.pendingAdoptions.decide(id, {
        status: 'REJECTED',
        decisionReason: reason,
        decidedBy: actor.userEntityRef,
        decidedAt: this.context.now(),
      });
      if (!decided) throw notPending(adoption);
      await unit.audit({
        action: 'adoption.rejected',
        actor: actor.userEntityRef,
        resourceType: 'pending_adoption',
        resourceId: adoption.id,
        resourceName: adoption.resourceName,
        details: {
          clusterId: adoption.clusterId,
          clusterName: adoption.clusterName ?? null,
          namespace: adoption.namespace,
          uid: adoption.uid,
          reason,
        },
      });
      return found(await unit.tx.pendingAdoptions.get(id), 'Pending adoption');
    });
  }

  /** The VM's namespace must be registered, enabled and of the cluster's environment. */
  async #checkPlacement(
    adoption: ShepherdPendingAdoption,
    cluster: ShepherdCluster,
  ) {
    const namespace = await this.context.store.namespaces.getByName(
      adoption.namespace,
    );
    if (!namespace) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.NAMESPACE_NOT_REGISTERED,
        `The namespace '${adoption.namespace}' is not registered in Shepherd`,
      );
    }
    if (!namespace.enabled) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.NAMESPACE_DISABLED,
        `The namespace '${namespace.name}' does not take VMs`,
      );
    }
    if (namespace.environment !== cluster.environment) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CLUSTER_ENVIRONMENT_MISMATCH,
        `${cluster.name} is a ${cluster.environment} cluster; the namespace '${namespace.name}' is ${namespace.environment}`,
      );
    }
    // A first answer; the unique (namespace, name) of the VM table is the guard.
    const recorded = await this.context.store.vms.list({
      offset: 0,
      limit: SHEPHERD_MAX_PAGE_SIZE,
      namespace: adoption.namespace,
      search: adoption.resourceName,
    });
    if (recorded.items.some(vm => vm.name === adoption.resourceName)) {
      throw conflict(
        SHEPHERD_ERROR_CODES.NAME_ALREADY_EXISTS,
        `A VM named ${adoption.resourceName} is already recorded in ${adoption.namespace}`,
      );
    }
  }

  async #connect(cluster: ShepherdCluster): Promise<ConnectedCluster> {
    try {
      return await this.connections.connect(cluster.id);
    } catch (error) {
      if (isClusterUnreachable(error)) {
        throw unavailable(
          SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
          error.message,
        );
      }
      throw error;
    }
  }

  /**
   * Labels the adoption's object on its cluster: read it, check it is still the object that
   * was discovered (uid) and still without Shepherd's labels, then write the labels under the
   * resourceVersion just read. A VM that changed in between is read again.
   */
  async #label(
    { cluster, provider, connection }: ConnectedCluster,
    ref: ShepherdVmRef,
    adoption: ShepherdPendingAdoption,
    labels: Record<string, string>,
  ) {
    if (!provider.labelVirtualMachine) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        `The ${provider.type} provider of ${cluster.name} cannot adopt VMs`,
      );
    }
    for (let attempt = 1; ; attempt++) {
      const state = await provider.getVirtualMachine(connection, ref);
      if (state.status === 'UNKNOWN') {
        throw unavailable(
          SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
          `${cluster.name} could not be asked about ${ref.name}: ${
            state.message ?? 'no answer'
          }`,
        );
      }
      if (state.status === 'NOT_FOUND' || state.uid !== adoption.uid) {
        throw vmChanged(adoption);
      }
      if (isShepherdLabelled(state.labels)) {
        throw conflict(
          SHEPHERD_ERROR_CODES.ADOPTION_NOT_PENDING,
          `${ref.namespace}/${ref.name} carries Shepherd's labels already`,
        );
      }
      try {
        const written = await provider.labelVirtualMachine(
          connection,
          ref,
          labels,
          { uid: adoption.uid, resourceVersion: state.resourceVersion ?? '' },
        );
        return {
          status: state.status,
          resourceVersion: written.resourceVersion,
        };
      } catch (error) {
        if (!(error instanceof ShepherdProviderError)) throw error;
        if (error.kind === 'conflict' && attempt < LABEL_ATTEMPTS) continue;
        throw refusal(error, cluster, adoption);
      }
    }
  }

  /** Takes the labels of a failed adoption off again, if nothing changed the VM since. */
  async #unlabel(
    { provider, connection }: ConnectedCluster,
    ref: ShepherdVmRef,
    adoption: ShepherdPendingAdoption,
    labels: Record<string, string>,
    labelled: { resourceVersion?: string },
  ) {
    const removal = Object.fromEntries(
      Object.keys(labels).map(key => [key, null]),
    );
    try {
      if (!labelled.resourceVersion || !provider.labelVirtualMachine) {
        throw new Error('the label write answered no resourceVersion');
      }
      await provider.labelVirtualMachine(connection, ref, removal, {
        uid: adoption.uid,
        resourceVersion: labelled.resourceVersion,
      });
    } catch (error) {
      // The VM keeps Shepherd's labels without a record: an orphan the reconciler reports.
      this.logger.warn(
        `Adoption of ${ref.namespace}/${ref.name} failed and its labels could not be taken off: ${error}`,
      );
    }
  }
}

function requirePending(adoption: ShepherdPendingAdoption) {
  if (adoption.status !== 'PENDING') throw notPending(adoption);
  return adoption;
}

function notPending(adoption: ShepherdPendingAdoption) {
  return conflict(
    SHEPHERD_ERROR_CODES.ADOPTION_NOT_PENDING,
    `${adoption.namespace}/${adoption.resourceName} was decided already`,
  );
}

function vmChanged(adoption: ShepherdPendingAdoption) {
  return conflict(
    SHEPHERD_ERROR_CODES.ADOPTION_VM_CHANGED,
    `${adoption.namespace}/${adoption.resourceName} is no longer the VM that was discovered (uid ${adoption.uid}): it left the cluster or was replaced`,
  );
}

/** The API's answer to a label write the cluster refused. */
function refusal(
  error: ShepherdProviderError,
  cluster: ShepherdCluster,
  adoption: ShepherdPendingAdoption,
) {
  if (error.kind === 'conflict' || error.statusCode === 404) {
    return vmChanged(adoption);
  }
  if (error.kind === 'transient') {
    return unavailable(SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE, error.message);
  }
  if (CREDENTIALS_REFUSED.includes(error.statusCode ?? 0)) {
    return unavailable(
      SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
      `${cluster.name} refused Shepherd's credentials (HTTP ${error.statusCode}): ${error.message}`,
    );
  }
  return invalidInput(SHEPHERD_ERROR_CODES.VALIDATION_FAILED, error.message);
}
