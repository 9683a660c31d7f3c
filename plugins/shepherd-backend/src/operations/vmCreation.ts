import {
  ApprovalDecision,
  ClusterCandidate,
  KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES,
  MAX_INSTANCE_INDEX,
  SHEPHERD_ERROR_CODES,
  ShepherdCluster,
  ShepherdService,
  ShepherdTemplate,
  ShepherdTicket,
  ShepherdVm,
  ShepherdWarning,
  VmRequestSpec,
  VmSpec,
  checkSshPublicKey,
  cloudInitLoginUser,
  shepherdVmCreatePermission,
  withSshAuthorizedKey,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdClusterConnection,
  ShepherdNotOwnedError,
  ShepherdProviderError,
  ShepherdVmDefinition,
  ShepherdVmProvider,
  ShepherdVmRuntimeState,
  isOwnedBy,
  isShepherdNotOwnedError,
  readShepherdOwnership,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { createHash, randomUUID } from 'node:crypto';
import {
  MANY_REMOVED_FIELDS,
  SpecViolation,
  checkEffectiveSpec,
  checkSpecReplacement,
  requestedSpec,
  vmSpecOf,
} from '../domain/vmSpec';
import { PermanentJobError } from '../queue/JobWorker';
import {
  conflict,
  invalidInput,
  found,
  notFound,
  writeUnique,
} from '../service/errors';
import { ShepherdInstallation } from '../service/installation/ShepherdInstallation';
import { OperationDependencies } from './OperationDependencies';
import { GeneratedVmName, generateVmName } from './vmNames';
import { vmOwner } from './vmOwnership';
import { VmOperation } from './VmOperation';
import { checkResourceSteps, requireReason } from './vmRequests';

/** The queue's kind of the job that creates a VM. */
export const CREATE_VM_JOB = 'vm.create';

/** Refuses (400) a spec that breaks a rule: the first broken rule answers, all are listed. */
function refuseViolations(violations: SpecViolation[]) {
  if (violations.length > 0) {
    throw invalidInput(violations[0].code, violations[0].message, {
      violations,
    });
  }
}

/**
 * The SSH public key of a request, checked and normalised; undefined when none was given.
 * Refuses (400 SSH_PUBLIC_KEY_INVALID) anything that is not one accepted public key.
 */
function requestedSshKey(input: string | undefined): string | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  const check = checkSshPublicKey(input);
  if (!check.ok) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.SSH_PUBLIC_KEY_INVALID,
      check.message,
      { field: 'sshPublicKey' },
    );
  }
  return check.key;
}

/**
 * The template's findings, and the VM's cloud-init with the requester's key added checked
 * against KubeVirt's inline limit: a key that pushes a template that fits over it is the
 * key's problem, so it is refused with the key's code (the template keeps its own findings).
 */
function templateWithSshKey(
  template: ShepherdTemplate,
  sshPublicKey: string | undefined,
  check: (template: ShepherdTemplate) => SpecViolation[],
): SpecViolation[] {
  const own = check(template);
  if (sshPublicKey === undefined || own.length > 0) return own;
  const userData = withSshAuthorizedKey(template.cloudInit, sshPublicKey);
  const bytes = Buffer.byteLength(userData);
  if (bytes > KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES) {
    return [
      {
        code: SHEPHERD_ERROR_CODES.SSH_PUBLIC_KEY_INVALID,
        field: 'sshPublicKey',
        message: `The SSH public key does not fit into the VM's cloud-init: with the template's user data it would have ${bytes} bytes; KubeVirt accepts at most ${KUBEVIRT_CLOUD_INIT_USER_DATA_MAX_BYTES} bytes inline. Use a shorter key, such as ssh-ed25519`,
      },
    ];
  }
  return check({ ...template, cloudInit: userData });
}

/** Clusters an approver chooses from (the registry is small; this bounds the read). */
const CLUSTER_CANDIDATES_LIMIT = 1000;

