import { foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AuditAction, AuditEntry, ChannelKind, NameColor, NotificationLevel, Presence, Role, StatusOverride } from '../../shared/model';

/** One row: this object's workspace. */
export const workspaceInfo = sqliteTable('workspace_info', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  ownerId: text('owner_id').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const members = sqliteTable('members', {
  userId: text('user_id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<Role>().notNull(),
  joinedAt: integer('joined_at').notNull(),
  /** The presence the member chose; kept while they are offline, applied while connected. */
  statusOverride: text('status_override').$type<StatusOverride>().notNull().default('auto'),
  /**
   * The presence last announced for the member. Sockets that close together leave
   * the runtime's list before their handlers run, so a change is detected against
   * this rather than recomputed from "before" and "after" the one socket.
   */
  announcedPresence: text('announced_presence').$type<Presence>().notNull().default('offline'),
  /** While in the future, the member cannot post, edit or react anywhere in the workspace. */
  timedOutUntil: integer('timed_out_until'),
  /** A copy of the profile the directory holds, kept current by Workspace.profileChanged. */
  avatarVersion: text('avatar_version'),
  statusText: text('status_text'),
  statusEmoji: text('status_emoji'),
  statusExpiresAt: integer('status_expires_at'),
  nameColor: text('name_color').$type<NameColor>(),
});

export const channels = sqliteTable(
  'channels',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<ChannelKind>().notNull().default('public'),
    /** Unique; a DM's is `@dm:<id>`, which no channel name can be (the API shows DMs with an empty name). */
    name: text('name').notNull().unique(),
    topic: text('topic').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The largest post seq heard from the channel object, thread-only replies included: reads are clamped to it. */
    lastSeq: integer('last_seq').notNull().default(0),
    /** The newest post shown in the channel itself; later than a member's read seq means unread. */
    lastPostSeq: integer('last_post_seq').notNull().default(0),
    lastPostAt: integer('last_post_at'),
    archivedAt: integer('archived_at'),
    slowModeSeconds: integer('slow_mode_seconds').notNull().default(0),
    /** For DMs: the members' ids sorted and joined with ",", so one set of people has one DM. */
    dmKey: text('dm_key'),
  },
  (t) => [uniqueIndex('channels_dm_key').on(t.dmKey)],
);

/**
 * Membership of a channel, with the member's read position and notification
 * settings there. Notifications default to mentions only; the level and the
 * mute are preferences clients apply, the server counts mentions regardless.
 */
export const channelMembers = sqliteTable(
  'channel_members',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => members.userId, { onDelete: 'cascade' }),
    joinedAt: integer('joined_at').notNull(),
    readSeq: integer('read_seq').notNull().default(0),
    level: text('notification_level').$type<NotificationLevel>().notNull().default('mentions'),
    muted: integer('muted', { mode: 'boolean' }).notNull().default(false),
    /** A DM the member hid from their sidebar; cleared when a new message arrives. */
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index('channel_members_user').on(t.userId)],
);

/** An unread message that mentions a channel member; removed as they read past it or leave. */
export const mentionMarks = sqliteTable(
  'mention_marks',
  {
    userId: text('user_id').notNull(),
    channelId: text('channel_id').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.channelId, t.seq] }),
    index('mention_marks_message').on(t.channelId, t.seq),
    foreignKey({ columns: [t.channelId, t.userId], foreignColumns: [channelMembers.channelId, channelMembers.userId] }).onDelete('cascade'),
  ],
);

/** The latest posts recorded per channel, so a repeated or late report is handled once (see read-state.ts). */
export const recordedPosts = sqliteTable(
  'recorded_posts',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.seq] })],
);

/** Messages a member saved for later; the message itself stays in its channel object. */
export const savedMessages = sqliteTable(
  'saved_messages',
  {
    userId: text('user_id')
      .notNull()
      .references(() => members.userId, { onDelete: 'cascade' }),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    savedAt: integer('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channelId, t.seq] }), index('saved_messages_newest').on(t.userId, t.savedAt)],
);

export const invites = sqliteTable('invites', {
  code: text('code').primaryKey(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  maxUses: integer('max_uses'),
  uses: integer('uses').notNull().default(0),
  expiresAt: integer('expires_at'),
  revokedAt: integer('revoked_at'),
});

/** People barred from the workspace; an invite does not let them back in. */
export const bans = sqliteTable('bans', {
  userId: text('user_id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  bannedBy: text('banned_by').notNull(),
  bannedByName: text('banned_by_name').notNull(),
  bannedAt: integer('banned_at').notNull(),
  reason: text('reason').notNull().default(''),
});

/** Every moderation action and role change: who, what, to whom, when, from where. Append-only. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    action: text('action').$type<AuditAction>().notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    targetId: text('target_id'),
    targetName: text('target_name'),
    channelId: text('channel_id'),
    detail: text('detail', { mode: 'json' }).$type<AuditEntry['detail']>().notNull(),
    address: text('address').notNull().default(''),
  },
  (t) => [index('audit_log_action').on(t.action, t.id), index('audit_log_actor').on(t.actorId, t.id), index('audit_log_target').on(t.targetId, t.id)],
);
