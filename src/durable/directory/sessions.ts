import { and, desc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { newId } from '../../shared/ids';
import { LIMITS } from '../../shared/limits';
import type { Account, SessionInfo } from '../../shared/model';
import { accountColumns, toAccount } from './account-view';
import type { DirectoryDb } from './db';
import { prepared } from '../sqlite';
import * as schema from './schema';

/** How stale lastSeenAt may get before a request refreshes it (keeps reads from writing). */
const LAST_SEEN_GRANULARITY_MS = 5 * 60 * 1000;

export interface SessionMeta {
  userAgent: string;
  address: string;
}

export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function insertSession(db: DirectoryDb, tokenHash: string, userId: string, meta: SessionMeta, now: number) {
  db.insert(schema.sessions)
    .values({
      tokenHash,
      publicId: newId(),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + LIMITS.sessionLifetimeMs,
      userAgent: meta.userAgent.slice(0, 256),
      address: meta.address.slice(0, 64),
    })
    .run();
}

/** Every request asks this: built once (see `prepared`), the hashes as one JSON parameter. */
const liveSessionsQuery = prepared((db: DirectoryDb) =>
  db
    .select({ tokenHash: schema.sessions.tokenHash, lastSeenAt: schema.sessions.lastSeenAt, ...accountColumns })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(
      and(
        sql`${schema.sessions.tokenHash} in (select value from json_each(${sql.placeholder('hashes')}))`,
        gt(schema.sessions.expiresAt, sql.placeholder('now')),
        isNull(schema.users.deactivatedAt),
        isNull(schema.users.deletedAt),
      ),
    )
    .prepare(),
);

/**
 * The accounts behind the given token hashes, in the same order; null where a
 * session is unknown or expired, or its account is deactivated or deleted.
 */
export function resolveSessions(db: DirectoryDb, tokenHashes: string[], now: number): (Account | null)[] {
  if (tokenHashes.length === 0) return [];
  const rows = liveSessionsQuery(db).all({ hashes: JSON.stringify(tokenHashes), now });
  const stale = rows.filter((r) => now - r.lastSeenAt > LAST_SEEN_GRANULARITY_MS).map((r) => r.tokenHash);
  if (stale.length > 0) {
    db.update(schema.sessions).set({ lastSeenAt: now }).where(inArray(schema.sessions.tokenHash, stale)).run();
  }
  const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
  return tokenHashes.map((hash) => {
    const row = byHash.get(hash);
    return row ? toAccount(row, now) : null;
  });
}

/** The account's unexpired sessions, the calling one first, then the most recently active. */
export function listSessions(db: DirectoryDb, userId: string, currentHash: string, now: number): SessionInfo[] {
  const rows = db
    .select()
    .from(schema.sessions)
    .where(and(eq(schema.sessions.userId, userId), gt(schema.sessions.expiresAt, now)))
    .orderBy(desc(schema.sessions.lastSeenAt))
    .all();
  const sessions = rows.map((r) => ({
    id: r.publicId,
    userAgent: r.userAgent,
    address: r.address,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    current: r.tokenHash === currentHash,
  }));
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/** Ends one session of the account by its public id; reports whether it existed and was the calling one. */
export function deleteSessionById(db: DirectoryDb, userId: string, publicId: string, currentHash: string) {
  const deleted = db
    .delete(schema.sessions)
    .where(and(eq(schema.sessions.userId, userId), eq(schema.sessions.publicId, publicId)))
    .returning({ tokenHash: schema.sessions.tokenHash })
    .get();
  return { ended: !!deleted, wasCurrent: deleted?.tokenHash === currentHash };
}

/** Ends every session of the account, or every one but `keepHash`. */
export function deleteSessionsOf(db: DirectoryDb, userId: string, keepHash: string | null = null) {
  const mine = eq(schema.sessions.userId, userId);
  db.delete(schema.sessions)
    .where(keepHash === null ? mine : and(mine, ne(schema.sessions.tokenHash, keepHash)))
    .run();
}

export function deleteSession(db: DirectoryDb, tokenHash: string) {
  db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash)).run();
}

export function deleteExpiredSessions(db: DirectoryDb, now: number) {
  db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)).run();
}