/** Why a cluster cannot take a new VM of an environment, or undefined when it can. */
export function clusterIneligibility(
  cluster: ShepherdCluster,
  environment: ShepherdTicket['environment'],
): { code: string; message: string } | undefined {
  if (cluster.environment !== environment) {
    return {
      code: SHEPHERD_ERROR_CODES.CLUSTER_ENVIRONMENT_MISMATCH,
      message: `${cluster.name} is a ${cluster.environment} cluster; the namespace is ${environment}`,
    };
  }
  if (!cluster.enabled) {
    return {
      code: SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
      message: `${cluster.name} is disabled`,
    };
  }
  if (cluster.status === 'UNREACHABLE') {
    return {
      code: SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
      message: `${cluster.name} is unreachable`,
    };
  }
  return undefined;
}

/**
 * What the provider applies for a VM: the template and instance size frozen on the approved
 * ticket, and the VM's effective spec. Later catalog edits never reach an existing VM.
 */
export function vmDefinition(
  vm: ShepherdVm,
  ticket: ShepherdTicket,
  installation: ShepherdInstallation,
): ShepherdVmDefinition {
  if (!ticket.templateSnapshot || !ticket.instanceSizeSnapshot) {
    throw new PermanentJobError(
      `Ticket ${ticket.id} has no template or instance size snapshot`,
    );
  }
  return {
    name: vm.name,
    namespace: vm.namespace,
    environment: vm.environment,
    systemName: vm.systemName,
    serviceName: vm.serviceName,
    instance: vm.instance,
    ticketId: ticket.id,
    installationId: installation.id,
    vmId: vm.id,
    template: ticket.templateSnapshot,
    instanceSize: ticket.instanceSizeSnapshot,
    spec: {
      ...vmSpecOf(vm),
      templateId: ticket.templateSnapshot.id,
      instanceSizeId: ticket.instanceSizeSnapshot.id,
    },
    ...sshKeyOf(ticket),
    running: true,
  };
}

/** The requester's SSH public key of a create ticket, as a definition carries it. */
/** What a create ticket's requester asked for: the request as validated at submission. */
function requestOf(ticket: ShepherdTicket): VmRequestSpec {
  return ticket.requestSpec as unknown as VmRequestSpec;
}

function sshKeyOf(ticket: ShepherdTicket): { sshPublicKey?: string } {
  const sshPublicKey = requestOf(ticket)?.sshPublicKey;
  return sshPublicKey ? { sshPublicKey } : {};
}

/**
 * The id of the VM a create ticket creates: derived from the ticket (a create ticket creates
 * one VM), so that the manifest an approver previews, the preflight's dry run and the VM
 * the job applies carry the same `vm-id` label. A UUID (name-based, RFC 4122 version 5
 * layout over SHA-256), as record ids are.
 */
