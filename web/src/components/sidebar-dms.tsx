import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Channel, Workspace } from '../../../src/shared/model';
import { errorMessage } from '../api/client';
import { conversationTitle, dmOthers } from '../lib/conversation-name';
import { dismissOnOutside } from '../lib/dismiss';
import { useGateway } from '../stores/gateway';
import { useMembers } from '../stores/members';
import { Avatar } from './avatar';
import { CloseIcon, ComposeIcon } from './icons';
import { SidebarLink } from './sidebar-link';

/** The sidebar's "Direct messages": the person's open DMs, most recent first, each closable. */
export function SidebarDms(props: {
  workspace: Workspace;
  activeChannelId?: string;
  onNewMessage: () => void;
  onClose: (channelId: string) => Promise<void>;
}): JSX.Element {
  const gateway = useGateway();
  const lastActive = (c: Channel) => gateway?.state.channels[c.id]?.lastPostAt ?? c.createdAt;
  const dms = () =>
    props.workspace.channels.filter((c) => c.kind === 'dm' && c.joined && (!c.hidden || c.id === props.activeChannelId)).sort((a, b) => lastActive(b) - lastActive(a));

  return (
    <div class="sidebar-group" role="group" aria-label="Direct messages">
      <div class="sidebar-section">
        <span>Direct messages</span>
        <button class="icon-button small" type="button" title="New message" aria-label="New message" data-testid="new-dm" onClick={() => props.onNewMessage()}>
          <ComposeIcon size={14} />
        </button>
      </div>
      <For each={dms()}>
        {(channel) => <DmLink workspaceId={props.workspace.id} myId={props.workspace.me.userId} channel={channel} active={channel.id === props.activeChannelId} onClose={props.onClose} />}
      </For>
      <Show when={dms().length === 0}>
        <button class="channel-link subtle" type="button" onClick={() => props.onNewMessage()}>
          <span class="hash">
            <ComposeIcon size={15} />
          </span>
          New message
        </button>
      </Show>
    </div>
  );
}

/** One DM: the other person's avatar and presence (or the group's size) and names; "Close conversation" on hover or right-click. */
function DmLink(props: { workspaceId: string; myId: string; channel: Channel; active: boolean; onClose: (channelId: string) => Promise<void> }): JSX.Element {
  const members = useMembers();
  const gateway = useGateway();
  const [menuOpen, setMenuOpen] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let row: HTMLDivElement | undefined;
  dismissOnOutside(() => row, () => setMenuOpen(false));

  const others = () => dmOthers(props.channel, props.myId);
  const names = () => conversationTitle(props.channel, props.myId, (p) => members.nameOf(p.userId, p.displayName));
  const close = async () => {
    setMenuOpen(false);
    setError(null);
    await props.onClose(props.channel.id).catch((e: unknown) => setError(errorMessage(e)));
  };

  const icon = () => (
    <Show when={others().length === 1} fallback={<span class="dm-count" aria-label={`${others().length + 1} people`}>{others().length}</span>}>
      <Avatar name={names()} seed={others()[0].userId} size="sm" presence={gateway?.presenceOf(others()[0].userId)} />
    </Show>
  );

  return (
    <div class="dm-row" ref={row}>
      <SidebarLink
        href={`/w/${props.workspaceId}/${props.channel.id}`}
        channel={props.channel}
        active={props.active}
        icon={icon()}
        label={names()}
        testId="sidebar-dm"
        onContextMenu={(e) => {
          e.preventDefault();
          setMenuOpen(true);
        }}
      />
      <button class="icon-button small dm-close" type="button" title="Close conversation" aria-label={`Close conversation with ${names()}`} onClick={() => void close()}>
        <CloseIcon size={13} />
      </button>
      <Show when={menuOpen()}>
        <div class="menu dm-menu" role="menu">
          <button class="menu-item" role="menuitem" type="button" onClick={() => void close()}>
            Close conversation
          </button>
        </div>
      </Show>
      <Show when={error()}>
        <p class="sidebar-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
