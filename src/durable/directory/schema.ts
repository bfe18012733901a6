import { sql } from 'drizzle-orm';
import { check, customType, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { NameColor, RegistrationMode } from '../../shared/model';

/**
 * A deleted account keeps its row when deleted softly (a tombstone: deletedAt set, profile
 * and password cleared, username kept reserved) so the authorId of its remaining messages
 * still names someone; a hard deletion removes the row.
 */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  deactivatedAt: integer('deactivated_at'),
  deletedAt: integer('deleted_at'),
  /** Null while the person shows initials; the image itself is in `avatars`. */
  avatarVersion: text('avatar_version'),
  /** Null when no status is set. */
  statusText: text('status_text'),
  statusEmoji: text('status_emoji'),
  statusExpiresAt: integer('status_expires_at'),
  nameColor: text('name_color').$type<NameColor>(),
});

/** Raw bytes as Durable Object SQLite stores them (drizzle's own blob modes need Node's Buffer). */
const bytes = customType<{ data: Uint8Array<ArrayBuffer>; driverData: ArrayBuffer }>({
  dataType: () => 'blob',
  toDriver: (value) => value.slice().buffer,
  fromDriver: (value) => new Uint8Array(value),
});

/** Kept apart from `users` so the session lookup on every request never reads image pages. */
export const avatars = sqliteTable('avatars', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  bytes: bytes('bytes').notNull(),
});

/** Only a SHA-256 of each session token is stored, so a copied database cannot sign anyone in. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** Names the session to its owner ("sign this device out"); random, unrelated to the token. */
    publicId: text('public_id').notNull().default(''),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    address: text('address').notNull().default(''),
  },
  (t) => [index('sessions_user').on(t.userId), uniqueIndex('sessions_public_id').on(t.publicId)],
);

/** One row (id 1) once an administrator changes a setting; a null column falls back to the environment's default. */
export const instanceSettings = sqliteTable(
  'instance_settings',
  {
    id: integer('id').primaryKey(),
    name: text('name'),
    registrationMode: text('registration_mode').$type<RegistrationMode>(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('instance_settings_single_row', sql`${t.id} = 1`)],
);

export const workspaces = sqliteTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * Which workspaces each user belongs to (the workspace object holds the roles),
 * and which they left: a hard-deleted account's messages are erased there too.
 */
export const workspaceMemberships = sqliteTable(
  'workspace_memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    joinedAt: integer('joined_at').notNull(),
    /** Set while they are out of it (left, removed or banned); cleared when they join again. */
    leftAt: integer('left_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.workspaceId] })],
);

/** Routes an invite code to its workspace; the workspace object holds the invite itself. */
export const inviteCodes = sqliteTable('invite_codes', {
  code: text('code').primaryKey(),
  workspaceId: text('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
});

/**
 * What each person's files weigh, for their storage quota: one row per file, in any channel of
 * any workspace, so giving a file's bytes back twice changes nothing. A row with no `storedAt`
 * is an upload still streaming: it counts (so parallel uploads cannot overshoot the quota)
 * until it settles or lapses. Not tied to `users`: the files outlive a softly deleted account.
 */
export const fileUsage = sqliteTable(
  'file_usage',
  {
    fileId: text('file_id').primaryKey(),
    userId: text('user_id').notNull(),
    bytes: integer('bytes').notNull(),
    thumbnailBytes: integer('thumbnail_bytes').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    storedAt: integer('stored_at'),
  },
  (t) => [index('file_usage_user').on(t.userId)],
);
