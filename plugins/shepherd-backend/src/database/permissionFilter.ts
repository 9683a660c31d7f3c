import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { ShepherdPermissionFilter } from '@kubevirt-shepherd/plugin-shepherd-node';
import { Knex } from 'knex';

/**
 * Where the columns a permission filter needs live in the table being listed. A filter kind
 * whose column is absent cannot match anything in that table.
 */
export interface PermissionFilterColumns {
  /** Column holding the id of the owning System, e.g. `services.system_id`. */
  systemId?: string;
  environment?: string;
  requester?: string;
  ticketStatus?: string;
}

/**
 * Adds the conditions of a conditional permission decision to a query, as SQL that is
 * logically equal to the rules' `apply`.
 */
export function applyPermissionFilter(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<ShepherdPermissionFilter>,
  columns: PermissionFilterColumns,
  knex: Knex,
): void {
  query.where(builder => addCriteria(builder, criteria, columns, knex));
}

function addCriteria(
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<ShepherdPermissionFilter>,
  columns: PermissionFilterColumns,
  knex: Knex,
): void {
  if (isAndCriteria(criteria)) {
    if (criteria.allOf.length === 0) {
      builder.whereRaw('1 = 1');
    }
    for (const child of criteria.allOf) {
      builder.andWhere(sub => addCriteria(sub, child, columns, knex));
    }
  } else if (isOrCriteria(criteria)) {
    if (criteria.anyOf.length === 0) {
      builder.whereRaw('1 = 0');
    }
    for (const child of criteria.anyOf) {
      builder.orWhere(sub => addCriteria(sub, child, columns, knex));
    }
  } else if (isNotCriteria(criteria)) {
    builder.whereNot(sub => addCriteria(sub, criteria.not, columns, knex));
  } else {
    addFilter(builder, criteria, columns, knex);
  }
}

function addFilter(
  builder: Knex.QueryBuilder,
  filter: ShepherdPermissionFilter,
  columns: PermissionFilterColumns,
  knex: Knex,
): void {
  const matchNothing = () => builder.whereRaw('1 = 0');
  /** Keeps the rows whose column holds one of the values; without the column, none. */
  const holdsOneOf = (column: string | undefined, values: string[]) =>
    column ? builder.whereIn(column, values) : matchNothing();
  switch (filter.kind) {
    case 'member': {
      if (!columns.systemId || filter.claims.length === 0) {
        matchNothing();
        return;
      }
      const members = knex('system_members')
        .select('system_members.system_id')
        .whereIn('system_members.member_ref', filter.claims);
      if (filter.roles) {
        members.whereIn('system_members.role', filter.roles);
      }
      builder.whereIn(columns.systemId, members);
      return;
    }
    case 'environment':
      holdsOneOf(columns.environment, filter.environments);
      return;
    case 'requester':
      if (!columns.requester || filter.claims.length === 0) {
        matchNothing();
        return;
      }
      // Requesters, like member refs, are stored in their normal form, the form the claims
      // arrive in: compared as they are, so that the requester index serves the query.
      holdsOneOf(columns.requester, filter.claims);
      return;
    case 'ticketStatus':
      holdsOneOf(columns.ticketStatus, filter.statuses);
      return;
    default:
      matchNothing();
  }
}

/** Conditions of a conditional permission decision, applied to a list as SQL. */
export type PermissionConditions = PermissionCriteria<ShepherdPermissionFilter>;
