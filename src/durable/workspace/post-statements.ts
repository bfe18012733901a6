import { and, eq, lte, sql } from 'drizzle-orm';
import type { WorkspaceDb } from './db';
import { selectStates } from './read-state';
import { prepared } from '../sqlite';
import * as schema from './schema';

const { channelMembers, channels, members, mentionMarks, recordedPosts } = schema;
const slot = sql.placeholder;

/**
 * The queries the workspace runs for every post in any of its channels (posts.ts,
 * gateway.ts), built once per database rather than on each call (see BENCHMARKS.md).
 */
function prepare(db: WorkspaceDb) {
  const lastSeqOf = (placeholder: string) => sql`max(${channels.lastSeq}, ${slot(placeholder)})`;
  return {
    channel: db.select({ lastSeq: channels.lastSeq, kind: channels.kind }).from(channels).where(eq(channels.id, slot('channelId'))).prepare(),
    claim: db.insert(recordedPosts).values({ channelId: slot('channelId'), seq: slot('seq') }).onConflictDoNothing().returning().prepare(),
    forgetRecordedUpTo: db
      .delete(recordedPosts)
      .where(and(eq(recordedPosts.channelId, slot('channelId')), lte(recordedPosts.seq, slot('floor'))))
      .prepare(),
    /** A thread-only reply moves the channel's sequence, not its last post. */
    advanceLastSeq: db.update(channels).set({ lastSeq: lastSeqOf('seq') }).where(eq(channels.id, slot('channelId'))).prepare(),
    advanceLastPost: db
      .update(channels)
      .set({
        lastSeq: lastSeqOf('seq'),
        lastPostAt: sql`iif(${slot('seq')} > ${channels.lastPostSeq}, ${slot('createdAt')}, ${channels.lastPostAt})`,
        lastPostSeq: sql`max(${channels.lastPostSeq}, ${slot('seq')})`,
      })
      .where(eq(channels.id, slot('channelId')))
      .prepare(),
    roster: db
      .select({ userId: channelMembers.userId, readSeq: channelMembers.readSeq, override: members.statusOverride })
      .from(channelMembers)
      .innerJoin(members, eq(members.userId, channelMembers.userId))
      .where(eq(channelMembers.channelId, slot('channelId')))
      .prepare(),
    advanceRead: db
      .update(channelMembers)
      .set({ readSeq: sql`max(${channelMembers.readSeq}, ${slot('seq')})` })
      .where(and(eq(channelMembers.channelId, slot('channelId')), eq(channelMembers.userId, slot('userId'))))
      .prepare(),
    forgetMentionsUpTo: db
      .delete(mentionMarks)
      .where(and(eq(mentionMarks.userId, slot('userId')), eq(mentionMarks.channelId, slot('channelId')), lte(mentionMarks.seq, slot('seq'))))
      .prepare(),
    /** One bound parameter for any number of people (SQLite here takes at most 100). */
    statesOfMembers: selectStates(db)
      .where(and(eq(channelMembers.channelId, slot('channelId')), sql`${channelMembers.userId} in (select value from json_each(${slot('userIds')}))`))
      .prepare(),
  };
}

/** The database's prepared queries, made on first use. */
export const postStatements = prepared(prepare);
