import { drizzle, type DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import { migrate } from 'drizzle-orm/durable-sqlite/migrator';

type Migrations = Parameters<typeof migrate>[1];

/**
 * A query built once per database and reused. On the hot reads (a history page, the session and
 * membership checks every request makes) building the query in drizzle cost more CPU than SQLite's
 * work; values go in through `sql.placeholder`.
 */
export function prepared<Db extends object, T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) built.set(db, (query = build(db)));
    return query;
  };
}

/**
 * Opens an object's SQLite through Drizzle and applies its migrations before any
 * event is delivered. Awaited inside blockConcurrencyWhile so a failed migration
 * fails the object instead of being swallowed.
 */
export function openDatabase<S extends Record<string, unknown>>(
  ctx: DurableObjectState,
  schema: S,
  migrations: Migrations,
): DrizzleSqliteDODatabase<S> & { $client: DurableObjectStorage } {
  const db = drizzle(ctx.storage, { schema });
  void ctx.blockConcurrencyWhile(async () => {
    await migrate(db, migrations);
  });
  return db;
}
