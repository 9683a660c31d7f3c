import { Knex } from 'knex';
import { isUuid } from './rows';

/*
 * The filters of the stores' lists. A filter left out (undefined, or an empty text) keeps
 * every row; a list of values, even an empty one, keeps only the rows it names.
 */

function given<V>(value: V | undefined | ''): value is V {
  return value !== undefined && value !== '';
}

/** Keeps the rows whose columns hold the given values. */
export function whereEquals(
  query: Knex.QueryBuilder,
  filters: Record<string, string | boolean | undefined>,
): void {
  for (const [column, value] of Object.entries(filters)) {
    if (given(value)) {
      query.where(column, value);
    }
  }
}

/** Keeps the rows whose columns hold one of the given values. */
export function whereOneOf(
  query: Knex.QueryBuilder,
  filters: Record<string, readonly string[] | undefined>,
): void {
  for (const [column, values] of Object.entries(filters)) {
    if (values) {
      query.whereIn(column, values);
    }
  }
}

/** Filters a query by an id column; a value that is no UUID matches nothing. */
export function whereId(
  query: Knex.QueryBuilder,
  column: string,
  id: string,
): void {
  if (isUuid(id)) {
    query.where(column, id);
  } else {
    query.whereRaw('1 = 0');
  }
}

/** Keeps the rows whose id columns hold the given ids; a value that is no UUID keeps none. */
export function whereIds(
  query: Knex.QueryBuilder,
  filters: Record<string, string | undefined>,
): void {
  for (const [column, id] of Object.entries(filters)) {
    if (given(id)) {
      whereId(query, column, id);
    }
  }
}

/**
 * Keeps the rows whose column holds the given text in any case (catalog entity refs, which
 * users and the catalog spell in either case).
 */
export function whereEqualsIgnoringCase(
  query: Knex.QueryBuilder,
  column: string,
  value: string | undefined,
): void {
  if (given(value)) {
    query.whereRaw('lower(??) = ?', [column, value.toLowerCase()]);
  }
}

/** Escapes LIKE wildcards in user input. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, character => `\\${character}`)}%`;
}

/** Keeps the rows in which one of the columns contains the search text, in any case. */
export function whereContains(
  query: Knex.QueryBuilder,
  columns: string[],
  search: string | undefined,
): void {
  if (!given(search)) {
    return;
  }
  const pattern = likePattern(search.toLowerCase());
  query.where(builder => {
    for (const column of columns) {
      builder.orWhereRaw("lower(??) like ? escape '\\'", [column, pattern]);
    }
  });
}

/**
 * The filters of the records a catalog entity can register (Systems and Services): the
 * entity they were registered from, and a search in their names and descriptions.
 */
export function whereEntityAndSearch(
  query: Knex.QueryBuilder,
  table: string,
  filters: { entityRef?: string; search?: string },
): void {
  whereEqualsIgnoringCase(query, `${table}.entity_ref`, filters.entityRef);
  whereContains(
    query,
    [`${table}.name`, `${table}.description`],
    filters.search,
  );
}
