import { and, count, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { Account } from '../../shared/model';
import { accountColumns, toAccount } from './account-view';
import type { DirectoryDb } from './db';
import * as schema from './schema';

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
}

const live = isNull(schema.users.deletedAt);

/** Accounts that exist (deactivated ones included); deleted accounts' tombstones do not count. */
export function accountCount(db: DirectoryDb): number {
  return db.select({ n: count() }).from(schema.users).where(live).get()?.n ?? 0;
}

/** The first account on an instance becomes its administrator. */
export function createAccount(db: DirectoryDb, input: NewAccount, now: number): Account {
  return db.transaction(() => {
    // A soft-deleted account keeps its username, so it is taken here too.
    const taken = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, input.username)).get();
    if (taken) throw new AppError('username_taken', `The username "${input.username}" is taken; choose another`);
    const isAdmin = accountCount(db) === 0;
    const id = newId();
    db.insert(schema.users).values({ id, ...input, isAdmin, createdAt: now }).run();
    return getAccount(db, id, now)!;
  });
}

export function findCredentials(db: DirectoryDb, username: string) {
  return db
    .select({ userId: schema.users.id, passwordHash: schema.users.passwordHash })
    .from(schema.users)
    .where(and(eq(schema.users.username, username), live))
    .get();
}

/** A live account (deactivated or not); undefined for unknown or deleted ones. */
export function getAccount(db: DirectoryDb, userId: string, now: number): Account | undefined {
  const row = db.select(accountColumns).from(schema.users).where(and(eq(schema.users.id, userId), live)).get();
  return row && toAccount(row, now);
}

export function passwordHashOf(db: DirectoryDb, userId: string): string | undefined {
  return db
    .select({ hash: schema.users.passwordHash })
    .from(schema.users)
    .where(and(eq(schema.users.id, userId), live))
    .get()?.hash;
}

export function setPasswordHash(db: DirectoryDb, userId: string, passwordHash: string) {
  db.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId)).run();
}

/** Throws account_deactivated for a deactivated account, not_found for one that does not exist. */
export function assertActive(db: DirectoryDb, userId: string) {
  const row = db.select({ deactivatedAt: schema.users.deactivatedAt }).from(schema.users).where(and(eq(schema.users.id, userId), live)).get();
  if (!row) throw new AppError('not_found', 'No such account');
  if (row.deactivatedAt !== null) throw deactivatedError();
}

export function deactivatedError() {
  return new AppError('account_deactivated', 'This account has been deactivated by an administrator of this server; ask them to reactivate it');
}
