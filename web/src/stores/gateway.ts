import { batch, createContext, useContext } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import type { AccessLossReason, ActivityEvent, GatewayClientFrame, GatewayServerFrame } from '../../../src/shared/gateway';
import { GATEWAY_PROTOCOL_VERSION } from '../../../src/shared/wire';
import type { ChannelReadState, Member, NotificationLevel, Presence, StatusOverride } from '../../../src/shared/model';
import { errorMessage } from '../api/client';
import { endpoints, gatewaySocketUrl } from '../api/endpoints';
import { LiveSocket, type SocketStatus } from '../api/live-socket';
import { watchIdle } from '../lib/idle-watch';

export interface GatewayState {
  /** The caller's read state per channel they belong to. */
  channels: Record<string, ChannelReadState>;
  /** Everyone not offline. */
  presence: Record<string, Presence>;
  override: StatusOverride;
  status: SocketStatus;
  ready: boolean;
}

export interface GatewayHooks {
  /** A message arrived in a channel the person belongs to (their own included). */
  onActivity: (event: ActivityEvent, state: ChannelReadState) => void;
  /** Channels were created, changed, joined or lost: refetch the channel list. */
  onChannelsChanged: () => void;
  /** A member joined or changed (the recipient too: role, timeout, profile). */
  onMember: (member: Member) => void;
  onMemberRemoved: (userId: string) => void;
  /** The recipient lost the workspace; the gateway has stopped and will not reconnect. */
  onRemoved: (reason: AccessLossReason, message: string) => void;
  /** The socket connected again after a drop: frames may have been missed. */
  onReconnected: () => void;
}

export const isUnread = (s: ChannelReadState | undefined) => !!s && s.lastPostSeq > s.readSeq;

/**
 * The workspace gateway: one socket per open workspace telling this client about
 * unread messages and mentions in every channel, presence, and channel list changes.
 */
export function openGateway(workspaceId: string, accountId: string, hooks: GatewayHooks) {
  const [state, setState] = createStore<GatewayState>({ channels: {}, presence: {}, override: 'auto', status: 'connecting', ready: false });
  const idle = watchIdle((activity) => socket.send({ type: 'activity', state: activity }));

  let connectedBefore = false;
  let removed = false;
  const onFrame = (frame: GatewayServerFrame) => {
    switch (frame.type) {
      case 'hello':
        if (connectedBefore) hooks.onReconnected();
        connectedBefore = true;
        batch(() => {
          setState('channels', reconcile(Object.fromEntries(frame.channels.map((c) => [c.channelId, c]))));
          setState('presence', reconcile(frame.presence));
          setState({ override: frame.statusOverride, ready: true });
        });
        if (idle.current() === 'idle') socket.send({ type: 'activity', state: 'idle' });
        break;
      case 'activity':
        setState('channels', frame.state.channelId, frame.state);
        hooks.onActivity(frame.event, frame.state);
        break;
      case 'state':
        setState('channels', frame.state.channelId, frame.state);
        break;
      case 'state-removed':
        setState('channels', produce((c) => void delete c[frame.channelId]));
        break;
      case 'presence':
        if (frame.presence === 'offline') setState('presence', produce((p) => void delete p[frame.userId]));
        else setState('presence', frame.userId, frame.presence);
        break;
      case 'status':
        setState('override', frame.override);
        break;
      case 'channels-changed':
        hooks.onChannelsChanged();
        break;
      case 'member':
        hooks.onMember(frame.member);
        break;
      case 'member-removed':
        hooks.onMemberRemoved(frame.userId);
        break;
      case 'removed':
        removed = true;
        hooks.onRemoved(frame.reason, frame.message);
        break;
      case 'error':
        console.warn('gateway:', frame.message);
        break;
    }
  };

  const socket = new LiveSocket<GatewayServerFrame, GatewayClientFrame>({
    url: () => gatewaySocketUrl(workspaceId, accountId, GATEWAY_PROTOCOL_VERSION),
    onFrame,
    onStatus: (status) => setState('status', status),
    // The `removed` frame normally comes first and says why; without it, say what is known.
    onRevoked: () => !removed && hooks.onRemoved('removed', ''),
  });
  socket.start();

  /** Marks a channel read up to `seq`; read positions only move forward. */
  function markRead(channelId: string, seq: number) {
    const current = state.channels[channelId];
    if (!current || current.readSeq >= seq) return;
    // Shown at once; the server's `state` (to every device) follows.
    setState('channels', channelId, { readSeq: Math.max(seq, current.readSeq), mentionCount: 0 });
    socket.send({ type: 'read', channelId, seq });
  }

  function setOverride(override: StatusOverride) {
    setState('override', override);
    socket.send({ type: 'status', override });
  }

  async function setNotifications(channelId: string, change: { level?: NotificationLevel; muted?: boolean }): Promise<string | null> {
    try {
      const { state: next } = await endpoints.notificationSettings(workspaceId, channelId, change);
      setState('channels', channelId, next);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  /** A person's presence as this workspace sees it. */
  const presenceOf = (userId: string): Presence => state.presence[userId] ?? 'offline';

  return {
    state,
    markRead,
    setOverride,
    setNotifications,
    presenceOf,
    dispose: () => {
      idle.stop();
      socket.stop();
    },
  };
}

export type Gateway = ReturnType<typeof openGateway>;

export const GatewayContext = createContext<Gateway>();

/** The open workspace's gateway; undefined outside a workspace page. */
export const useGateway = () => useContext(GatewayContext);
