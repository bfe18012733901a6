import { and, count, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { WorkspaceDb } from './db';
import { requireJoined } from './read-state';
import * as schema from './schema';

const { channelMembers, channels, savedMessages } = schema;

/** A saved message as the workspace knows it; the message itself is in its channel object. */
export interface SavedRef {
  channelId: string;
  /** Empty for a DM, as in Channel. */
  channelName: string;
  seq: number;
  savedAt: number;
}

/** Saves a message of a channel the person belongs to; saving it again keeps the first time. */
export function saveMessage(db: WorkspaceDb, userId: string, channelId: string, seq: number, now: number): SavedRef {
  return db.transaction(() => {
    const channel = requireJoined(db, userId, channelId);
    const channelName = channel.kind === 'dm' ? '' : channel.name;
    const key = and(eq(savedMessages.userId, userId), eq(savedMessages.channelId, channelId), eq(savedMessages.seq, seq));
    const existing = db.select({ savedAt: savedMessages.savedAt }).from(savedMessages).where(key).get();
    if (existing) return { channelId, channelName, seq, savedAt: existing.savedAt };
    const saved = db.select({ n: count() }).from(savedMessages).where(eq(savedMessages.userId, userId)).get()?.n ?? 0;
    if (saved >= LIMITS.savedPerWorkspaceMax) {
      const max = LIMITS.savedPerWorkspaceMax;
      throw new AppError('conflict', `You can keep at most ${max} saved messages in a workspace; remove some to save more`);
    }
    db.insert(savedMessages).values({ userId, channelId, seq, savedAt: now }).run();
    return { channelId, channelName, seq, savedAt: now };
  });
}

/** Removing what is not saved changes nothing. */
export function unsaveMessage(db: WorkspaceDb, userId: string, channelId: string, seq: number) {
  db.delete(savedMessages)
    .where(and(eq(savedMessages.userId, userId), eq(savedMessages.channelId, channelId), eq(savedMessages.seq, seq)))
    .run();
}

/** The person's saved messages in channels they still belong to, newest saved first. */
export function savedOf(db: WorkspaceDb, userId: string): SavedRef[] {
  return db
    .select({ channelId: savedMessages.channelId, channelName: sql<string>`iif(${channels.kind} = 'dm', '', ${channels.name})`, seq: savedMessages.seq, savedAt: savedMessages.savedAt })
    .from(savedMessages)
    .innerJoin(channels, eq(channels.id, savedMessages.channelId))
    .innerJoin(channelMembers, and(eq(channelMembers.channelId, savedMessages.channelId), eq(channelMembers.userId, savedMessages.userId)))
    .where(eq(savedMessages.userId, userId))
    .orderBy(desc(savedMessages.savedAt), desc(sql`${savedMessages}.rowid`))
    .all();
}
