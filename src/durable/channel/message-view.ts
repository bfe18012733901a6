import type { Attachment, Message, Reaction } from '../../shared/model';
import type { ChannelDb } from './db';
import { attachmentsOf } from './file-view';
import { reactionsOf } from './reactions';
import type { MessageRow } from './schema';

/** The one mapping from a stored row (and its reactions and files) to the Message clients get. */
export function toMessage(row: MessageRow, reactions: Reaction[], attachments: Attachment[] = []): Message {
  return {
    seq: row.seq,
    updatedSeq: row.updatedSeq,
    clientId: row.clientId,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    replyTo: row.replyTo,
    pinnedAt: row.pinnedAt,
    pinnedBy: row.pinnedBy,
    threadRoot: row.threadRoot,
    alsoInChannel: row.alsoInChannel,
    thread:
      row.replyCount > 0 && row.lastReplyAt !== null
        ? { replyCount: row.replyCount, lastReplyAt: row.lastReplyAt, participants: row.threadParticipants }
        : null,
    reactions,
    mentions: row.mentions,
    broadcasts: row.broadcasts,
    system: row.system ?? null,
    attachments,
  };
}

/** Rows as Messages, reading the reactions of all of them in one query and their files in another. */
export function asMessages(db: ChannelDb, rows: MessageRow[]): Message[] {
  const seqs = rows.map((row) => row.seq);
  const reactions = reactionsOf(db, seqs);
  const attachments = attachmentsOf(db, seqs);
  return rows.map((row) => toMessage(row, reactions.get(row.seq) ?? [], attachments.get(row.seq) ?? []));
}

export function asMessage(db: ChannelDb, row: MessageRow): Message {
  return asMessages(db, [row])[0];
}
