import type { DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import { AppError } from '../../shared/errors';
import type { BroadcastMention, Mention } from '../../shared/model';
import * as schema from './schema';
import { statements } from './statements';

/** `$client` is the object's storage, for the few constant queries run through its SQL API directly. */
export type ChannelDb = DrizzleSqliteDODatabase<typeof schema> & { $client: DurableObjectStorage };

/** The channel's last event sequence (see schema.ts). */
export function lastSeq(db: ChannelDb): number {
  return statements(db).lastSeq.get()?.seq ?? 0;
}

/** A message row in its current state, tombstones included. */
export function requireRow(db: ChannelDb, seq: number): schema.MessageRow {
  const row = statements(db).messageBySeq.get({ seq });
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
  const { seq, createdAt } = nextPosition(db, values.createdAt);
  return db
    .insert(schema.messages)
    .values({ ...values, createdAt, seq, updatedSeq: seq, authorId: author.userId, authorName: author.displayName })
    .returning()
    .get();
}

/** What a person's post holds, as `insertPost` stores it. */
export interface NewPostRow {
  clientId: string;
  body: string;
  createdAt: number;
  replyTo: number | null;
  threadRoot: number | null;
  alsoInChannel: boolean;
  mentions: Mention[];
  broadcasts: BroadcastMention[];
}

/** `insertMessage` for the commonest write, a person's post, through a prepared query. */
export function insertPost(db: ChannelDb, author: Author, post: NewPostRow): schema.MessageRow {
  const { seq, createdAt } = nextPosition(db, post.createdAt);
  const [row] = statements(db).insertPost.all({ ...post, seq, createdAt, authorId: author.userId, authorName: author.displayName });
  return row;
}

/** The next sequence number, and the time a new message takes: createdAt never goes back within a channel, so a date bound is an exact seq bound (search.ts). */
function nextPosition(db: ChannelDb, createdAt: number) {
  const queries = statements(db);
  return { seq: (queries.lastSeq.get()?.seq ?? 0) + 1, createdAt: Math.max(createdAt, queries.newestCreatedAt.get()?.at ?? 0) };
}
