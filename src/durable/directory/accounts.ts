import { count, eq } from 'drizzle-orm';
import type { DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import { AppError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { Account } from '../../shared/model';
import * as schema from './schema';

export type DirectoryDb = DrizzleSqliteDODatabase<typeof schema>;

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
}

export function accountCount(db: DirectoryDb): number {
  return db.select({ n: count() }).from(schema.users).get()?.n ?? 0;
}

/** The first account on an instance becomes its administrator. */
export function createAccount(db: DirectoryDb, input: NewAccount, now: number): Account {
  return db.transaction(() => {
    const taken = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, input.username)).get();
    if (taken) throw new AppError('username_taken', `The username "${input.username}" is taken; choose another`);
    const isAdmin = accountCount(db) === 0;
    const id = newId();
    db.insert(schema.users).values({ id, ...input, isAdmin, createdAt: now }).run();
    return { id, username: input.username, displayName: input.displayName, isAdmin };
  });
}

export function findCredentials(db: DirectoryDb, username: string) {
  return db
    .select({ userId: schema.users.id, passwordHash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.username, username))
    .get();
}

export function getAccount(db: DirectoryDb, userId: string): Account | undefined {
  return db
    .select({
      id: schema.users.id,
      username: schema.users.username,
      displayName: schema.users.displayName,
      isAdmin: schema.users.isAdmin,
    })
    .from(schema.users)
    .where(eq(schema.users.id, userId))
    .get();
}
