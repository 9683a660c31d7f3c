import {
  AuditAction,
  AuditResourceType,
  SHEPHERD_ERROR_CODES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from '../../database/ShepherdStore';
import {
  CatalogUsage,
  CatalogUsageStore,
} from '../../database/stores/catalogUsage/CatalogUsageStore';
import { Actor } from '../Actor';
import { found, insertUniquelyNamed } from '../errors';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';
import {
  PlatformRecord,
  assertUnused,
  auditPlatformChange,
  describeChanges,
} from './platformRules';

/** What the steps of a registry use of its store. */
interface RegistryStore<T> {
  get(id: string): Promise<T | undefined>;
  delete(id: string): Promise<void>;
}

/** How a registry names its records and audits their changes. */
export interface PlatformRegistryOptions<T> {
  /** What "not found" calls a record, e.g. `Instance size`. */
  what: string;
  /** What "already exists" calls a record, e.g. `instance size`. */
  kind: string;
  audit: {
    resourceType: AuditResourceType;
    update: AuditAction;
    delete: AuditAction;
  };
  /** The registry's store, in a transaction's stores or outside one. */
  store: (store: ShepherdStore) => RegistryStore<T>;
}

/**
 * The steps every platform registry (clusters, namespaces, templates, instance sizes) takes
 * the same way: a record or 404, and creating, changing and deleting one in a unit of work
 * with its audit row. What a registry checks, and how it writes, stays with it.
 */
export class PlatformRegistry<T extends PlatformRecord> {
  constructor(
    private readonly context: GovernanceContext,
    private readonly options: PlatformRegistryOptions<T>,
  ) {}

  async get(id: string): Promise<T> {
    return found(
      await this.options.store(this.context.store).get(id),
      this.options.what,
    );
  }

  /**
   * Inserts a new record with `insert`, under a name no other record has (409
   * NAME_ALREADY_EXISTS otherwise), audited with `action` and `details`.
   */
  async create(
    actor: Actor,
    record: T,
    audit: { action: AuditAction; details: Record<string, unknown> },
    insert: (tx: ShepherdStore) => Promise<void>,
  ): Promise<void> {
    await insertUniquelyNamed(this.options.kind, record.name, () =>
      this.context.execute(async unit => {
        await insert(unit.tx);
        await this.#audit(unit, actor, audit.action, record, audit.details);
      }),
    );
  }

  /**
   * Changes a record in a unit of work: `change` checks the current record, writes it and
   * answers it as it is now. The audit row holds the old and new values of the `audited`
   * fields that changed, and only the fact of a change for `opaque` ones.
   */
  async update<K extends keyof T & string>(
    actor: Actor,
    id: string,
    fields: { audited: readonly K[]; opaque?: readonly K[] },
    change: (current: T, unit: UnitOfWork) => Promise<T>,
  ): Promise<T> {
    return this.context.execute(async unit => {
      const current = found(
        await this.options.store(unit.tx).get(id),
        this.options.what,
      );
      const updated = await change(current, unit);
      await this.#audit(unit, actor, this.options.audit.update, updated, {
        changes: describeChanges(
          current,
          updated,
          fields.audited,
          fields.opaque,
        ),
      });
      return updated;
    });
  }

  /**
   * Deletes a record in a unit of work, audited; refused (409 DELETE_RESTRICTED, `refusal`)
   * while `usage` finds VMs or requests that refer to it.
   */
  async delete(
    actor: Actor,
    record: T,
    usage: (catalogUsage: CatalogUsageStore) => Promise<CatalogUsage>,
    refusal: string,
  ): Promise<void> {
    await this.context.execute(async unit => {
      assertUnused(
        await usage(unit.tx.catalogUsage),
        SHEPHERD_ERROR_CODES.DELETE_RESTRICTED,
        refusal,
      );
      await this.options.store(unit.tx).delete(record.id);
      await this.#audit(unit, actor, this.options.audit.delete, record);
    });
  }

  #audit(
    unit: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    record: T,
    details?: Record<string, unknown>,
  ) {
    return auditPlatformChange(
      unit,
      actor,
      this.options.audit.resourceType,
      action,
      record,
      details,
    );
  }
}
