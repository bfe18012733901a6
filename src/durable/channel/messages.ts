import { and, desc, eq, gt, isNotNull, lt, max } from 'drizzle-orm';
import type { DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import { AppError } from '../../shared/errors';
import type { HistoryPage, Message } from '../../shared/model';
import * as schema from './schema';

export type ChannelDb = DrizzleSqliteDODatabase<typeof schema>;

export interface Author {
  userId: string;
  displayName: string;
}

/** The channel's last event sequence (see schema.ts). */
export function lastSeq(db: ChannelDb): number {
  return db.select({ seq: max(schema.messages.updatedSeq) }).from(schema.messages).get()?.seq ?? 0;
}

/**
 * Stores a message once per (author, clientId): a retried send returns the
 * message stored the first time, with `created` false.
 */
export function storeMessage(
  db: ChannelDb,
  author: Author,
  clientId: string,
  body: string,
  replyTo: number | undefined,
  now: number,
): { message: Message; created: boolean } {
  return db.transaction(() => {
    const existing = db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.authorId, author.userId), eq(schema.messages.clientId, clientId)))
      .get();
    if (existing) return { message: existing, created: false };
    if (replyTo !== undefined) findMessage(db, replyTo);
    const seq = lastSeq(db) + 1;
    const message = db
      .insert(schema.messages)
      .values({
        seq,
        updatedSeq: seq,
        clientId,
        authorId: author.userId,
        authorName: author.displayName,
        body,
        createdAt: now,
        replyTo: replyTo ?? null,
      })
      .returning()
      .get();
    return { message, created: true };
  });
}

export function findMessage(db: ChannelDb, seq: number): Message {
  const message = db.select().from(schema.messages).where(eq(schema.messages.seq, seq)).get();
  if (!message || message.deletedAt !== null) throw new AppError('not_found', 'No such message');
  return message;
}

/** A message in its current state, tombstones included (a reply may quote a deleted message). */
export function getMessage(db: ChannelDb, seq: number): Message {
  const message = db.select().from(schema.messages).where(eq(schema.messages.seq, seq)).get();
  if (!message) throw new AppError('not_found', 'No such message');
  return message;
}

/** Replaces a message's body, keeping the earlier one; the change takes the next sequence number. */
export function editMessage(db: ChannelDb, seq: number, body: string, now: number): Message {
  return db.transaction(() => {
    const current = findMessage(db, seq);
    if (current.body === body) return current;
    const next = lastSeq(db) + 1;
    db.insert(schema.messageEdits).values({ messageSeq: seq, editSeq: next, body: current.body, replacedAt: now }).run();
    return db
      .update(schema.messages)
      .set({ body, editedAt: now, updatedSeq: next })
      .where(eq(schema.messages.seq, seq))
      .returning()
      .get()!;
  });
}

/** Leaves a tombstone: the body and its earlier versions are erased; the change takes the next sequence number. */
export function deleteMessage(db: ChannelDb, seq: number, now: number): Message {
  return db.transaction(() => {
    findMessage(db, seq);
    db.delete(schema.messageEdits).where(eq(schema.messageEdits.messageSeq, seq)).run();
    return db
      .update(schema.messages)
      .set({ body: '', deletedAt: now, pinnedAt: null, pinnedBy: null, updatedSeq: lastSeq(db) + 1 })
      .where(eq(schema.messages.seq, seq))
      .returning()
      .get()!;
  });
}

/** Pins or unpins a message; a change takes the next sequence number, a no-op changes nothing. */
export function pinMessage(db: ChannelDb, seq: number, pinned: boolean, by: string, now: number): Message {
  return db.transaction(() => {
    const current = findMessage(db, seq);
    if ((current.pinnedAt !== null) === pinned) return current;
    return db
      .update(schema.messages)
      .set({ pinnedAt: pinned ? now : null, pinnedBy: pinned ? by : null, updatedSeq: lastSeq(db) + 1 })
      .where(eq(schema.messages.seq, seq))
      .returning()
      .get()!;
  });
}

/** The channel's pinned messages, most recently pinned first. */
export function pinnedMessages(db: ChannelDb): Message[] {
  return db.select().from(schema.messages).where(isNotNull(schema.messages.pinnedAt)).orderBy(desc(schema.messages.pinnedAt)).all();
}

/** Earlier bodies of a message, oldest first. */
export function editsOf(db: ChannelDb, seq: number) {
  findMessage(db, seq);
  return db
    .select({ body: schema.messageEdits.body, replacedAt: schema.messageEdits.replacedAt })
    .from(schema.messageEdits)
    .where(eq(schema.messageEdits.messageSeq, seq))
    .orderBy(schema.messageEdits.editSeq)
    .all();
}

/** Newest `limit` messages before `before` (or the newest overall), oldest first, in their current state. */
export function historyPage(db: ChannelDb, before: number | undefined, limit: number): HistoryPage {
  const rows = db
    .select()
    .from(schema.messages)
    .where(before === undefined ? undefined : lt(schema.messages.seq, before))
    .orderBy(desc(schema.messages.seq))
    .limit(limit + 1)
    .all();
  const hasMore = rows.length > limit;
  return { messages: rows.slice(0, limit).reverse(), hasMore, lastSeq: lastSeq(db) };
}

/** Every message changed after event `after`, in the order of their latest change, at most `limit`. */
export function changesAfter(db: ChannelDb, after: number, limit: number): Message[] {
  return db
    .select()
    .from(schema.messages)
    .where(gt(schema.messages.updatedSeq, after))
    .orderBy(schema.messages.updatedSeq)
    .limit(limit)
    .all();
}
