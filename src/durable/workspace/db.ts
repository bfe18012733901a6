import type { DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import type * as schema from './schema';

export type WorkspaceDb = DrizzleSqliteDODatabase<typeof schema>;

/** Who a user is, as the worker vouches for them after checking the session. */
export interface Identity {
  userId: string;
  username: string;
  displayName: string;
}
