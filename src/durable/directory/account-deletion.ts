import { and, count, eq, isNull, ne } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { type AccountDeletionMode, DELETED_USER_NAME } from '../../shared/model';
import type { DirectoryDb } from './db';
import * as schema from './schema';
import { deleteSessionsOf } from './sessions';

/**
 * Why the directory cannot let this account go, or null. The last administrator of an
 * instance that still has other accounts would leave nobody able to run it.
 */
export function instanceDeletionBlocker(db: DirectoryDb, userId: string): string | null {
  const me = db.select({ isAdmin: schema.users.isAdmin }).from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!me?.isAdmin) return null;
  const live = and(isNull(schema.users.deletedAt), ne(schema.users.id, userId));
  const others = db.select({ n: count() }).from(schema.users).where(live).get()?.n ?? 0;
  if (others === 0) return null;
  const otherAdmins =
    db
      .select({ n: count() })
      .from(schema.users)
      .where(and(live, eq(schema.users.isAdmin, true), isNull(schema.users.deactivatedAt)))
      .get()?.n ?? 0;
  return otherAdmins === 0 ? 'You are the only administrator of this server, and it has other accounts: make someone else an administrator on the Administration page first' : null;
}

/**
 * Ends the account: sessions, memberships and avatar go. `soft` keeps a tombstone (id,
 * username, "Deleted user") so remaining messages still point at someone and the username
 * cannot be taken by another person; `hard` removes the row, freeing the username.
 */
export function deleteAccount(db: DirectoryDb, userId: string, mode: AccountDeletionMode, now: number) {
  db.transaction(() => {
    const exists = db.select({ id: schema.users.id }).from(schema.users).where(and(eq(schema.users.id, userId), isNull(schema.users.deletedAt))).get();
    if (!exists) throw new AppError('not_found', 'No such account');
    if (mode === 'hard') {
      // Sessions, memberships and the avatar go with the row (ON DELETE CASCADE).
      db.delete(schema.users).where(eq(schema.users.id, userId)).run();
      return;
    }
    deleteSessionsOf(db, userId);
    db.delete(schema.workspaceMemberships).where(eq(schema.workspaceMemberships.userId, userId)).run();
    db.delete(schema.avatars).where(eq(schema.avatars.userId, userId)).run();
    db.update(schema.users)
      .set({
        displayName: DELETED_USER_NAME,
        passwordHash: '',
        isAdmin: false,
        deletedAt: now,
        deactivatedAt: null,
        avatarVersion: null,
        statusText: null,
        statusEmoji: null,
        statusExpiresAt: null,
        nameColor: null,
      })
      .where(eq(schema.users.id, userId))
      .run();
  });
}
