import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  MEMBER_ROLES,
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_ENTITY_ACCESS_FIELDS,
  SHEPHERD_PLATFORM_LABELS,
  ShepherdRecordKind,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { SHEPHERD_RULE_NAMES } from './rules';

/*
 * Catalog entities that stand for Shepherd records, shown to whoever may read the record in
 * Shepherd. The conditions are made with the catalog's own rules (HAS_ANNOTATION, HAS_LABEL,
 * HAS_SPEC, IS_ENTITY_KIND of @backstage/plugin-catalog-backend), which every catalog has:
 * a portal that does not install Shepherd's catalog module still evaluates them, and they
 * filter the catalog's lists in SQL like any other condition.
 */

type CatalogEntityCondition = PermissionCondition<
  typeof RESOURCE_TYPE_CATALOG_ENTITY
>;
type CatalogEntityCriteria = PermissionCriteria<CatalogEntityCondition>;

/** The catalog plugin's id, to which conditional decisions on its entities go. */
const CATALOG_PLUGIN_ID = 'catalog';

/** Names of the catalog's built-in permission rules. */
const CATALOG_RULES = {
  hasAnnotation: 'HAS_ANNOTATION',
  hasLabel: 'HAS_LABEL',
  hasSpec: 'HAS_SPEC',
  isEntityKind: 'IS_ENTITY_KIND',
} as const;

function catalogCondition(
  rule: string,
  params: Record<string, unknown>,
): CatalogEntityCondition {
  return {
    rule,
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
    params: params as CatalogEntityCondition['params'],
  };
}

const hasAnnotation = (annotation: string) =>
  catalogCondition(CATALOG_RULES.hasAnnotation, { annotation });

/** Criteria that hold for no entity: what an empty list of claims or roles stands for. */
const NO_ENTITY: CatalogEntityCriteria = {
  allOf: [
    hasAnnotation(SHEPHERD_ANNOTATIONS.systemId),
    { not: hasAnnotation(SHEPHERD_ANNOTATIONS.systemId) },
  ],
};

function anyOf(criteria: CatalogEntityCriteria[]): CatalogEntityCriteria {
  if (criteria.length === 0) return NO_ENTITY;
  if (criteria.length === 1) return criteria[0];
  return {
    anyOf: criteria as [CatalogEntityCriteria, ...CatalogEntityCriteria[]],
  };
}

/** The entity kind each record kind is published as, and the annotation only it carries. */
const ENTITY_OF_RECORD: Record<
  ShepherdRecordKind,
  { kind: string; annotation: string }
> = {
  system: { kind: 'system', annotation: SHEPHERD_ANNOTATIONS.systemId },
  service: { kind: 'component', annotation: SHEPHERD_ANNOTATIONS.serviceId },
  vm: { kind: 'resource', annotation: SHEPHERD_ANNOTATIONS.vmId },
};

/** The record kinds whose read decisions {@link createShepherdCatalogReadDecision} takes. */
const RECORD_KINDS = Object.keys(ENTITY_OF_RECORD) as ShepherdRecordKind[];

/** Entities the entity provider publishes for records of the kind. */
function isEntityOf(record: ShepherdRecordKind): CatalogEntityCriteria {
  const { kind, annotation } = ENTITY_OF_RECORD[record];
  return {
    allOf: [
      catalogCondition(CATALOG_RULES.isEntityKind, { kinds: [kind] }),
      hasAnnotation(annotation),
    ],
  };
}

const hasSpec = (key: string, value: string) =>
  catalogCondition(CATALOG_RULES.hasSpec, { key, value });

const normalClaims = (claims: unknown) =>
  Array.isArray(claims)
    ? [...new Set(claims.map(claim => normalizeEntityRef(String(claim))))]
    : [];

/**
 * One condition of Shepherd's rules, on the entity of a record instead of the record: the
 * same parameters, matched against the entity's access fields and environment label. A
 * rule without a counterpart on entities holds for none.
 */
