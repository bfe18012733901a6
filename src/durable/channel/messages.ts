import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { DrizzleSqliteDODatabase } from 'drizzle-orm/durable-sqlite';
import type { HistoryPage, Message } from '../../shared/model';
import * as schema from './schema';

export type ChannelDb = DrizzleSqliteDODatabase<typeof schema>;

export interface Author {
  userId: string;
  displayName: string;
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
  now: number,
): { message: Message; created: boolean } {
  return db.transaction(() => {
    const existing = db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.authorId, author.userId), eq(schema.messages.clientId, clientId)))
      .get();
    if (existing) return { message: existing, created: false };
    const message = db
      .insert(schema.messages)
      .values({ clientId, authorId: author.userId, authorName: author.displayName, body, createdAt: now })
      .returning()
      .get();
    return { message, created: true };
  });
}

export function lastSeq(db: ChannelDb): number {
  return db.select({ seq: schema.messages.seq }).from(schema.messages).orderBy(desc(schema.messages.seq)).limit(1).get()?.seq ?? 0;
}

/** Newest `limit` messages before `before` (or the newest overall), oldest first. */
export function historyPage(db: ChannelDb, before: number | undefined, limit: number): HistoryPage {
  const rows = db
    .select()
    .from(schema.messages)
    .where(before === undefined ? undefined : lt(schema.messages.seq, before))
    .orderBy(desc(schema.messages.seq))
    .limit(limit + 1)
    .all();
  const hasMore = rows.length > limit;
  return { messages: rows.slice(0, limit).reverse(), hasMore };
}

/** Messages after `after`, oldest first, at most `limit`. */
export function messagesAfter(db: ChannelDb, after: number, limit: number): Message[] {
  return db.select().from(schema.messages).where(gt(schema.messages.seq, after)).orderBy(schema.messages.seq).limit(limit).all();
}
