import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One row: which channel this object holds. */
export const channelInfo = sqliteTable('channel_info', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
});

/**
 * The channel has one monotonic sequence for every event. A message takes the
 * next value as its `seq` when posted, and every later change to it (edit,
 * delete) takes the next value as its `updatedSeq`. The channel's last sequence
 * is therefore max(updatedSeq), and a client that resumes after N gets each
 * message whose updatedSeq > N, in that order, once.
 * Messages are never removed (a delete leaves a tombstone), so that holds.
 */
export const messages = sqliteTable(
  'messages',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    clientId: text('client_id').notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedSeq: integer('updated_seq').notNull().default(0),
    editedAt: integer('edited_at'),
    deletedAt: integer('deleted_at'),
    /** The message this one replies to (quoted above it), in the same channel. */
    replyTo: integer('reply_to'),
    pinnedAt: integer('pinned_at'),
    pinnedBy: text('pinned_by'),
  },
  (t) => [uniqueIndex('messages_author_client').on(t.authorId, t.clientId), index('messages_updated_seq').on(t.updatedSeq)],
);

/** Earlier bodies of edited messages, so an edit can be looked back on. */
export const messageEdits = sqliteTable(
  'message_edits',
  {
    messageSeq: integer('message_seq')
      .notNull()
      .references(() => messages.seq),
    editSeq: integer('edit_seq').notNull(),
    body: text('body').notNull(),
    replacedAt: integer('replaced_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageSeq, t.editSeq] })],
);