function entityConditionOf(
  condition: PermissionCondition,
): CatalogEntityCriteria {
  const params = (condition.params ?? {}) as Record<string, unknown>;
  switch (condition.rule) {
    case SHEPHERD_RULE_NAMES.isSystemMember: {
      const roles = Array.isArray(params.roles) ? params.roles : MEMBER_ROLES;
      return anyOf(
        MEMBER_ROLES.filter(role => roles.includes(role)).flatMap(role =>
          normalClaims(params.claims).map(claim =>
            hasSpec(SHEPHERD_ENTITY_ACCESS_FIELDS.membersWithRole(role), claim),
          ),
        ),
      );
    }
    case SHEPHERD_RULE_NAMES.isInEnvironment:
      return anyOf(
        (Array.isArray(params.environments) ? params.environments : []).map(
          environment =>
            catalogCondition(CATALOG_RULES.hasLabel, {
              label: SHEPHERD_PLATFORM_LABELS.environment,
              value: String(environment),
            }),
        ),
      );
    case SHEPHERD_RULE_NAMES.isRequester:
      return anyOf(
        normalClaims(params.claims).map(claim =>
          hasSpec(SHEPHERD_ENTITY_ACCESS_FIELDS.requester, claim),
        ),
      );
    default:
      return NO_ENTITY;
  }
}

function entityCriteriaOf(
  criteria: PermissionCriteria<PermissionCondition>,
): CatalogEntityCriteria {
  if ('allOf' in criteria) {
    return {
      allOf: criteria.allOf.map(entityCriteriaOf) as [
        CatalogEntityCriteria,
        ...CatalogEntityCriteria[],
      ],
    };
  }
  if ('anyOf' in criteria) {
    return {
      anyOf: criteria.anyOf.map(entityCriteriaOf) as [
        CatalogEntityCriteria,
        ...CatalogEntityCriteria[],
      ],
    };
  }
  if ('not' in criteria) {
    return { not: entityCriteriaOf(criteria.not) };
  }
  return entityConditionOf(criteria);
}

/**
 * A caller's decisions on Shepherd's read permissions: `shepherd.system.read`,
 * `shepherd.service.read` and `shepherd.vm.read`, as the policy decides them without a
 * resource (ALLOW, DENY, or CONDITIONAL with Shepherd's conditions).
 *
 * @public
 */
export type ShepherdReadDecisions = Record<ShepherdRecordKind, PolicyDecision>;

/**
 * The decision on a catalog entity permission (usually `catalog.entity.read`) that shows the
 * entities of Shepherd's records only to whoever may read the records in Shepherd, and
 * leaves the rest to `others` (the decision the policy makes for the catalog's entities
 * otherwise; ALLOW when omitted), which Shepherd's entities must pass too. Shepherd's conditions (`IS_SYSTEM_MEMBER`,
 * `IS_IN_ENVIRONMENT`, `IS_REQUESTER`) become conditions of the catalog's own rules on the
 * fields the entity provider writes (SHEPHERD_ENTITY_ACCESS_FIELDS and the environment
 * label), so an engineer sees the VM entities it sees in Shepherd and nobody sees the
 * entity of a record it may not read.
 *
 * @public
 */
export function createShepherdCatalogReadDecision(
  permission: ResourcePermission<typeof RESOURCE_TYPE_CATALOG_ENTITY>,
  decisions: ShepherdReadDecisions,
  others: PolicyDecision = { result: AuthorizeResult.ALLOW },
): PolicyDecision {
  if (others.result === AuthorizeResult.DENY) {
    return others;
  }
  const everyRecordReadable = RECORD_KINDS.every(
    kind => decisions[kind].result === AuthorizeResult.ALLOW,
  );
  if (everyRecordReadable) {
    return others;
  }
  const readable: CatalogEntityCriteria[] = [];
  for (const kind of RECORD_KINDS) {
    const decision = decisions[kind];
    if (decision.result === AuthorizeResult.ALLOW) {
      readable.push(isEntityOf(kind));
    } else if (decision.result === AuthorizeResult.CONDITIONAL) {
      readable.push({
        allOf: [isEntityOf(kind), entityCriteriaOf(decision.conditions)],
      });
    }
  }
  const shepherdEntitiesReadable = anyOf([
    { not: anyOf(RECORD_KINDS.map(isEntityOf)) },
    ...readable,
  ]);
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: CATALOG_PLUGIN_ID,
    resourceType: permission.resourceType,
    conditions:
      others.result === AuthorizeResult.CONDITIONAL
        ? {
            allOf: [
              others.conditions as CatalogEntityCriteria,
              shepherdEntitiesReadable,
            ],
          }
        : shepherdEntitiesReadable,
  };
}
