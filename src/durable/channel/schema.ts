import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { FileKind } from '../../shared/files';
import type { BroadcastMention, Mention, SystemEvent, ThreadSummary } from '../../shared/model';

/** One row: which channel this object holds. */
export const channelInfo = sqliteTable('channel_info', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  /** Copies of the workspace's settings for this channel, pushed when they change (see Channel.setPolicy). */
  archivedAt: integer('archived_at'),
  slowModeSeconds: integer('slow_mode_seconds').notNull().default(0),
});

/** When each person last posted, for slow mode. */
export const lastPosts = sqliteTable('last_posts', {
  userId: text('user_id').primaryKey(),
  at: integer('at').notNull(),
});

/**
 * The channel has one monotonic sequence for every event. A message takes the
 * next value as its `seq` when posted, and every later change to it (edit,
 * delete, pin, reaction, a reply in its thread) takes the next value as its
 * `updatedSeq`. When one change touches two rows (a thread reply and its root),
 * each row takes its own value. The channel's last sequence is therefore
 * max(updatedSeq), and a client that resumes after N gets each message whose
 * updatedSeq > N, in that order, once.
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
    /** Set on a thread reply: the seq of its root, which is never itself a reply. */
    threadRoot: integer('thread_root'),
    alsoInChannel: integer('also_in_channel', { mode: 'boolean' }).notNull().default(false),
    /** A root's thread summary: live replies, the newest one's time, up to five repliers most recent first. */
    replyCount: integer('reply_count').notNull().default(0),
    lastReplyAt: integer('last_reply_at'),
    threadParticipants: text('thread_participants', { mode: 'json' }).$type<ThreadSummary['participants']>().notNull().default([]),
    /** Resolved when the body is posted or edited. */
    mentions: text('mentions', { mode: 'json' }).$type<Mention[]>().notNull().default([]),
    broadcasts: text('broadcasts', { mode: 'json' }).$type<BroadcastMention[]>().notNull().default([]),
    /** Set on a system message (a rename, an archive, someone added): what happened. */
    system: text('system', { mode: 'json' }).$type<SystemEvent>(),
    /** Whether the body links somewhere, for search's `has:link`; set at post and edit. */
    hasLink: integer('has_link', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('messages_author_client').on(t.authorId, t.clientId),
    index('messages_updated_seq').on(t.updatedSeq),
    index('messages_thread_root').on(t.threadRoot),
    // Search's filters and date bounds (see search.ts).
    index('messages_created_at').on(t.createdAt),
    index('messages_author_seq').on(t.authorId, t.seq),
    index('messages_pinned').on(t.seq).where(sql`${t.pinnedAt} IS NOT NULL`),
    index('messages_has_link').on(t.seq).where(sql`${t.hasLink} = 1`),
  ],
);

export type MessageRow = typeof messages.$inferSelect;

/** One person's reaction with one emoji; rowid order is the order they reacted in. */
export const reactions = sqliteTable(
  'reactions',
  {
    messageSeq: integer('message_seq')
      .notNull()
      .references(() => messages.seq),
    emoji: text('emoji').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageSeq, t.emoji, t.userId] })],
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

/**
 * Files uploaded to this channel. A row is written before the bytes stream to disk (so an
 * upload that dies half-way is still found and cleaned up), marked stored once they are all
 * there, and attached to the message that carries it. The bytes live in the FILES disk
 * service under `storageKey`, which Hearth makes up; the name is only ever shown.
 */
export const files = sqliteTable(
  'files',
  {
    id: text('id').primaryKey(),
    storageKey: text('storage_key').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    kind: text('kind').$type<FileKind>().notNull(),
    size: integer('size').notNull(),
    uploaderId: text('uploader_id').notNull(),
    uploaderName: text('uploader_name').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Null while the bytes are streaming in. */
    storedAt: integer('stored_at'),
    /** The message carrying the file, and its place among the message's files; null until it is sent. */
    messageSeq: integer('message_seq').references(() => messages.seq),
    position: integer('position').notNull().default(0),
    width: integer('width'),
    height: integer('height'),
    /** Set once the uploader's browser sent a thumbnail; its bytes are under `${storageKey}-thumb`. */
    thumbnailType: text('thumbnail_type'),
    thumbnailWidth: integer('thumbnail_width'),
    thumbnailHeight: integer('thumbnail_height'),
  },
  (t) => [index('files_message').on(t.messageSeq, t.position), index('files_kind_message').on(t.kind, t.messageSeq)],
);

export type FileRow = typeof files.$inferSelect;

/**
 * Files whose bytes are to be deleted and whose quota is to be given back: a deleted message's,
 * an expired upload's. The alarm works through them, so a failure is retried, never forgotten.
 */
export const filePurges = sqliteTable('file_purges', {
  fileId: text('file_id').primaryKey(),
  storageKey: text('storage_key').notNull(),
  hasThumbnail: integer('has_thumbnail', { mode: 'boolean' }).notNull(),
  queuedAt: integer('queued_at').notNull(),
});
