import { and, countDistinct, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { Reaction } from '../../shared/model';
import { prepared } from '../sqlite';
import { type Author, type ChannelDb, lastSeq, requireOrdinaryRow } from './db';
import * as schema from './schema';

/**
 * Adds (`on`) or removes the caller's reaction in one transaction. A change takes
 * the next sequence number as the message's updatedSeq; asking for what is
 * already so changes nothing (`changed` false).
 */
export function react(
  db: ChannelDb,
  seq: number,
  emoji: string,
  on: boolean,
  who: Author,
  now: number,
): { row: schema.MessageRow; changed: boolean } {
  return db.transaction(() => {
    const row = requireOrdinaryRow(db, seq, 'reacted to');
    const mine = and(eq(schema.reactions.messageSeq, seq), eq(schema.reactions.emoji, emoji), eq(schema.reactions.userId, who.userId));
    const reacted = db.select({ emoji: schema.reactions.emoji }).from(schema.reactions).where(mine).get() !== undefined;
    if (reacted === on) return { row, changed: false };
    if (on) {
      requireRoomFor(db, seq, emoji);
      db.insert(schema.reactions).values({ messageSeq: seq, emoji, userId: who.userId, userName: who.displayName, createdAt: now }).run();
    } else {
      db.delete(schema.reactions).where(mine).run();
    }
    const updated = db
      .update(schema.messages)
      .set({ updatedSeq: lastSeq(db) + 1 })
      .where(eq(schema.messages.seq, seq))
      .returning()
      .get()!;
    return { row: updated, changed: true };
  });
}

function requireRoomFor(db: ChannelDb, seq: number, emoji: string) {
  const onMessage = eq(schema.reactions.messageSeq, seq);
  const known = db.select({ emoji: schema.reactions.emoji }).from(schema.reactions).where(and(onMessage, eq(schema.reactions.emoji, emoji))).get();
  if (known) return;
  const distinct = db.select({ n: countDistinct(schema.reactions.emoji) }).from(schema.reactions).where(onMessage).get()?.n ?? 0;
  if (distinct >= LIMITS.reactionsPerMessageMax) {
    throw new AppError('bad_request', `A message has at most ${LIMITS.reactionsPerMessageMax} different reactions; add to one it has`);
  }
}

const reactionsQuery = prepared((db: ChannelDb) =>
  db
    .select()
    .from(schema.reactions)
    // One bound parameter for any number of messages (SQLite here takes at most 100).
    .where(sql`${schema.reactions.messageSeq} in (select value from json_each(${sql.placeholder('seqs')}))`)
    // A rowid table gives each new row max(rowid) + 1: rowid order is reaction order.
    .orderBy(sql`rowid`)
    .prepare(),
);

/**
 * The reactions of the given messages in one query: grouped by emoji in the
 * order each emoji was first used, people in the order they reacted.
 */
export function reactionsOf(db: ChannelDb, seqs: number[]): Map<number, Reaction[]> {
  const grouped = new Map<number, Map<string, Reaction>>();
  if (seqs.length === 0) return new Map();
  const rows = reactionsQuery(db).all({ seqs: JSON.stringify(seqs) });
  for (const row of rows) {
    let byEmoji = grouped.get(row.messageSeq);
    if (!byEmoji) grouped.set(row.messageSeq, (byEmoji = new Map()));
    let reaction = byEmoji.get(row.emoji);
    if (!reaction) byEmoji.set(row.emoji, (reaction = { emoji: row.emoji, users: [] }));
    reaction.users.push({ id: row.userId, name: row.userName });
  }
  return new Map([...grouped].map(([seq, byEmoji]) => [seq, [...byEmoji.values()]]));
}

/** Part of deleting a message: its reactions go with its body. */
export function removeReactions(db: ChannelDb, seq: number) {
  db.delete(schema.reactions).where(eq(schema.reactions.messageSeq, seq)).run();
}
