import { desc, eq, max } from 'drizzle-orm';
import type { DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import { AppError } from '../../shared/errors';
import { prepared } from '../sqlite';
import * as schema from './schema';

export type ChannelDb = DrizzleSqliteDODatabase<typeof schema>;

const lastSeqQuery = prepared((db: ChannelDb) => db.select({ seq: max(schema.messages.updatedSeq) }).from(schema.messages).prepare());

/** The channel's last event sequence (see schema.ts). */
export function lastSeq(db: ChannelDb): number {
  return lastSeqQuery(db).get()?.seq ?? 0;
}

/** A message row in its current state, tombstones included. */
export function requireRow(db: ChannelDb, seq: number): schema.MessageRow {
  const row = db.select().from(schema.messages).where(eq(schema.messages.seq, seq)).get();
  if (!row) throw new AppError('not_found', 'No such message');
  return row;
}

/** A message row that has not been deleted. */
export function requireLiveRow(db: ChannelDb, seq: number): schema.MessageRow {
  const row = requireRow(db, seq);
  if (row.deletedAt !== null) throw new AppError('not_found', 'No such message');
  return row;
}

/** A live message someone wrote: system messages are never edited, reacted to, pinned, replied to or deleted. */
export function requireOrdinaryRow(db: ChannelDb, seq: number, what: string): schema.MessageRow {
  const row = requireLiveRow(db, seq);
  if (row.system !== null) throw new AppError('bad_request', `System messages cannot be ${what}`);
  return row;
}

/** Who did something, as the socket's identity names them. */
export interface Author {
  userId: string;
  displayName: string;
}

/** What a new message row holds besides its sequence numbers and author, which `insertMessage` sets. */
type NewMessage = Omit<typeof schema.messages.$inferInsert, 'seq' | 'updatedSeq' | 'authorId' | 'authorName'>;

/** Stores a new message by `author` at the channel's next sequence number, which is also its latest change. */
export function insertMessage(db: ChannelDb, author: Author, values: NewMessage): schema.MessageRow {
  const seq = lastSeq(db) + 1;
  // createdAt never goes back within a channel, so a date bound is an exact seq bound (search.ts).
  const newest = db.select({ at: schema.messages.createdAt }).from(schema.messages).orderBy(desc(schema.messages.seq)).limit(1).get();
  const createdAt = Math.max(values.createdAt, newest?.at ?? 0);
  return db
    .insert(schema.messages)
    .values({ ...values, createdAt, seq, updatedSeq: seq, authorId: author.userId, authorName: author.displayName })
    .returning()
    .get();
}
