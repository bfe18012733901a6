import { and, eq } from 'drizzle-orm';
import type { PostActivity } from '../activity';
import type { WorkspaceDb } from './db';
import { isHere, type GatewayAttachment } from './presence';
import { advanceRead } from './read-state';
import { postStatements } from './post-statements';
import * as schema from './schema';

const { channelMembers, channels, mentionMarks, savedMessages } = schema;

/**
 * How many of a channel's latest seqs are remembered as recorded. Posts reach
 * the workspace after they commit, possibly twice or slightly out of order;
 * a report older than this window is taken as one seen before.
 */
export const RECORDED_POSTS_KEPT = 1000;

/** 3 parameters a row keeps a multi-row insert under SQLite's 100 bound parameters. */
const MARKS_PER_INSERT = 30;

export interface RecordedPost {
  /** Everyone in the channel, author included. */
  memberIds: string[];
  /** Members this post mentions (never the author). */
  mentioned: Set<string>;
  /** Members who had hidden this DM and see it again now. */
  unhid: string[];
}

/**
 * Updates the channel's last post, the author's read position and the mention
 * marks for one post. Returns null for a repeat, a report too late to matter or
 * an unknown channel: the caller then tells no one anything.
 *
 * `socketsOf` gives a member's open gateway sockets, for @here.
 */
export function recordPost(db: WorkspaceDb, post: PostActivity, socketsOf: (userId: string) => GatewayAttachment[]): RecordedPost | null {
  const prepared = postStatements(db);
  // The storage's own transaction: Drizzle's builds a new database object each time, a cost every post paid.
  return db.$client.transactionSync(() => {
    const channel = prepared.channel.get({ channelId: post.channelId });
    if (!channel || !claim(db, post.channelId, post.seq, channel.lastSeq)) return null;

    const position = { channelId: post.channelId, seq: post.seq };
    if (post.inChannel) prepared.advanceLastPost.run({ ...position, createdAt: post.createdAt });
    else prepared.advanceLastSeq.run(position);

    const roster = prepared.roster.all({ channelId: post.channelId });
    if (roster.some((m) => m.userId === post.authorId)) advanceRead(db, post.authorId, post.channelId, post.seq);

    const named = new Set(post.mentionedUserIds);
    const everyone = post.broadcasts.includes('channel') || post.broadcasts.includes('everyone');
    const here = post.broadcasts.includes('here');
    const mentioned = new Set(
      roster
        .filter((m) => m.userId !== post.authorId)
        .filter((m) => everyone || named.has(m.userId) || (here && isHere(m.override, socketsOf(m.userId))))
        .map((m) => m.userId),
    );
    const unreadBy = roster.filter((m) => mentioned.has(m.userId) && m.readSeq < post.seq);
    for (let i = 0; i < unreadBy.length; i += MARKS_PER_INSERT) {
      const rows = unreadBy.slice(i, i + MARKS_PER_INSERT).map((m) => ({ userId: m.userId, channelId: post.channelId, seq: post.seq }));
      db.insert(mentionMarks).values(rows).onConflictDoNothing().run();
    }
    const unhid =
      channel.kind === 'dm' && post.inChannel
        ? db
            .update(channelMembers)
            .set({ hidden: false })
            .where(and(eq(channelMembers.channelId, post.channelId), eq(channelMembers.hidden, true)))
            .returning({ userId: channelMembers.userId })
            .all()
            .map((r) => r.userId)
        : [];
    return { memberIds: roster.map((m) => m.userId), mentioned, unhid };
  });
}

/**
 * A post was deleted: it mentions no one any more and is no longer saved.
 * Returns the members whose mention counts changed.
 */
export function forgetPost(db: WorkspaceDb, channelId: string, seq: number): string[] {
  return db.transaction(() => {
    const channel = db.select({ lastSeq: channels.lastSeq }).from(channels).where(eq(channels.id, channelId)).get();
    if (!channel) return [];
    // Claimed so that a report of the post arriving after its deletion is ignored.
    claim(db, channelId, seq, channel.lastSeq);
    db.delete(savedMessages).where(and(eq(savedMessages.channelId, channelId), eq(savedMessages.seq, seq))).run();
    return db
      .delete(mentionMarks)
      .where(and(eq(mentionMarks.channelId, channelId), eq(mentionMarks.seq, seq)))
      .returning({ userId: mentionMarks.userId })
      .all()
      .map((r) => r.userId);
  });
}

/** Records (channel, seq) as handled; false when it was handled before or is older than the window. */
function claim(db: WorkspaceDb, channelId: string, seq: number, lastSeq: number): boolean {
  const floor = Math.max(lastSeq, seq) - RECORDED_POSTS_KEPT;
  if (seq <= floor) return false;
  const prepared = postStatements(db);
  const claimed = prepared.claim.all({ channelId, seq });
  prepared.forgetRecordedUpTo.run({ channelId, floor });
  return claimed.length > 0;
}
