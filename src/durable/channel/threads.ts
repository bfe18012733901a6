import { and, desc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { ThreadPage } from '../../shared/model';
import { type Author, type ChannelDb, lastSeq, requireRow } from './db';
import { asMessages } from './message-view';
import * as schema from './schema';

/** How many repliers a root's thread summary names. */
const PARTICIPANTS_SHOWN = 5;

/** The message a reply may be posted under: not deleted, and not itself a reply (threads are one level deep). */
export function requireThreadRoot(db: ChannelDb, seq: number): schema.MessageRow {
  const root = db.select().from(schema.messages).where(eq(schema.messages.seq, seq)).get();
  if (!root || root.deletedAt !== null) throw new AppError('not_found', 'No such message to start a thread on');
  if (root.threadRoot !== null) {
    throw new AppError('bad_request', `Message ${seq} is a thread reply; reply in the thread of message ${root.threadRoot}`);
  }
  if (root.system !== null) throw new AppError('bad_request', 'System messages have no threads');
  return root;
}

/** Counts a new reply in its root's summary; the root's change takes sequence number `seq`. */
export function countReply(db: ChannelDb, root: schema.MessageRow, replier: Author, at: number, seq: number): schema.MessageRow {
  const others = root.threadParticipants.filter((person) => person.id !== replier.userId);
  return db
    .update(schema.messages)
    .set({
      replyCount: root.replyCount + 1,
      lastReplyAt: at,
      threadParticipants: [{ id: replier.userId, name: replier.displayName }, ...others].slice(0, PARTICIPANTS_SHOWN),
      updatedSeq: seq,
    })
    .where(eq(schema.messages.seq, root.seq))
    .returning()
    .get()!;
}

/** Rebuilds a root's summary from its replies that are left, after one was deleted; the change takes `seq`. */
export function recountReplies(db: ChannelDb, rootSeq: number, seq: number): schema.MessageRow {
  const replies = db
    .select({ authorId: schema.messages.authorId, authorName: schema.messages.authorName, createdAt: schema.messages.createdAt })
    .from(schema.messages)
    .where(and(eq(schema.messages.threadRoot, rootSeq), isNull(schema.messages.deletedAt)))
    .orderBy(desc(schema.messages.seq))
    .all();
  const participants = new Map<string, string>();
  for (const reply of replies) {
    if (participants.size === PARTICIPANTS_SHOWN) break;
    if (!participants.has(reply.authorId)) participants.set(reply.authorId, reply.authorName);
  }
  return db
    .update(schema.messages)
    .set({
      replyCount: replies.length,
      lastReplyAt: replies[0]?.createdAt ?? null,
      threadParticipants: [...participants].map(([id, name]) => ({ id, name })),
      updatedSeq: seq,
    })
    .where(eq(schema.messages.seq, rootSeq))
    .returning()
    .get()!;
}

/** A root and its replies oldest first: the newest LIMITS.threadRepliesMax when there are more. Deleted ones stay as tombstones. */
export function threadPage(db: ChannelDb, seq: number): ThreadPage {
  const root = requireRow(db, seq);
  if (root.threadRoot !== null) throw new AppError('not_found', 'That message is a thread reply; open its root');
  const replies = db
    .select()
    .from(schema.messages)
    .where(eq(schema.messages.threadRoot, seq))
    .orderBy(desc(schema.messages.seq))
    .limit(LIMITS.threadRepliesMax)
    .all()
    .reverse();
  const [rootMessage, ...replyMessages] = asMessages(db, [root, ...replies]);
  return { root: rootMessage, replies: replyMessages, lastSeq: lastSeq(db) };
}
