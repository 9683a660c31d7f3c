import {
  AuditAction,
  AuditResourceType,
  Environment,
  SHEPHERD_ERROR_CODES,
  TICKET_STATUS_GROUPS,
  TicketStatus,
  checkCatalogName,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  KubeVirtFinding,
  introducedFindings,
} from '../../domain/kubevirtAdmission';
import { Actor } from '../Actor';
import { conflict, invalidInput } from '../errors';
import { UnitOfWork } from '../GovernanceContext';
import { CatalogUsage } from '../../database/stores/catalogUsage/CatalogUsageStore';

/** Tickets that still act: what keeps a catalog entry from being deleted. */
export const ACTIVE_TICKET_STATUSES: TicketStatus[] = [
  ...TICKET_STATUS_GROUPS.ACTIVE,
];

/** Longest description of a catalog entry (the namespace column's size). */
export const DESCRIPTION_MAX_LENGTH = 512;

/** Audit vocabulary of the catalogs: resource types and canonical action codes. */
export const CATALOG_AUDIT = {
  namespace: {
    resourceType: 'namespace',
    create: 'namespace.create',
    update: 'namespace.update',
    delete: 'namespace.delete',
  },
  cluster: {
    resourceType: 'cluster',
    register: 'cluster.register',
    update: 'cluster.update',
    credentialRotate: 'cluster.credential_rotate',
    delete: 'cluster.delete',
  },
  template: {
    resourceType: 'template',
    create: 'template.create',
    update: 'template.update',
    delete: 'template.delete',
  },
  instanceSize: {
    resourceType: 'instance_size',
    create: 'instance_size.create',
    update: 'instance_size.update',
    delete: 'instance_size.delete',
  },
} as const;

/** Checks the name of a cluster, template or instance size (a DNS label). */
export function checkDnsLabelName(name: string) {
  const problem = checkCatalogName(name);
  if (problem) {
    throw invalidInput(SHEPHERD_ERROR_CODES.NAME_INVALID, problem, { name });
  }
}

export function checkDescription(description: string | undefined) {
  if (
    description !== undefined &&
    description.length > DESCRIPTION_MAX_LENGTH
  ) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `The description has ${description.length} characters; at most ${DESCRIPTION_MAX_LENGTH} are allowed`,
    );
  }
}

/** Refuses a change (a delete, an environment change) while VMs or tickets refer to the entry. */
export function assertUnused(
  usage: CatalogUsage,
  code:
    | typeof SHEPHERD_ERROR_CODES.DELETE_RESTRICTED
    | typeof SHEPHERD_ERROR_CODES.ENVIRONMENT_IMMUTABLE,
  message: string,
) {
  if (usage.vms > 0 || usage.tickets > 0) {
    throw conflict(
      code,
      `${message}: ${usage.vms} VM(s) and ${usage.tickets} request(s) refer to it`,
      { vms: usage.vms, tickets: usage.tickets },
    );
  }
}

/**
 * Refuses (409 ENVIRONMENT_IMMUTABLE) to move an entry to another environment while `usage`
 * finds VMs or tickets that refer to it: its environment decides their approval and console
 * rules. Usage is looked up only when the environment really changes.
 */
export async function assertEnvironmentMayChange(
  current: Environment,
  patched: Environment | undefined,
  usage: () => Promise<CatalogUsage>,
  message: string,
) {
  if (patched !== undefined && patched !== current) {
    assertUnused(
      await usage(),
      SHEPHERD_ERROR_CODES.ENVIRONMENT_IMMUTABLE,
      message,
    );
  }
}

/**
 * What an update changed, for the audit trail: old and new values of `fields`, and only the
 * fact of a change for `opaqueFields` (large or possibly sensitive, like cloud-init).
 */
export function describeChanges<T extends object>(
  before: T,
  after: T,
  fields: ReadonlyArray<keyof T & string>,
  opaqueFields: ReadonlyArray<keyof T & string> = [],
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of [...fields, ...opaqueFields]) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[field] = opaqueFields.includes(field)
      ? 'changed'
      : { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/**
 * Refuses a catalog entry that gives VMs KubeVirt's admission would refuse (400, the code of
 * the first finding, every finding in `details.violations`). A change is refused only for
 * what it introduces, unless it puts the entry (back) on offer: an entry saved before these
 * rules can still be disabled, deprecated or archived, and is refused at request time.
 */
export function assertKubeVirtAdmits(
  findings: readonly KubeVirtFinding[],
  options: { before?: readonly KubeVirtFinding[]; offered?: boolean } = {},
  details: Record<string, unknown> = {},
) {
  const refused =
    options.before && !options.offered
      ? introducedFindings(options.before, findings)
      : findings;
  const [first] = refused;
  if (first) {
    throw invalidInput(
      first.code,
      refused.map(finding => finding.message).join('; '),
      {
        ...details,
        violations: refused.map(({ code, field, rule, message }) => ({
          code,
          field,
          rule,
          message,
        })),
      },
    );
  }
}

/** A record of the platform: a cluster, namespace, template or instance size. */
export interface PlatformRecord {
  id: string;
  name: string;
  /** For those that have one: clusters and namespaces. */
  environment?: Environment;
}

/** Audits a change of a platform record (with its environment, for those that have one). */
export async function auditPlatformChange(
  unit: UnitOfWork,
  actor: Actor,
  resourceType: AuditResourceType,
  action: AuditAction,
  record: PlatformRecord,
  details: Record<string, unknown> = {},
) {
  await unit.audit({
    action,
    actor: actor.userEntityRef,
    resourceType,
    resourceId: record.id,
    resourceName: record.name,
    environment: record.environment,
    details,
  });
}
