import { type Column, sql, type SQL } from 'drizzle-orm';

/** `column in (ids)` with one bound parameter for any number of ids (SQLite here takes at most 100). */
export function inJson(column: Column, values: readonly (string | number)[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
}
