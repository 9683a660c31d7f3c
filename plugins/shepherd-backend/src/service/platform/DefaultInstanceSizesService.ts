import {
  SHEPHERD_ERROR_CODES,
  ShepherdInstanceSize,
  ShepherdWarning,
  checkComputeShape,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { checkKubeVirtLimits } from '../../domain/kubevirtAdmission';
import { checkSpecOverrides } from '../../domain/specOverrides';
import { Actor } from '../Actor';
import { invalidInput } from '../errors';
import { GovernanceContext } from '../GovernanceContext';
import {
  InstanceSizeInput,
  InstanceSizePatch,
  InstanceSizesService,
} from './InstanceSizesService';
import {
  ACTIVE_TICKET_STATUSES,
  CATALOG_AUDIT,
  assertKubeVirtAdmits,
  checkDnsLabelName,
} from './platformRules';
import { PlatformRegistry } from './PlatformRegistry';

const AUDIT = CATALOG_AUDIT.instanceSize;

const AUDITED_FIELDS = [
  'displayName',
  'description',
  'catalogScope',
  'enabled',
  'sortOrder',
  'cpuCores',
  'cpuRequest',
  'memoryGi',
  'memoryRequestGi',
  'diskGb',
  'dedicatedCpu',
  'requiresGpu',
  'requiresSriov',
  'requiresHugepages',
  'hugepagesSize',
  'specOverrides',
] as const;

/**
 * Checks a size as it would be saved: its compute shape, its hugepages and its overrides,
 * then the VMs it renders to against KubeVirt's admission rules (on an update only what the
 * update introduces, unless it puts the size on offer; see {@link assertKubeVirtAdmits}).
 * Returns the soft warnings: overcommit in a size offered to production.
 */
function checkSize(
  size: ShepherdInstanceSize,
  before?: ShepherdInstanceSize,
): ShepherdWarning[] {
  const offeredInProd =
    size.catalogScope === 'prod' || size.catalogScope === 'all';
  const shape = checkComputeShape(size, offeredInProd ? 'prod' : undefined);
  const [first] = shape.errors;
  if (first) {
    throw invalidInput(
      first.code,
      shape.errors.map(error => error.message).join('; '),
      { findings: shape.errors },
    );
  }
  if (size.requiresHugepages !== (size.hugepagesSize !== undefined)) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      size.requiresHugepages
        ? 'A size that requires hugepages needs hugepagesSize'
        : 'hugepagesSize is only allowed on sizes that require hugepages',
      { field: 'hugepagesSize' },
    );
  }
  const violations = checkSpecOverrides(size.specOverrides);
  if (violations.length > 0) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.INVALID_SPEC_OVERRIDES,
      violations.map(violation => violation.message).join('; '),
      { violations },
    );
  }
  assertKubeVirtAdmits(kubeVirtFindings(size), {
    before: before && kubeVirtFindings(before),
    offered: isOffered(size) && !(before && isOffered(before)),
  });
  return shape.warnings;
}

/** Whether requesters can choose the size somewhere. */
function isOffered(size: ShepherdInstanceSize): boolean {
  return size.enabled && size.catalogScope !== 'unclassified';
}

/** What KubeVirt's admission would refuse in the VMs of a size (its own shape). */
function kubeVirtFindings(size: ShepherdInstanceSize) {
  return checkKubeVirtLimits({ instanceSize: size, shape: size });
}

/**
 * A request that follows its limit: when a patch changes the limit but not the request, a
 * size without overcommit stays without it.
 */
function followLimit(
  patchedRequest: number | undefined,
  patchedLimit: number | undefined,
  request: number,
  limit: number,
): number {
  if (patchedRequest !== undefined) return patchedRequest;
  if (patchedLimit !== undefined && request === limit) return patchedLimit;
  return request;
}

/**
 * The instance sizes: CPU, memory, disk and capability requirements, plus admin-only KubeVirt
 * overrides. Requests default to the limits, so overcommit is always a deliberate choice.
 */
export class DefaultInstanceSizesService implements InstanceSizesService {
  readonly #registry: PlatformRegistry<ShepherdInstanceSize>;

