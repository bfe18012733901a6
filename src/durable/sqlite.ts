import { drizzle, type DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import { migrate } from 'drizzle-orm/durable-sqlite/migrator';

type Migrations = Parameters<typeof migrate>[1];

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
