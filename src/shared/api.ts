/**
 * Request bodies and query strings of the HTTP API: one schema gives the type
 * and the runtime check, used by the worker to validate and the web app to build.
 */
import { z } from 'zod';
import { CHANNEL_NAME_PATTERN, LIMITS, USERNAME_PATTERN } from './limits';
import { FILE_KINDS } from './files';
import { ACCOUNT_DELETION_MODES, AUDIT_ACTIONS, BROADCAST_MENTIONS, NAME_COLORS, NOTIFICATION_LEVELS, REGISTRATION_MODES, ROLES } from './model';
import { emoji } from './protocol';

export { ACCOUNT_HEADER, ACCOUNT_QUERY } from './wire';

const trimmed = (max: number, min = 1) => z.string().trim().min(min).max(max);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(LIMITS.usernameMin, `Use at least ${LIMITS.usernameMin} characters`)
  .max(LIMITS.usernameMax, `Use at most ${LIMITS.usernameMax} characters`)
  .regex(USERNAME_PATTERN, 'Use lowercase letters, digits, dots, dashes and underscores, starting with a letter or digit and not ending in a dot')
  .refine((name) => !(BROADCAST_MENTIONS as readonly string[]).includes(name), 'That name mentions everyone in a channel (@channel, @here, @everyone); choose another');

