import { createEffect, onCleanup, type JSX } from 'solid-js';
import type { AccessLossReason } from '../../../src/shared/gateway';
import type { Member, Workspace } from '../../../src/shared/model';
import { conversationTitle } from '../lib/conversation-name';
import { setAttention, setPageTitle } from '../lib/attention';
import { playChime, showDesktopNotification } from '../lib/desktop-notifications';
import { shouldNotify } from '../lib/notify-policy';
import { GatewayContext, isUnread, openGateway } from '../stores/gateway';

/**
 * Opens the workspace gateway for as long as the workspace is on screen, and
 * turns its events into desktop notifications, a chime, and the tab's title and favicon count.
 */
export function GatewayProvider(props: {
  workspace: Workspace;
  accountId: string;
  viewingChannelId: string | undefined;
  onOpenChannel: (channelId: string, seq?: number) => void;
  onChannelsChanged: () => void;
  onMember: (member: Member) => void;
  onMemberRemoved: (userId: string) => void;
  onRemoved: (reason: AccessLossReason, message: string) => void;
  onReconnected: () => void;
  children: JSX.Element;
}): JSX.Element {
  const channelOf = (id: string) => props.workspace.channels.find((c) => c.id === id);
  const titleOf = (id: string) => {
    const channel = channelOf(id);
    return channel ? conversationTitle(channel, props.accountId) : 'a conversation';
  };

  const gateway = openGateway(props.workspace.id, props.accountId, {
    onActivity: (event, state) => {
      // A DM someone just started, or one the person closed, shows (again) in the sidebar.
      const known = channelOf(event.channelId);
      if (!known || known.hidden) props.onChannelsChanged();
      const focused = document.visibilityState === 'visible' && document.hasFocus();
      const context = { myId: props.accountId, override: gateway.state.override, viewingChannelId: props.viewingChannelId, focused };
      if (!shouldNotify(event, state, context)) return;
      playChime();
      if (focused) return;
      showDesktopNotification({
        title: channelOf(event.channelId)?.kind === 'dm' ? event.authorName : `${event.authorName} in ${titleOf(event.channelId)}`,
        body: event.preview,
        tag: `hearth-${event.channelId}`,
        onClick: () => props.onOpenChannel(event.channelId, event.threadRoot ?? event.seq),
      });
    },
    onChannelsChanged: () => props.onChannelsChanged(),
    onMember: (member) => props.onMember(member),
    onMemberRemoved: (userId) => props.onMemberRemoved(userId),
    onRemoved: (reason, message) => props.onRemoved(reason, message),
    onReconnected: () => props.onReconnected(),
  });
  onCleanup(gateway.dispose);

  createEffect(() => {
    const states = Object.values(gateway.state.channels);
    const mentions = states.reduce((sum, s) => sum + s.mentionCount, 0);
    setAttention(mentions, states.some((s) => !s.muted && isUnread(s)));
  });
  createEffect(() => {
    const viewing = props.viewingChannelId;
    setPageTitle(viewing ? `${titleOf(viewing)} · ${props.workspace.name}` : props.workspace.name);
  });
  onCleanup(() => {
    setAttention(0, false);
    setPageTitle('Hearth');
  });

  return <GatewayContext.Provider value={gateway}>{props.children}</GatewayContext.Provider>;
}
