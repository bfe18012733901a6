import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One row: which channel this object holds. */
export const channelInfo = sqliteTable('channel_info', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
});

/**
 * `seq` is the channel's monotonic sequence: AUTOINCREMENT never reuses a value,
 * so clients resume from it without gaps or duplicates.
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
  },
  (t) => [uniqueIndex('messages_author_client').on(t.authorId, t.clientId)],
);