  constructor(private readonly context: GovernanceContext) {
    this.#registry = new PlatformRegistry(context, {
      what: 'Instance size',
      kind: 'instance size',
      audit: AUDIT,
      store: store => store.instanceSizes,
    });
  }

  async listInstanceSizes(
    _actor: Actor,
    request: Parameters<InstanceSizesService['listInstanceSizes']>[1],
  ) {
    return this.context.store.instanceSizes.list({
      offset: request.offset,
      limit: request.limit,
      enabled: request.enabled,
      catalogScopes: request.catalogScope ? [request.catalogScope] : undefined,
    });
  }

  async getInstanceSize(_actor: Actor, id: string) {
    return this.#registry.get(id);
  }

  async createInstanceSize(actor: Actor, input: InstanceSizeInput) {
    checkDnsLabelName(input.name);
    const now = this.context.now();
    const size: ShepherdInstanceSize = {
      id: randomUUID(),
      name: input.name,
      displayName: input.displayName ?? input.name,
      description: input.description ?? '',
      catalogScope: input.catalogScope ?? 'unclassified',
      enabled: input.enabled ?? true,
      sortOrder: input.sortOrder ?? 0,
      cpuCores: input.cpuCores,
      cpuRequest: input.cpuRequest ?? input.cpuCores,
      memoryGi: input.memoryGi,
      memoryRequestGi: input.memoryRequestGi ?? input.memoryGi,
      diskGb: input.diskGb,
      dedicatedCpu: input.dedicatedCpu ?? false,
      requiresGpu: input.requiresGpu ?? false,
      requiresSriov: input.requiresSriov ?? false,
      requiresHugepages: input.requiresHugepages ?? false,
      hugepagesSize: input.hugepagesSize,
      specOverrides: input.specOverrides ?? {},
      createdBy: actor.userEntityRef,
      createdAt: now,
      updatedAt: now,
    };
    const warnings = checkSize(size);
    await this.#registry.create(
      actor,
      size,
      {
        action: AUDIT.create,
        details: {
          catalogScope: size.catalogScope,
          cpuCores: size.cpuCores,
          cpuRequest: size.cpuRequest,
          memoryGi: size.memoryGi,
          memoryRequestGi: size.memoryRequestGi,
          diskGb: size.diskGb,
          dedicatedCpu: size.dedicatedCpu,
        },
      },
      tx => tx.instanceSizes.insert(size),
    );
    return { item: size, warnings };
  }

  async updateInstanceSize(actor: Actor, id: string, patch: InstanceSizePatch) {
    return this.#registry.update(
      actor,
      id,
      { audited: AUDITED_FIELDS },
      async (size, unit) => {
        const updated: ShepherdInstanceSize = {
          ...size,
          displayName: patch.displayName ?? size.displayName,
          description: patch.description ?? size.description,
          catalogScope: patch.catalogScope ?? size.catalogScope,
          enabled: patch.enabled ?? size.enabled,
          sortOrder: patch.sortOrder ?? size.sortOrder,
          cpuCores: patch.cpuCores ?? size.cpuCores,
          cpuRequest: followLimit(
            patch.cpuRequest,
            patch.cpuCores,
            size.cpuRequest,
            size.cpuCores,
          ),
          memoryGi: patch.memoryGi ?? size.memoryGi,
          memoryRequestGi: followLimit(
            patch.memoryRequestGi,
            patch.memoryGi,
            size.memoryRequestGi,
            size.memoryGi,
          ),
          diskGb: patch.diskGb ?? size.diskGb,
          dedicatedCpu: patch.dedicatedCpu ?? size.dedicatedCpu,
          requiresGpu: patch.requiresGpu ?? size.requiresGpu,
          requiresSriov: patch.requiresSriov ?? size.requiresSriov,
          requiresHugepages: patch.requiresHugepages ?? size.requiresHugepages,
          hugepagesSize:
            patch.hugepagesSize === null
              ? undefined
              : patch.hugepagesSize ?? size.hugepagesSize,
          specOverrides: patch.specOverrides ?? size.specOverrides,
          updatedAt: this.context.now(),
        };
        checkSize(updated, size);
        await unit.tx.instanceSizes.replace(updated);
        return updated;
      },
    );
  }

  async deleteInstanceSize(actor: Actor, id: string) {
    const size = await this.getInstanceSize(actor, id);
    await this.#registry.delete(
      actor,
      size,
      usage => usage.ofInstanceSize(id, ACTIVE_TICKET_STATUSES),
      `The instance size '${size.name}' cannot be deleted; disable it instead`,
    );
  }
}
