import { createEffect, onCleanup, type JSX } from 'solid-js';
import type { Workspace } from '../../../src/shared/model';
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
  children: JSX.Element;
}): JSX.Element {
  const channelName = (id: string) => props.workspace.channels.find((c) => c.id === id)?.name ?? 'a channel';

  const gateway = openGateway(props.workspace.id, props.accountId, {
    onActivity: (event, state) => {
      const focused = document.visibilityState === 'visible' && document.hasFocus();
      const context = { myId: props.accountId, override: gateway.state.override, viewingChannelId: props.viewingChannelId, focused };
      if (!shouldNotify(event, state, context)) return;
      playChime();
      if (focused) return;
      showDesktopNotification({
        title: `${event.authorName} in #${channelName(event.channelId)}`,
        body: event.preview,
        tag: `hearth-${event.channelId}`,
        onClick: () => props.onOpenChannel(event.channelId, event.threadRoot ?? event.seq),
      });
    },
    onChannelsChanged: () => props.onChannelsChanged(),
  });
  onCleanup(gateway.dispose);

  createEffect(() => {
    const states = Object.values(gateway.state.channels);
    const mentions = states.reduce((sum, s) => sum + s.mentionCount, 0);
    setAttention(mentions, states.some((s) => !s.muted && isUnread(s)));
  });
  createEffect(() => {
    const viewing = props.viewingChannelId;
    setPageTitle(viewing ? `#${channelName(viewing)} · ${props.workspace.name}` : props.workspace.name);
  });
  onCleanup(() => {
    setAttention(0, false);
    setPageTitle('Hearth');
  });

  return <GatewayContext.Provider value={gateway}>{props.children}</GatewayContext.Provider>;
}
