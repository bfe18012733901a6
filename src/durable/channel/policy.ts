import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { heldToSlowMode } from '../../shared/permissions';
import type { ChannelDb } from './db';
import type { SocketIdentity } from './identity';
import * as schema from './schema';
import { statements } from './statements';

const { channelInfo } = schema;

/** Header with the channel's policy as the worker read it when it opened a socket. */
export const POLICY_HEADER = 'X-Hearth-Channel-Policy';

/** What the workspace decides about a channel that its object enforces. */
export const ChannelPolicy = z.object({
  channelId: z.string(),
  workspaceId: z.string(),
  archivedAt: z.number().nullable(),
  slowModeSeconds: z.number().int().min(0),
});
export type ChannelPolicy = z.infer<typeof ChannelPolicy>;

/** The workspace changed the policy: it replaces the copy held here. */
export function savePolicy(db: ChannelDb, policy: ChannelPolicy) {
  const { channelId: id, ...rest } = policy;
  db.insert(channelInfo)
    .values({ id, ...rest })
    .onConflictDoUpdate({ target: channelInfo.id, set: rest })
    .run();
}

/**
 * A socket opened with the policy the worker read moments ago: kept only when
 * the object holds none yet, so it cannot undo a change pushed in between.
 */
export function adoptPolicy(db: ChannelDb, policy: ChannelPolicy) {
  const { channelId: id, ...rest } = policy;
  db.insert(channelInfo)
    .values({ id, ...rest })
    .onConflictDoNothing()
    .run();
}

function currentPolicy(db: ChannelDb) {
  return statements(db).policy.get();
}

/** Why a post, edit, delete, reaction or pin is refused now: an archived (read-only) channel, or a timeout; null when allowed. */
export function writeRefusal(db: ChannelDb, identity: SocketIdentity, now: number): AppError | null {
  if (currentPolicy(db)?.archivedAt != null) {
    return new AppError('channel_archived', 'This channel is archived: it can be read but not changed. A moderator can unarchive it.');
  }
  if (identity.timedOutUntil !== null && now < identity.timedOutUntil) {
    return new AppError('timed_out', `You are timed out until ${new Date(identity.timedOutUntil).toISOString()}`);
  }
  return null;
}

export function requireMayWrite(db: ChannelDb, identity: SocketIdentity, now: number) {
  const refusal = writeRefusal(db, identity, now);
  if (refusal) throw refusal;
}

/** Refuses a new message sooner after the person's last one than slow mode allows; moderators and above are exempt. */
export function requireSlowModeAllows(db: ChannelDb, identity: SocketIdentity, now: number) {
  const seconds = currentPolicy(db)?.slowModeSeconds ?? 0;
  if (seconds === 0 || !heldToSlowMode(identity.role)) return;
  const last = statements(db).lastPostAt.get({ userId: identity.userId });
  const waitMs = last ? last.at + seconds * 1000 - now : 0;
  if (waitMs > 0) {
    const left = Math.ceil(waitMs / 1000);
    throw new AppError('slow_mode', `Slow mode is on: you can post again in ${left} second${left === 1 ? '' : 's'}`);
  }
}

export function recordPostTime(db: ChannelDb, userId: string, now: number) {
  statements(db).recordPostTime.run({ userId, at: now });
}
