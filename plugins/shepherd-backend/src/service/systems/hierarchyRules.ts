import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  NamedEntity,
  SHEPHERD_ERROR_CODES,
  ShepherdService,
  ShepherdSystem,
  checkResourceName,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdStore } from '../../database/ShepherdStore';
import { Actor } from '../Actor';
import { conflict, found, invalidInput } from '../errors';
import { GovernanceContext, UnitOfWork } from '../GovernanceContext';

/*
 * Rules of the governance hierarchy that Systems, their members and their Services share:
 * names, member refs, and the catalog entities records are registered from.
 */

/** Entity kinds whose refs can be System members. */
const MEMBER_KINDS = new Set(['user', 'group']);

/** Checks the name of a System or Service; answers the soft warnings about it. */
export function checkName(entity: NamedEntity, name: string) {
  const check = checkResourceName(entity, name);
  if (!check.ok) {
    throw invalidInput(check.code, check.message, check.details);
  }
  return check.warnings;
}

/** A member entity ref in its full form, or an error naming what is wrong with it. */
export function normalizeMemberRef(ref: string): string {
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (!MEMBER_KINDS.has(parsed.kind.toLocaleLowerCase('en-US'))) {
      throw new Error('not a User or Group');
    }
    return normalizeEntityRef(stringifyEntityRef(parsed));
  } catch (error) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `'${ref}' is not the entity ref of a User or Group`,
    );
  }
}

/** An entity ref in the catalog's normal form, the kind defaulting to `defaultKind`. */
export function catalogRefOf(entityRef: string, defaultKind: string): string {
  return normalizeEntityRef(
    stringifyEntityRef(parseEntityRef(entityRef, { defaultKind })),
  );
}

/**
 * The System a Component is part of, by Backstage's rule for relative refs: `spec.system`
 * defaults to kind System and to the Component's own namespace. Undefined when the
 * Component names no System, or nothing that parses as a ref.
 */
export function catalogSystemRefOf(component: Entity): string | undefined {
  const system = component.spec?.system;
  if (typeof system !== 'string' || !system) {
    return undefined;
  }
  try {
    return normalizeEntityRef(
      stringifyEntityRef(
        parseEntityRef(system, {
          defaultKind: 'system',
          defaultNamespace: component.metadata.namespace ?? DEFAULT_NAMESPACE,
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/**
 * The catalog entity a record is registered from, read with the user's credentials: what
 * the user cannot see in the catalog cannot be registered either.
 */
export async function readCatalogEntity(
  catalog: Pick<CatalogService, 'getEntityByRef'>,
  actor: Actor,
  entityRef: string,
  kind: 'system' | 'component',
): Promise<Entity> {
  let ref;
  try {
    ref = parseEntityRef(entityRef, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `'${entityRef}' is not an entity ref`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.ENTITY_KIND_INVALID,
      `'${entityRef}' is not a ${kind === 'system' ? 'System' : 'Component'}`,
    );
  }
  // Read with the user's credentials: what the user cannot see in the catalog cannot be
  // registered either.
  const entity: Entity | undefined = await catalog.getEntityByRef(ref, {
    credentials: actor.credentials,
  });
  if (!entity) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.ENTITY_NOT_FOUND,
      `${stringifyEntityRef(ref)} is not in the catalog`,
    );
  }
  return entity;
}

/** The System; 404 when it does not exist. */
export async function loadSystem(
  store: Pick<ShepherdStore, 'systems'>,
  id: string,
): Promise<ShepherdSystem> {
  return found(await store.systems.get(id), 'System');
}

/** The Service; 404 when it does not exist. */
export async function loadService(
  store: Pick<ShepherdStore, 'services'>,
  id: string,
): Promise<ShepherdService> {
  return found(await store.services.get(id), 'Service');
}

/** Refuses to register a catalog entity that Shepherd has registered already. */
export function assertNotRegistered(registered: unknown, ref: string) {
  if (registered) {
    throw conflict(
      SHEPHERD_ERROR_CODES.ALREADY_REGISTERED,
      `${ref} is already registered in Shepherd`,
    );
  }
}

/**
 * Changes the description of a System or Service in a unit of work: `write` stores it,
 * `audit` records the change. Answers the record as it is now.
 */
export async function changeDescription<T extends { updatedAt: string }>(
  context: GovernanceContext,
  record: T,
  description: string,
  write: (
    tx: ShepherdStore,
    patch: { description: string; updatedAt: string },
  ) => Promise<void>,
  audit: (unit: UnitOfWork) => Promise<void>,
): Promise<T & { description: string }> {
  const updatedAt = context.now();
  await context.execute(async unit => {
    await write(unit.tx, { description, updatedAt });
    await audit(unit);
  });
  return { ...record, description, updatedAt };
}
