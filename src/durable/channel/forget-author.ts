import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { DELETED_USER_NAME, type AccountDeletionMode, type Message, type SystemEvent } from '../../shared/model';
import { type ChannelDb, lastSeq } from './db';
import { relabelUploader } from './files';
import { asMessages } from './message-view';
import { deleteMessage } from './messages';
import * as schema from './schema';

const { messages, reactions } = schema;

export interface Forgotten {
  /** Every message that changed, in the order of their new sequence numbers. */
  changed: Message[];
  /** Messages erased (hard mode), for the workspace to drop from saved lists and mentions. */
  deletedSeqs: number[];
}

/**
 * An account was deleted. `hard` erases each of its live messages as a delete
 * would; both modes then show DELETED_USER_NAME wherever its name was stored
 * (authorship, reactions, thread summaries, system messages naming it). Each
 * changed message takes a new sequence number so clients pick the change up.
 */
export function forgetAuthor(db: ChannelDb, userId: string, mode: AccountDeletionMode, now: number): Forgotten {
  return db.transaction(() => {
    const before = lastSeq(db);
    const deletedSeqs: number[] = [];
    if (mode === 'hard') {
      const live = db
        .select({ seq: messages.seq })
        .from(messages)
        .where(and(eq(messages.authorId, userId), isNull(messages.deletedAt), isNull(messages.system)))
        .orderBy(messages.seq)
        .all();
      for (const { seq } of live) {
        deleteMessage(db, seq, now);
        deletedSeqs.push(seq);
      }
    }
    const named = db
      .select()
      .from(messages)
      .where(
        or(
          eq(messages.authorId, userId),
          sql`exists (select 1 from ${reactions} where ${reactions.messageSeq} = ${messages.seq} and ${reactions.userId} = ${userId})`,
          sql`exists (select 1 from json_each(${messages.threadParticipants}) where json_extract(value, '$.id') = ${userId})`,
          sql`json_extract(${messages.system}, '$.userId') = ${userId}`,
        ),
      )
      .orderBy(messages.seq)
      .all();
    db.update(reactions).set({ userName: DELETED_USER_NAME }).where(eq(reactions.userId, userId)).run();
    relabelUploader(db, userId, DELETED_USER_NAME);
    let next = lastSeq(db);
    for (const row of named) {
      db.update(messages)
        .set({
          authorName: row.authorId === userId ? DELETED_USER_NAME : row.authorName,
          threadParticipants: row.threadParticipants.map((p) => (p.id === userId ? { ...p, name: DELETED_USER_NAME } : p)),
          system: row.system && relabel(row.system, userId),
          updatedSeq: ++next,
        })
        .where(eq(messages.seq, row.seq))
        .run();
    }
    // Deleting a thread reply changed its root too: everything after `before` is this change.
    const rows = db.select().from(messages).where(gt(messages.updatedSeq, before)).orderBy(messages.updatedSeq).all();
    return { changed: asMessages(db, rows), deletedSeqs };
  });
}

function relabel(event: SystemEvent, userId: string): SystemEvent {
  return (event.type === 'added' || event.type === 'removed') && event.userId === userId ? { ...event, name: DELETED_USER_NAME } : event;
}
