/**
 * Request bodies and query strings of the HTTP API: one schema gives the type
 * and the runtime check, used by the worker to validate and the web app to build.
 */
import { z } from 'zod';
import { CHANNEL_NAME_PATTERN, LIMITS, USERNAME_PATTERN } from './limits';
import { BROADCAST_MENTIONS, NOTIFICATION_LEVELS, ROLES } from './model';

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

export const CreateChannelBody = z.object({
  name: channelName,
  topic: z.string().trim().max(LIMITS.channelTopicMax).default(''),
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
