import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { LIMITS } from '../../shared/limits';
import type { Account } from '../../shared/model';
import type { DirectoryDb } from './accounts';
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
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + LIMITS.sessionLifetimeMs,
      userAgent: meta.userAgent.slice(0, 256),
      address: meta.address.slice(0, 64),
    })
    .run();
}

/** The accounts behind the given token hashes, in the same order; null where a session is unknown or expired. */
export function resolveSessions(db: DirectoryDb, tokenHashes: string[], now: number): (Account | null)[] {
  if (tokenHashes.length === 0) return [];
  const rows = db
    .select({
      tokenHash: schema.sessions.tokenHash,
      lastSeenAt: schema.sessions.lastSeenAt,
      id: schema.users.id,
      username: schema.users.username,
      displayName: schema.users.displayName,
      isAdmin: schema.users.isAdmin,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(and(inArray(schema.sessions.tokenHash, tokenHashes), gt(schema.sessions.expiresAt, now)))
    .all();
  const stale = rows.filter((r) => now - r.lastSeenAt > LAST_SEEN_GRANULARITY_MS).map((r) => r.tokenHash);
  if (stale.length > 0) {
    db.update(schema.sessions).set({ lastSeenAt: now }).where(inArray(schema.sessions.tokenHash, stale)).run();
  }
  const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
  return tokenHashes.map((hash) => {
    const row = byHash.get(hash);
    return row ? { id: row.id, username: row.username, displayName: row.displayName, isAdmin: row.isAdmin } : null;
  });
}

export function deleteSession(db: DirectoryDb, tokenHash: string) {
  db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash)).run();
}

export function deleteExpiredSessions(db: DirectoryDb, now: number) {
  db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)).run();
}
