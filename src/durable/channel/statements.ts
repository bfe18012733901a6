import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { ChannelDb } from './db';
import { prepared } from '../sqlite';
import * as schema from './schema';

const { channelInfo, lastPosts, messages } = schema;
const slot = sql.placeholder;

/**
 * The queries every post runs, built once per database: Drizzle otherwise rebuilds a
 * query's SQL on each call, which was the larger part of a post's CPU time (see
 * BENCHMARKS.md). Each is a prepared Drizzle query; values go in by placeholder name.
 */
function prepare(db: ChannelDb) {
  return {
    lastSeq: db.select({ seq: max(messages.updatedSeq) }).from(messages).prepare(),
    newestCreatedAt: db.select({ at: messages.createdAt }).from(messages).orderBy(desc(messages.seq)).limit(1).prepare(),
    messageBySeq: db.select().from(messages).where(eq(messages.seq, slot('seq'))).prepare(),
    messageByClientId: db
      .select()
      .from(messages)
      .where(and(eq(messages.authorId, slot('authorId')), eq(messages.clientId, slot('clientId'))))
      .prepare(),
    insertPost: db
      .insert(messages)
      .values({
        seq: slot('seq'),
        updatedSeq: slot('seq'),
        clientId: slot('clientId'),
        authorId: slot('authorId'),
        authorName: slot('authorName'),
        body: slot('body'),
        createdAt: slot('createdAt'),
        replyTo: slot('replyTo'),
        threadRoot: slot('threadRoot'),
        alsoInChannel: slot('alsoInChannel'),
        mentions: slot('mentions'),
        broadcasts: slot('broadcasts'),
      })
      .returning()
      .prepare(),
    policy: db.select({ archivedAt: channelInfo.archivedAt, slowModeSeconds: channelInfo.slowModeSeconds }).from(channelInfo).prepare(),
    lastPostAt: db.select({ at: lastPosts.at }).from(lastPosts).where(eq(lastPosts.userId, slot('userId'))).prepare(),
    recordPostTime: db
      .insert(lastPosts)
      .values({ userId: slot('userId'), at: slot('at') })
      .onConflictDoUpdate({ target: lastPosts.userId, set: { at: sql`excluded.at` } })
      .prepare(),
  };
}

/** The database's prepared queries, made on first use. */
export const statements = prepared(prepare);
