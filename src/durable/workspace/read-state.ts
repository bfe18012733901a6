import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { ChannelReadState, NotificationLevel } from '../../shared/model';
import type { WorkspaceDb } from './db';
import { postStatements } from './post-statements';
import * as schema from './schema';

const { channelMembers, channels, mentionMarks } = schema;

/** Mentions past the member's read position: reads delete older marks, and this passes over any a late post left behind. */
const mentionCount = sql<number>`(
  select count(*) from ${mentionMarks}
  where ${mentionMarks.userId} = ${channelMembers.userId}
    and ${mentionMarks.channelId} = ${channelMembers.channelId}
    and ${mentionMarks.seq} > ${channelMembers.readSeq}
)`;

/** Read states joined from membership and channel; filtered by the caller. */
export function selectStates(db: WorkspaceDb) {
  return db
    .select({
      userId: channelMembers.userId,
      channelId: channelMembers.channelId,
      lastPostSeq: channels.lastPostSeq,
      lastPostAt: channels.lastPostAt,
      readSeq: channelMembers.readSeq,
      mentionCount,
      level: channelMembers.level,
      muted: channelMembers.muted,
    })
    .from(channelMembers)
    .innerJoin(channels, eq(channels.id, channelMembers.channelId));
}

function toState({ userId: _, ...state }: ChannelReadState & { userId: string }): ChannelReadState {
  return state;
}

/** The person's state in every channel they belong to. */
export function statesOf(db: WorkspaceDb, userId: string): ChannelReadState[] {
  return selectStates(db).where(eq(channelMembers.userId, userId)).all().map(toState);
}

export function stateOf(db: WorkspaceDb, userId: string, channelId: string): ChannelReadState | undefined {
  const row = selectStates(db)
    .where(and(eq(channelMembers.userId, userId), eq(channelMembers.channelId, channelId)))
    .get();
  return row && toState(row);
}

/** These members' states in one channel, by user id. */
export function statesOfMembers(db: WorkspaceDb, channelId: string, userIds: readonly string[]): Map<string, ChannelReadState> {
  return new Map(
    postStatements(db)
      .statesOfMembers.all({ channelId, userIds: JSON.stringify(userIds) })
      .map((row) => [row.userId, toState(row)]),
  );
}

/**
 * The caller's membership of a channel: not_found when there is no such channel
 * or it is private to others, forbidden when they have not joined a public one
 * (the same answers as channel access).
 */
export function requireJoined(db: WorkspaceDb, userId: string, channelId: string) {
  const channel = db
    .select({ name: channels.name, kind: channels.kind, lastSeq: channels.lastSeq })
    .from(channels)
    .where(eq(channels.id, channelId))
    .get();
  const membership = db
    .select({ readSeq: channelMembers.readSeq })
    .from(channelMembers)
    .where(and(eq(channelMembers.channelId, channelId), eq(channelMembers.userId, userId)))
    .get();
  if (!channel || (!membership && channel.kind !== 'public')) throw new AppError('not_found', 'No such channel');
  if (!membership) throw new AppError('forbidden', `Join #${channel.name} first`);
  return { ...channel, readSeq: membership.readSeq };
}

/**
 * Moves the person's read position forward to `seq`, never past the newest post
 * the workspace has heard of, and drops the mentions it covers. Returns the new
 * state, or null when nothing changed.
 */
export function markRead(db: WorkspaceDb, userId: string, channelId: string, seq: number): ChannelReadState | null {
  return db.transaction(() => {
    const { lastSeq, readSeq } = requireJoined(db, userId, channelId);
    const next = Math.min(seq, lastSeq);
    if (next <= readSeq) return null;
    advanceRead(db, userId, channelId, next);
    return stateOf(db, userId, channelId)!;
  });
}

/** Moves a read position forward (never back) and clears the mentions up to it. */
export function advanceRead(db: WorkspaceDb, userId: string, channelId: string, seq: number) {
  const prepared = postStatements(db);
  prepared.advanceRead.run({ userId, channelId, seq });
  prepared.forgetMentionsUpTo.run({ userId, channelId, seq });
}

export interface NotificationChange {
  level?: NotificationLevel;
  muted?: boolean;
}

export function setNotifications(db: WorkspaceDb, userId: string, channelId: string, change: NotificationChange): ChannelReadState {
  return db.transaction(() => {
    requireJoined(db, userId, channelId);
    const set = { ...(change.level && { level: change.level }), ...(change.muted !== undefined && { muted: change.muted }) };
    if (Object.keys(set).length > 0) {
      db.update(channelMembers)
        .set(set)
        .where(and(eq(channelMembers.channelId, channelId), eq(channelMembers.userId, userId)))
        .run();
    }
    return stateOf(db, userId, channelId)!;
  });
}
