import type { DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import type { ProfileFields } from '../../shared/model';
import type * as schema from './schema';

/** `$client` is the object's storage, for its synchronous transactions on the per-post path. */
export type WorkspaceDb = DrizzleSqliteDODatabase<typeof schema> & { $client: DurableObjectStorage };

/** Who a user is, as the worker vouches for them after checking the session: their account's name and profile. */
export interface Identity extends ProfileFields {
  userId: string;
  username: string;
  displayName: string;
}

/** Who asks for a change the audit log records, and from which client address the worker saw. */
export interface Actor {
  userId: string;
  address: string;
}

/** The profile fields a workspace keeps a copy of (see Workspace.profileChanged). */
export interface ProfileChange extends ProfileFields {
  displayName: string;
}