export function vmIdOfCreation(ticketId: string): string {
  const hash = createHash('sha256').update(`vm-of-ticket:${ticketId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function vmNameTooLong(
  { name, maxLength }: GeneratedVmName,
  details?: Record<string, unknown>,
) {
  return invalidInput(
    SHEPHERD_ERROR_CODES.VM_NAME_TOO_LONG,
    `The VM name '${name}' would have ${name.length} characters; at most ${maxLength} are allowed`,
    details,
  );
}

/** A checked approval of a new VM, ready to be written. */
export interface CreationPlan {
  /** The id the VM's record will have: its objects are labelled with it from the preflight on. */
  vmId: string;
  cluster: ShepherdCluster;
  spec: VmSpec;
  /** Whether the approver replaced the requested spec. */
  replaced: boolean;
  templateSnapshot: NonNullable<ShepherdTicket['templateSnapshot']>;
  instanceSizeSnapshot: NonNullable<ShepherdTicket['instanceSizeSnapshot']>;
  warnings: ShepherdWarning[];
}

/**
 * Creating a VM for a Service in a namespace: always approved. The approver picks the
 * cluster (and may change the spec); the cluster validates the exact VM in a dry run before
 * the approval records the VM under its generated name; the job applies it and follows it
 * until it runs.
 */
export function vmCreation({
  context,
  preflight,
  renderer,
  logger,
  installation,
}: OperationDependencies): VmOperation<'create', CreationPlan> {
  const { store } = context;

  async function planCreation(
    ticket: ShepherdTicket,
    decision: Pick<ApprovalDecision, 'clusterId' | 'storageClass' | 'spec'>,
  ): Promise<CreationPlan> {
    if (!decision.clusterId) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CLUSTER_REQUIRED,
        'Choose the cluster the VM will run on',
      );
    }
    const cluster = await store.clusters.get(decision.clusterId);
    if (!cluster) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
        `There is no cluster ${decision.clusterId}`,
      );
    }
    const ineligible = clusterIneligibility(cluster, ticket.environment);
    if (
      ineligible?.code === SHEPHERD_ERROR_CODES.CLUSTER_ENVIRONMENT_MISMATCH
    ) {
      throw invalidInput(ineligible.code, ineligible.message);
    }
    if (ineligible) {
      throw conflict(
        SHEPHERD_ERROR_CODES.CLUSTER_UNAVAILABLE,
        ineligible.message,
      );
    }

    const request = requestOf(ticket);
    const requestedSize = await store.instanceSizes.get(request.instanceSizeId);
    if (!requestedSize) {
      throw conflict(
        SHEPHERD_ERROR_CODES.NOT_IN_CATALOG,
        'The requested instance size no longer exists; reject the request',
      );
    }
    const requested = requestedSpec(request, requestedSize);
    let spec: VmSpec = requested;
    if (decision.spec) {
      const replacement = decision.spec as unknown as Record<string, unknown>;
      const { violations, removedFields } = checkSpecReplacement(
        requested as unknown as Record<string, unknown>,
        replacement,
      );
      refuseViolations(violations);
      if (removedFields.length >= MANY_REMOVED_FIELDS) {
        logger.warn(
          `Approval of ticket ${ticket.id} removes ${
            removedFields.length
          } fields of the requested spec: ${removedFields.join(', ')}`,
        );
      }
      spec = {
        ...decision.spec,
        cpuRequest: decision.spec.cpuRequest ?? decision.spec.cpuCores,
        memoryRequestGi:
          decision.spec.memoryRequestGi ?? decision.spec.memoryGi,
      };
    }
    const storageClass = decision.storageClass ?? spec.storageClass;
    if (
      storageClass !== undefined &&
      !cluster.storageClasses.includes(storageClass)
    ) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.STORAGE_CLASS_UNKNOWN,
        `${cluster.name} has no storage class '${storageClass}'`,
        { storageClasses: cluster.storageClasses },
      );
    }
    spec = {
      ...spec,
      storageClass: storageClass ?? cluster.defaultStorageClass,
    };

    const template = await store.templates.get(spec.templateId);
    const size = await store.instanceSizes.get(spec.instanceSizeId);
    if (!template || !size) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.NOT_IN_CATALOG,
        !template ? 'Unknown template' : 'Unknown instance size',
      );
    }
    let warnings: ShepherdWarning[] = [];
    refuseViolations(
      templateWithSshKey(template, request.sshPublicKey, checked => {
        const check = checkEffectiveSpec(
          spec,
          checked,
          size,
          ticket.environment,
        );
        warnings = check.warnings;
        return check.violations;
      }),
    );
    return {
      vmId: vmIdOfCreation(ticket.id),
      cluster,
      spec,
      replaced: decision.spec !== undefined,
      templateSnapshot: template,
      instanceSizeSnapshot: size,
      warnings,
    };
  }

  /**
   * The definition the create job would apply. Its name carries the Service's next instance
   * index; a concurrent approval may take that index first, which changes the name only.
   */
  async function prospectiveDefinition(
    ticket: ShepherdTicket,
    plan: CreationPlan,
  ): Promise<
    { definition: ShepherdVmDefinition; name: GeneratedVmName } | undefined
  > {
    const service = await store.services.get(ticket.serviceId);
    if (!service) return undefined;
    const name = await generateVmName(store, ticket, service.nextInstanceIndex);
    return { name, definition: prospective(ticket, plan, service, name) };
  }

  function prospective(
    ticket: ShepherdTicket,
    plan: CreationPlan,
    service: ShepherdService,
    { name }: GeneratedVmName,
  ): ShepherdVmDefinition {
    return {
      name,
      namespace: ticket.namespace,
      environment: ticket.environment,
      systemName: ticket.systemName,
      serviceName: ticket.serviceName,
      instance: String(service.nextInstanceIndex).padStart(2, '0'),
      ticketId: ticket.id,
      installationId: installation.id,
      vmId: plan.vmId,
      template: plan.templateSnapshot,
      instanceSize: plan.instanceSizeSnapshot,
      spec: plan.spec,
      ...sshKeyOf(ticket),
      running: true,
    };
  }

  /**
   * A name taken on the cluster by an object that is not Shepherd's must not block the
   * Service: its instance index is skipped (if no approval took it meanwhile), so that the
   * next approval proposes the next name. The foreign object is left as it is.
   */
  async function passForeignName(
    ticket: ShepherdTicket,
    definition: ShepherdVmDefinition,
    error: unknown,
  ): Promise<unknown> {
    if (
      (error as { code?: unknown }).code !==
      SHEPHERD_ERROR_CODES.VM_NAME_CONFLICT
    ) {
      return error;
    }
    const index = Number(definition.instance);
    const skipped = await store.services.skipInstanceIndex(
      ticket.serviceId,
      index,
    );
    const { name: next } = await generateVmName(store, ticket, index + 1);
    const { message, details } = error as Error & {
      details?: Record<string, unknown>;
    };
    logger.warn(
      `Approval of ticket ${ticket.id}: ${message}${
        skipped ? `; the Service's VMs continue with ${next}` : ''
      }`,
    );
    return conflict(
      SHEPHERD_ERROR_CODES.VM_NAME_CONFLICT,
      skipped
        ? `${message}. Approve again to create the VM as ${next}`
        : `${message}. Approve again to create the VM under the Service's next name`,
      { ...details, ...(skipped && { nextVmName: next }) },
    );
  }

  async function candidates(
    ticket: ShepherdTicket,
  ): Promise<ClusterCandidate[]> {
    const clusters = await store.clusters.list({
      offset: 0,
      limit: CLUSTER_CANDIDATES_LIMIT,
    });
    const all = clusters.items.map(cluster => {
      const ineligible = clusterIneligibility(cluster, ticket.environment);
      return {
        id: cluster.id,
        name: cluster.name,
        displayName: cluster.displayName,
        environment: cluster.environment,
        status: cluster.status,
        enabled: cluster.enabled,
        storageClasses: cluster.storageClasses,
        defaultStorageClass: cluster.defaultStorageClass,
        eligible: !ineligible,
        reasonCode: ineligible?.code,
        reason: ineligible?.message,
      };
    });
    return [...all].sort((a, b) => Number(b.eligible) - Number(a.eligible));
  }

  return {
    name: 'create',
    ticketOperation: 'CREATE',
    governs: ['CREATE'],
    permission: shepherdVmCreatePermission,
    verb: () => 'request VMs for',

    async loadTarget({ input }) {
      return {
        service: found(await store.services.get(input.serviceId), 'Service'),
        namespace: found(
          await store.namespaces.getByName(input.namespace),
          'Namespace',
        ),
      };
    },

    async prepare({ actor, target: { service, namespace }, input }) {
      const reason = requireReason(input.reason);
      if (!namespace.enabled) {
        throw invalidInput(
          SHEPHERD_ERROR_CODES.NAMESPACE_DISABLED,
          `The namespace '${namespace.name}' does not take new VMs`,
        );
      }
      const template = await store.templates.get(input.templateId);
      if (!template || template.status === 'archived') {
        throw notFound('Template');
      }
      const size = found(
        await store.instanceSizes.get(input.instanceSizeId),
        'Instance size',
      );
      checkResourceSteps(input);
      const sshPublicKey = requestedSshKey(input.sshPublicKey);
      const request: VmRequestSpec = {
        serviceId: service.id,
        namespace: namespace.name,
        templateId: template.id,
        instanceSizeId: size.id,
        targetCpuCores: input.targetCpuCores,
        targetMemoryGi: input.targetMemoryGi,
        targetDiskGb: input.targetDiskGb,
        ...(sshPublicKey && { sshPublicKey }),
      };
      const spec = requestedSpec(request, size);
      refuseViolations(
        templateWithSshKey(
          template,
          sshPublicKey,
          checked =>
            checkEffectiveSpec(spec, checked, size, namespace.environment)
              .violations,
        ),
      );
      return {
        governed: 'CREATE',
        environment: namespace.environment,
        ticket: {
          operation: 'CREATE',
          eventType: 'VM_CREATION_REQUESTED',
          // Identical parameters make a duplicate; a different shape is a different request.
          target: [
            service.id,
            namespace.name,
            template.id,
            size.id,
            spec.cpuCores,
            spec.memoryGi,
            spec.diskGb,
          ].join(':'),
          reason,
          environment: namespace.environment,
          systemId: service.systemId,
          systemName: service.systemName,
          serviceId: service.id,
          serviceName: service.name,
          namespace: namespace.name,
          requestSpec: { ...request },
          payload: {
            requester: actor.userEntityRef,
            serviceId: service.id,
            serviceName: service.name,
            systemId: service.systemId,
            systemName: service.systemName,
            namespace: namespace.name,
            templateId: template.id,
            templateName: template.name,
            instanceSizeId: size.id,
            instanceSizeName: size.name,
            reason,
            targetCpuCores: spec.cpuCores,
            targetMemoryGi: spec.memoryGi,
            targetDiskGb: spec.diskGb,
          },
          auditAction: 'vm.request',
        },
      };
    },

    approval: {
      decisionFields: ['clusterId', 'storageClass', 'spec'],

      async preview(ticket) {
        const size = await store.instanceSizes.get(
          String(ticket.requestSpec.instanceSizeId),
        );
        const template = await store.templates.get(
          String(ticket.requestSpec.templateId),
        );
        const details: Awaited<
          ReturnType<NonNullable<VmOperation<'create'>['approval']['preview']>>
        > = { clusters: await candidates(ticket) };
        if (size && template) {
          const spec = requestedSpec(requestOf(ticket), size);
          details.effectiveSpec = spec;
          details.warnings = checkEffectiveSpec(
            spec,
            template,
            size,
            ticket.environment,
          ).warnings;
        }
        return details;
      },

      // Checked as an approval is, rendered by the cluster's provider, nothing written.
      async manifest(ticket, request) {
        const plan = await planCreation(ticket, request);
        const prospect = await prospectiveDefinition(ticket, plan);
        if (!prospect) throw notFound('Service');
        const { definition, name } = prospect;
        if (name.name.length > name.maxLength) {
          throw vmNameTooLong(name);
        }
        const rendered = renderer.render(plan.cluster, definition);
        return {
          vmName: definition.name,
          provider: rendered?.provider,
          manifest: rendered?.manifest,
        };
      },

      async plan(ticket, decision) {
        const plan = await planCreation(ticket, decision);
        // The cluster's preflight dry-runs the VM the approval would create (see
        // prospectiveDefinition on its name). A missing Service or a name too long is
        // refused in the unit of work.
        const prospect = await prospectiveDefinition(ticket, plan);
        if (prospect && prospect.name.name.length <= prospect.name.maxLength) {
          try {
            await preflight.checkCreate(plan.cluster, prospect.definition);
          } catch (error) {
            throw await passForeignName(ticket, prospect.definition, error);
          }
        }
        return { plan, warnings: plan.warnings };
      },

      async write(unit, { actor, ticket, plan, decidedAt }) {
        const index = await unit.tx.services.takeInstanceIndex(
          ticket.serviceId,
        );
        if (index > MAX_INSTANCE_INDEX) {
          throw conflict(
            SHEPHERD_ERROR_CODES.INSTANCE_INDEX_EXHAUSTED,
            `The Service '${ticket.serviceName}' has used all ${MAX_INSTANCE_INDEX} VM indexes`,
          );
        }
        const generated = await generateVmName(unit.tx, ticket, index);
        const vmName = generated.name;
        if (vmName.length > generated.maxLength) {
          throw vmNameTooLong(generated, {
            namespace: ticket.namespace,
            system: ticket.systemName,
            service: ticket.serviceName,
          });
        }
        const { vmId } = plan;
        await writeUnique(
          () =>
            unit.tx.vms.insert({
              id: vmId,
              name: vmName,
              namespace: ticket.namespace,
              environment: ticket.environment,
              instance: String(index).padStart(2, '0'),
              status: 'CREATING',
              systemId: ticket.systemId,
              serviceId: ticket.serviceId,
              clusterId: plan.cluster.id,
              ticketId: ticket.id,
              createdBy: ticket.requester,
              templateId: plan.spec.templateId,
              instanceSizeId: plan.spec.instanceSizeId,
              cpuCores: plan.spec.cpuCores,
              cpuRequest: plan.spec.cpuRequest,
              memoryGi: plan.spec.memoryGi,
              memoryRequestGi: plan.spec.memoryRequestGi,
              diskGb: plan.spec.diskGb,
              storageClass: plan.spec.storageClass,
              sshUser: cloudInitLoginUser(plan.templateSnapshot.cloudInit),
              createdAt: decidedAt,
              updatedAt: decidedAt,
            }),
          () =>
            conflict(
              SHEPHERD_ERROR_CODES.VM_STATE_CONFLICT,
              `A VM named ${vmName} already exists in ${ticket.namespace}`,
            ),
        );
        await unit.tx.revisions.insert({
          id: randomUUID(),
          vmId,
          revision: 1,
          spec: plan.spec,
          changeReason: ticket.reason,
          changedBy: actor.userEntityRef,
          ticketId: ticket.id,
          createdAt: decidedAt,
        });
        return {
          ticket: {
            clusterId: plan.cluster.id,
            vmId,
            vmName,
            templateSnapshot: plan.templateSnapshot,
            instanceSizeSnapshot: plan.instanceSizeSnapshot,
            modifiedSpec: plan.replaced ? plan.spec : undefined,
          },
          clusterId: plan.cluster.id,
          audit: {
            decision: 'approved',
            details: {
              clusterId: plan.cluster.id,
              clusterName: plan.cluster.name,
              vmName,
              spec: plan.spec,
              specReplaced: plan.replaced,
              warnings: plan.warnings.map(w => w.code),
            },
          },
        };
      },
    },

    job: {
      kind: CREATE_VM_JOB,
      async run(job) {
        const { vm, provider, connection } = await job.connect();
        const { ticket } = job.job;
        if (!ticket) {
          throw new PermanentJobError('A VM creation needs its ticket');
        }
        await job.markExecuting();
        const definition = vmDefinition(vm, ticket, installation);
        const owner = vmOwner(vm, installation);
        let state = await readKnownState(provider, connection, vm);
        try {
          if (state.status === 'NOT_FOUND') {
            await provider.ensureNamespace(
              connection,
              vm.namespace,
              vm.environment,
              { installationId: installation.id },
            );
            // Creates the VM, or refuses an object someone created under its name meanwhile.
            await provider.applyVirtualMachine(connection, definition);
            state = await readKnownState(provider, connection, vm);
          }
          if (state.status !== 'NOT_FOUND' && !isOwnedBy(state.labels, owner)) {
            // An object of the name that is not this VM is never followed as if it were.
            throw new ShepherdNotOwnedError(
              vm,
              readShepherdOwnership(state.labels),
              {
                objectKind: 'A VirtualMachine',
              },
            );
          }
        } catch (error) {
          if (isShepherdNotOwnedError(error)) {
            throw new PermanentJobError(
              `${SHEPHERD_ERROR_CODES.VM_NAME_CONFLICT}: ${error.message}`,
              { cause: error },
            );
          }
          throw error;
        }
        if (state.status === 'FAILED') {
          throw new PermanentJobError(
            `The VM failed on the cluster: ${
              state.message ?? 'no reason given'
            }`,
          );
        }
        if (state.status === 'RUNNING') {
          await job.complete(unit =>
            unit.tx.vms.update(vm.id, {
              status: 'RUNNING',
              statusMessage: state.message ?? undefined,
              updatedAt: job.now(),
            }),
          );
          return undefined;
        }
        await job.observe(vm, state);
        return job.follow(`Creating ${vm.name}`);
      },
    },
  };
}

/**
 * The VM's state on its cluster, or a transient error the queue retries when the cluster
 * could not be asked: an UNKNOWN state carries no labels, and must never be taken for an
 * object someone else created under the VM's name.
 */
async function readKnownState(
  provider: ShepherdVmProvider,
  connection: ShepherdClusterConnection,
  vm: ShepherdVm,
): Promise<ShepherdVmRuntimeState> {
  const state = await provider.getVirtualMachine(connection, vm);
  if (state.status === 'UNKNOWN') {
    throw new ShepherdProviderError(
      'transient',
      state.message ?? `The state of ${vm.name} could not be read`,
    );
  }
  return state;
}
