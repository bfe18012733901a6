import { and, asc, eq, isNull, max } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { AdminUser } from '../../shared/model';
import type { DirectoryDb } from './db';
import * as schema from './schema';
import { deleteSessionsOf } from './sessions';

function selectAdminUsers(db: DirectoryDb) {
  return db
    .select({
      id: schema.users.id,
      username: schema.users.username,
      displayName: schema.users.displayName,
      isAdmin: schema.users.isAdmin,
      createdAt: schema.users.createdAt,
      deactivatedAt: schema.users.deactivatedAt,
      lastSeenAt: max(schema.sessions.lastSeenAt),
    })
    .from(schema.users)
    .leftJoin(schema.sessions, eq(schema.sessions.userId, schema.users.id))
    .groupBy(schema.users.id)
    .$dynamic();
}

/** Every account that has not been deleted, oldest first. */
export function listUsers(db: DirectoryDb): AdminUser[] {
  return selectAdminUsers(db).where(isNull(schema.users.deletedAt)).orderBy(asc(schema.users.createdAt)).all();
}

export function adminUser(db: DirectoryDb, userId: string): AdminUser {
  const user = selectAdminUsers(db)
    .where(and(eq(schema.users.id, userId), isNull(schema.users.deletedAt)))
    .get();
  if (!user) throw new AppError('not_found', 'No such user');
  return user;
}

/**
 * Deactivating ends every session at once (the person is signed out everywhere) and keeps
 * the account and its memberships, so reactivating restores it as it was. Idempotent.
 */
export function setDeactivated(db: DirectoryDb, userId: string, deactivated: boolean, now: number): AdminUser {
  const user = adminUser(db, userId);
  if (deactivated === (user.deactivatedAt !== null)) return user;
  db.transaction(() => {
    db.update(schema.users)
      .set({ deactivatedAt: deactivated ? now : null })
      .where(eq(schema.users.id, userId))
      .run();
    if (deactivated) deleteSessionsOf(db, userId);
  });
  return adminUser(db, userId);
}

/**
 * Grants or takes back instance administration. Taking it from the last
 * administrator is refused, so the server always has someone to run it. Idempotent.
 */
export function setInstanceAdmin(db: DirectoryDb, userId: string, isAdmin: boolean): AdminUser {
  const user = adminUser(db, userId);
  if (user.isAdmin === isAdmin) return user;
  if (!isAdmin) {
    const admins = db.select({ id: schema.users.id }).from(schema.users).where(and(eq(schema.users.isAdmin, true), isNull(schema.users.deletedAt), isNull(schema.users.deactivatedAt))).all();
    if (admins.length <= 1) throw new AppError('conflict', 'This is the only administrator of the server; make someone else an administrator first');
  }
  if (isAdmin && user.deactivatedAt !== null) throw new AppError('conflict', 'Reactivate the account before making it an administrator');
  db.update(schema.users).set({ isAdmin }).where(eq(schema.users.id, userId)).run();
  return adminUser(db, userId);
}
