import { and, desc, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { EMPTY_MESSAGE, hasText } from '../../shared/protocol';
import type { HistoryPage, Message } from '../../shared/model';
import { prepared } from '../sqlite';
import { type Author, type ChannelDb, insertPost, lastSeq, requireLiveRow, requireOrdinaryRow, requireRow } from './db';
import { attachmentsOf } from './file-view';
import { attachFiles, purgeFilesOf } from './files';
import type { ResolvedMentions } from './mentions';
import { asMessage, asMessages, toMessage } from './message-view';
import { removeReactions } from './reactions';
import { indexMessage, unindexMessage } from './search-index';
import * as schema from './schema';
import { statements } from './statements';
import { countReply, recountReplies, requireThreadRoot } from './threads';

export interface NewPost extends ResolvedMentions {
  author: Author;
  clientId: string;
  body: string;
  replyTo?: number;
  threadRoot?: number;
  alsoToChannel?: boolean;
  /** Uploads of the author's in this channel that the message carries. */
  attachments?: readonly string[];
}

/** A message and, when the change touched its thread's root too, the root after it. */
export interface Change {
  message: Message;
  root: Message | null;
}

/**
 * Stores a message once per (author, clientId): a retried send returns the
 * message as it is now, with `created` false. A thread reply takes the next
 * sequence number and its root's updated summary the one after.
 */
export function storeMessage(db: ChannelDb, post: NewPost, now: number): Change & { created: boolean } {
  if (post.alsoToChannel === true && post.threadRoot === undefined) {
    throw new AppError('bad_request', 'alsoToChannel is for thread replies: send it with threadRoot');
  }
  // The storage's own transaction: Drizzle's builds a new database object on each call.
  return db.$client.transactionSync(() => {
    const existing = statements(db).messageByClientId.get({ authorId: post.author.userId, clientId: post.clientId });
    if (existing) return { message: asMessage(db, existing), root: null, created: false };
    if (post.replyTo !== undefined) requireOrdinaryRow(db, post.replyTo, 'replied to');
    const root = post.threadRoot === undefined ? null : requireThreadRoot(db, post.threadRoot);
    const row = insertPost(db, post.author, {
      clientId: post.clientId,
      body: post.body,
      createdAt: now,
      replyTo: post.replyTo ?? null,
      threadRoot: root?.seq ?? null,
      alsoInChannel: root !== null && post.alsoToChannel === true,
      mentions: post.mentions,
      broadcasts: post.broadcasts,
    });
    const hasFiles = !!post.attachments?.length;
    if (hasFiles) attachFiles(db, row.seq, post.attachments!, post.author.userId);
    indexMessage(db, row.seq);
    const counted = root && countReply(db, root, post.author, now, row.seq + 1);
    // A new message has no reactions yet, and files only when it was sent with some.
    const message = toMessage(row, [], hasFiles ? (attachmentsOf(db, [row.seq]).get(row.seq) ?? []) : []);
    return { message, root: counted && asMessage(db, counted), created: true };
  });
}

/** Whether this author's send with this clientId is stored already (a retry, answered with what was stored). */
export function isStored(db: ChannelDb, authorId: string, clientId: string): boolean {
  return statements(db).messageByClientId.get({ authorId, clientId }) !== undefined;
}

/** A message in its current state, tombstones included (a reply may quote a deleted message). */
export function getMessage(db: ChannelDb, seq: number): Message {
  return asMessage(db, requireRow(db, seq));
}

/**
 * Replaces a message's body and mentions, keeping the earlier body; the change takes the next
 * sequence number. Only a message that carries files may be left without text.
 */
export function editMessage(db: ChannelDb, seq: number, body: string, resolved: ResolvedMentions, now: number): Message {
  return db.transaction(() => {
    const current = requireOrdinaryRow(db, seq, 'edited');
    if (current.body === body) return asMessage(db, current);
    if (!hasText(body) && !attachmentsOf(db, [seq]).has(seq)) throw new AppError('bad_request', `body: ${EMPTY_MESSAGE}`);
    const next = lastSeq(db) + 1;
    db.insert(schema.messageEdits).values({ messageSeq: seq, editSeq: next, body: current.body, replacedAt: now }).run();
    const row = db
      .update(schema.messages)
      .set({ body, editedAt: now, updatedSeq: next, mentions: resolved.mentions, broadcasts: resolved.broadcasts })
      .where(eq(schema.messages.seq, seq))
      .returning()
      .get()!;
    indexMessage(db, seq);
    return asMessage(db, row);
  });
}

/**
 * Leaves a tombstone: the body, its earlier versions, mentions, reactions and files are
 * erased; the change takes the next sequence number. A deleted reply leaves its
 * root's summary (the one after); a deleted root keeps its replies.
 */
export function deleteMessage(db: ChannelDb, seq: number, now: number): Change {
  return db.transaction(() => {
    const current = requireOrdinaryRow(db, seq, 'deleted');
    db.delete(schema.messageEdits).where(eq(schema.messageEdits.messageSeq, seq)).run();
    removeReactions(db, seq);
    purgeFilesOf(db, seq, now);
    unindexMessage(db, seq);
    const next = lastSeq(db) + 1;
    const row = db
      .update(schema.messages)
      .set({ body: '', deletedAt: now, pinnedAt: null, pinnedBy: null, mentions: [], broadcasts: [], updatedSeq: next })
      .where(eq(schema.messages.seq, seq))
      .returning()
      .get()!;
    const root = current.threadRoot === null ? null : recountReplies(db, current.threadRoot, next + 1);
    return { message: toMessage(row, []), root: root && asMessage(db, root) };
  });
}

/** Pins or unpins a message; a change takes the next sequence number, a no-op changes nothing. */
export function pinMessage(db: ChannelDb, seq: number, pinned: boolean, by: string, now: number): Message {
  return db.transaction(() => {
    const current = requireOrdinaryRow(db, seq, 'pinned');
    if ((current.pinnedAt !== null) === pinned) return asMessage(db, current);
    const row = db
      .update(schema.messages)
      .set({ pinnedAt: pinned ? now : null, pinnedBy: pinned ? by : null, updatedSeq: lastSeq(db) + 1 })
      .where(eq(schema.messages.seq, seq))
      .returning()
      .get()!;
    return asMessage(db, row);
  });
}

/** The channel's pinned messages (thread replies included), most recently pinned first. */
export function pinnedMessages(db: ChannelDb): Message[] {
  return asMessages(db, db.select().from(schema.messages).where(isNotNull(schema.messages.pinnedAt)).orderBy(desc(schema.messages.pinnedAt)).all());
}

/** Earlier bodies of a message, oldest first. */
export function editsOf(db: ChannelDb, seq: number) {
  requireLiveRow(db, seq);
  return db
    .select({ body: schema.messageEdits.body, replacedAt: schema.messageEdits.replacedAt })
    .from(schema.messageEdits)
    .where(eq(schema.messageEdits.messageSeq, seq))
    .orderBy(schema.messageEdits.editSeq)
    .all();
}

/** Shown in the channel: everything but replies that stay in their thread. */
const inChannel = or(isNull(schema.messages.threadRoot), eq(schema.messages.alsoInChannel, true));

/** A page of the channel's messages, newest first: the newest overall, or those before a seq. */
const newestPage = prepared((db: ChannelDb) =>
  db.select().from(schema.messages).where(inChannel).orderBy(desc(schema.messages.seq)).limit(sql.placeholder('limit')).prepare(),
);
const pageBefore = prepared((db: ChannelDb) =>
  db
    .select()
    .from(schema.messages)
    .where(and(inChannel, lt(schema.messages.seq, sql.placeholder('before'))))
    .orderBy(desc(schema.messages.seq))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** Newest `limit` messages of the channel before `before` (or the newest overall), oldest first, in their current state. */
export function historyPage(db: ChannelDb, before: number | undefined, limit: number): HistoryPage {
  const rows = before === undefined ? newestPage(db).all({ limit: limit + 1 }) : pageBefore(db).all({ before, limit: limit + 1 });
  const hasMore = rows.length > limit;
  return { messages: asMessages(db, rows.slice(0, limit).reverse()), hasMore, lastSeq: lastSeq(db) };
}

/** Every message changed after event `after` (thread replies included), in the order of their latest change, at most `limit`. */
export function changesAfter(db: ChannelDb, after: number, limit: number): Message[] {
  return asMessages(
    db,
    db.select().from(schema.messages).where(gt(schema.messages.updatedSeq, after)).orderBy(schema.messages.updatedSeq).limit(limit).all(),
  );
}
