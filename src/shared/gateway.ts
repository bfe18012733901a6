/**
 * The workspace gateway WebSocket protocol: one socket per open workspace, to
 * the workspace object. It carries what a client needs about channels it is not
 * viewing (unread state, mentions), presence, and channel list changes.
 * Channel events reach only the channel's members.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors';
import { STATUS_OVERRIDES, type ChannelReadState, type Member, type Presence, type StatusOverride } from './model';

const id = z.string().regex(/^[a-z2-7]{16}$/, 'Not a valid id');

/** The client has seen the channel up to `seq`; read positions only move forward. */
export const ReadFrame = z.object({
  type: z.literal('read'),
  channelId: id,
  seq: z.number().int().min(0),
});

/** The tab's own activity: `idle` after inactivity or while hidden for a while. Drives automatic away. */
export const ActivityFrame = z.object({
  type: z.literal('activity'),
  state: z.enum(['active', 'idle']),
});

/** A manual presence override; `auto` follows activity again. */
export const StatusFrame = z.object({
  type: z.literal('status'),
  override: z.enum(STATUS_OVERRIDES),
});

export const GatewayClientFrame = z.discriminatedUnion('type', [ReadFrame, ActivityFrame, StatusFrame]);
export type GatewayClientFrame = z.infer<typeof GatewayClientFrame>;

export const ACCESS_LOSS_REASONS = ['removed', 'banned', 'left', 'account_deleted', 'account_deactivated'] as const;
export type AccessLossReason = (typeof ACCESS_LOSS_REASONS)[number];

/** A new message in a channel the recipient belongs to, for badges and notifications. */
export interface ActivityEvent {
  channelId: string;
  seq: number;
  authorId: string;
  authorName: string;
  /** The start of the body, at most LIMITS.activityPreviewMax characters. */
  preview: string;
  threadRoot: number | null;
  /** Whether this message mentions the recipient (by name, @channel/@everyone, or @here while online). */
  mentionsYou: boolean;
}

export type GatewayServerFrame =
  /** First frame: everything the client needs to draw badges and presence. */
  | {
      type: 'hello';
      protocol: number;
      userId: string;
      channels: ChannelReadState[];
      presence: Record<string, Presence>;
      statusOverride: StatusOverride;
    }
  /** A new message; `state` is the recipient's updated state for that channel. */
  | { type: 'activity'; event: ActivityEvent; state: ChannelReadState }
  /** The recipient's state for one channel changed (read on another device, settings, joined). */
  | { type: 'state'; state: ChannelReadState }
  /** The recipient left or lost a channel: drop its state. */
  | { type: 'state-removed'; channelId: string }
  | { type: 'presence'; userId: string; presence: Presence }
  /** The recipient's own override, echoed to all their devices. */
  | { type: 'status'; override: StatusOverride }
  /** Channels were created, renamed, archived, deleted or gained members: refetch the channel list. */
  | { type: 'channels-changed' }
  /** A member joined or changed (profile, role, timeout); replaces what the client has under `member.userId`. */
  | { type: 'member'; member: Member }
  /** A member left, was removed or banned, or deleted their account. */
  | { type: 'member-removed'; userId: string }
  /**
   * The recipient lost access to the workspace; the socket closes next with
   * ACCESS_REVOKED_CLOSE and must not reconnect.
   */
  | { type: 'removed'; reason: AccessLossReason; message: string }
  | { type: 'error'; code: ErrorCode; message: string };

export { GATEWAY_PROTOCOL_VERSION } from './wire';