export const password = z
  .string()
  .min(LIMITS.passwordMin, `Use at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax, `Use at most ${LIMITS.passwordMax} characters`);

export const inviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,32}$/, 'An invite code is letters and digits');

export const SignUpBody = z.object({
  username,
  password,
  displayName: trimmed(LIMITS.displayNameMax).optional(),
  inviteCode: inviteCode.optional(),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const CreateWorkspaceBody = z.object({ name: trimmed(LIMITS.workspaceNameMax) });
export type CreateWorkspaceBody = z.infer<typeof CreateWorkspaceBody>;

export const channelName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/^#/, '').replace(/\s+/g, '-'))
  .pipe(
    z
      .string()
      .min(1, 'Give the channel a name')
      .max(LIMITS.channelNameMax, `Use at most ${LIMITS.channelNameMax} characters`)
      .regex(CHANNEL_NAME_PATTERN, 'Use lowercase letters, digits, dashes and underscores'),
  );

const channelTopic = z.string().trim().max(LIMITS.channelTopicMax, `A topic is at most ${LIMITS.channelTopicMax} characters`);

export const CreateChannelBody = z.object({
  name: channelName,
  topic: channelTopic.default(''),
  /** A private channel is seen only by its members; they add others. */
  private: z.boolean().default(false),
});
export type CreateChannelBody = z.infer<typeof CreateChannelBody>;

export const CreateInviteBody = z.object({
  maxUses: z.number().int().min(1).max(LIMITS.inviteMaxUses).nullable().default(null),
  expiresInSeconds: z
    .number()
    .int()
    .min(60, 'An invite lasts at least a minute')
    .max(LIMITS.inviteMaxLifetimeMs / 1000, 'An invite lasts at most a year')
    .nullable()
    .default(null),
});
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

export const ChangeRoleBody = z.object({ role: z.enum(ROLES) });
export type ChangeRoleBody = z.infer<typeof ChangeRoleBody>;

export const HistoryQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.historyPageMax).default(LIMITS.historyPageSize),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const SocketQuery = z.object({
  /** Last sequence the client has; the server replays everything after it. */
  after: z.coerce.number().int().min(0).default(0),
  protocol: z.coerce.number().int().min(1).default(1),
});

/** Ids Hearth generates: lowercase base32, fixed length. */
export const entityId = z.string().regex(/^[a-z2-7]{16}$/, 'Not a valid id');

export const GatewayQuery = z.object({
  protocol: z.coerce.number().int().min(1).default(1),
});

/** Change either or both; the answer is the caller's new state in the channel. */
export const NotificationSettingsBody = z
  .object({
    level: z.enum(NOTIFICATION_LEVELS).optional(),
    muted: z.boolean().optional(),
  })
  .refine((body) => body.level !== undefined || body.muted !== undefined, 'Give a level, muted, or both');
export type NotificationSettingsBody = z.infer<typeof NotificationSettingsBody>;

/** Rename a channel, change its topic, or both. */
export const UpdateChannelBody = z
  .object({ name: channelName.optional(), topic: channelTopic.optional() })
  .refine((body) => body.name !== undefined || body.topic !== undefined, 'Give a name, a topic, or both');
export type UpdateChannelBody = z.infer<typeof UpdateChannelBody>;

/** Deleting a channel is confirmed by typing its name. */
export const DeleteChannelBody = z.object({ confirmName: z.string().trim().toLowerCase().transform((s) => s.replace(/^#/, '')) });
export type DeleteChannelBody = z.infer<typeof DeleteChannelBody>;

export const SlowModeBody = z.object({
  seconds: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.slowModeMaxSeconds, `Slow mode is at most ${LIMITS.slowModeMaxSeconds / 3600} hours`),
});
export type SlowModeBody = z.infer<typeof SlowModeBody>;

/** Opens the DM with exactly these people (the caller is added); the existing one when it exists. */
export const OpenDmBody = z.object({
  userIds: z
    .array(entityId)
    .min(1, 'Choose at least one person')
    .max(LIMITS.dmMembersMax - 1, `A group DM has at most ${LIMITS.dmMembersMax} people, you included`),
});
export type OpenDmBody = z.infer<typeof OpenDmBody>;

export const TimeoutBody = z.object({
  seconds: z
    .number()
    .int()
    .min(LIMITS.timeoutMinSeconds, 'A timeout lasts at least a minute')
    .max(LIMITS.timeoutMaxSeconds, 'A timeout lasts at most 28 days'),
  reason: z.string().trim().max(LIMITS.banReasonMax).default(''),
});
export type TimeoutBody = z.infer<typeof TimeoutBody>;

export const BanBody = z.object({ reason: z.string().trim().max(LIMITS.banReasonMax).default('') });
export type BanBody = z.infer<typeof BanBody>;

export const AuditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: entityId.optional(),
  targetId: entityId.optional(),
  /** Entries with an id below this one (the previous page's nextBefore). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.auditPageMax).default(LIMITS.auditPageSize),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const UserStatusBody = z.object({
  text: z.string().trim().max(LIMITS.statusTextMax, `A status is at most ${LIMITS.statusTextMax} characters`),
  emoji: emoji.nullable().default(null),
  expiresAt: z.number().int().min(0).nullable().default(null),
});

/** Change any of the caller's profile fields; `status: null` clears the status, `nameColor: null` the colour. */
export const UpdateProfileBody = z
  .object({
    displayName: trimmed(LIMITS.displayNameMax).optional(),
    status: UserStatusBody.nullable().optional(),
    nameColor: z.enum(NAME_COLORS).nullable().optional(),
  })
  .refine((b) => b.displayName !== undefined || b.status !== undefined || b.nameColor !== undefined, 'Change at least one field');
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(LIMITS.passwordMax),
  newPassword: password,
  /** Also end every other session of the account. */
  signOutOthers: z.boolean().default(false),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const DeleteAccountBody = z.object({
  password: z.string().min(1, 'Enter your password to confirm').max(LIMITS.passwordMax),
  mode: z.enum(ACCOUNT_DELETION_MODES),
});
export type DeleteAccountBody = z.infer<typeof DeleteAccountBody>;

export const UpdateInstanceSettingsBody = z
  .object({
    name: trimmed(LIMITS.instanceNameMax).optional(),
    registrationMode: z.enum(REGISTRATION_MODES).optional(),
  })
  .refine((b) => b.name !== undefined || b.registrationMode !== undefined, 'Change the name, the registration mode, or both');
export type UpdateInstanceSettingsBody = z.infer<typeof UpdateInstanceSettingsBody>;

export const PlantUmlBody = z.object({
  source: z
    .string()
    .trim()
    .min(1, 'Send the diagram\'s source')
    .max(LIMITS.plantUmlSourceMax, `A PlantUML diagram is at most ${LIMITS.plantUmlSourceMax} characters`),
});
export type PlantUmlBody = z.infer<typeof PlantUmlBody>;
const mediaDimension = z.coerce.number().int().min(1).max(LIMITS.mediaDimensionMax);

/**
 * POST …/channels/:channelId/files?name=…: the body is the file's bytes, its Content-Type the
 * file's type, its Content-Length required. Width and height are an image's or video's, as the
 * browser measured them.
 */
export const UploadQuery = z.object({
  name: z.string().max(LIMITS.fileNameRawMax, `A file name is at most ${LIMITS.fileNameRawMax} characters`),
  width: mediaDimension.optional(),
  height: mediaDimension.optional(),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

/** PUT …/thumbnails/:fileId: the body is a PNG, JPEG or WebP image; its size in pixels optional. */
export const ThumbnailQuery = z.object({
  width: mediaDimension.optional(),
  height: mediaDimension.optional(),
});

const flag = z.enum(['0', '1']).optional().transform((value) => value === '1');

/** GET …/files/:fileId: `download=1` always saves the file; `preview=1` shows any type in the page (sandboxed). */
export const DownloadQuery = z.object({ download: flag, preview: flag });

/** GET …/channels/:channelId/files: newest first, optionally of one kind. */
export const FilesQuery = z.object({
  kind: z.enum(FILE_KINDS).optional(),
  /** The previous page's nextBefore. */
  before: z
    .string()
    .regex(/^\d{1,15}\.\d{1,3}$/, 'Pass the nextBefore of the previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.filesPageMax).default(LIMITS.filesPageSize),
});
export type FilesQuery = z.infer<typeof FilesQuery>;

/** GET /api/workspaces/:ws/search (issue 7). */
export const SearchQuery = z.object({
  q: z.string().max(LIMITS.searchQueryMax * 2),
  sort: z.enum(['newest', 'relevance']).default('newest'),
  /** The caller's IANA time zone, for before:/after:/on: days. */
  tz: z.string().max(64).default('UTC'),
  cursor: z.string().max(1000).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
