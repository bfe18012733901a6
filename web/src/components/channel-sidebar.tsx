import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Workspace } from '../../../src/shared/model';
import { can } from '../../../src/shared/permissions';
import { AccountMenu } from './account-menu';
import { isUnread, useGateway } from '../stores/gateway';
import { BellOffIcon, BookmarkIcon, ChevronDownIcon, HashIcon, PlusIcon, SearchIcon, UserPlusIcon } from './icons';

export type SidebarDialog = 'invite' | 'create-channel' | 'browse-channels' | 'members' | 'saved';

/** The workspace's name with its menu, the channels the person is in, and their account. */
export function ChannelSidebar(props: {
  workspace: Workspace;
  activeChannelId?: string;
  onOpenDialog: (dialog: SidebarDialog) => void;
}): JSX.Element {
  const [menuOpen, setMenuOpen] = createSignal(false);
  const joined = () => props.workspace.channels.filter((c) => c.joined);
  const role = () => props.workspace.me.role;
  const gateway = useGateway();
  const readState = (channelId: string) => gateway?.state.channels[channelId];
  const open = (dialog: SidebarDialog) => {
    setMenuOpen(false);
    props.onOpenDialog(dialog);
  };

  return (
    <aside class="sidebar">
      <div class="sidebar-header">
        <button
          class="workspace-name"
          type="button"
          aria-haspopup="menu"
          aria-expanded={menuOpen()}
          onClick={() => setMenuOpen(!menuOpen())}
        >
          <span>{props.workspace.name}</span>
          <ChevronDownIcon />
        </button>
        <Show when={menuOpen()}>
          <div class="menu" role="menu">
            <Show when={can.manageInvites(role())}>
              <button class="menu-item" role="menuitem" type="button" onClick={() => open('invite')}>
                Invite people
              </button>
            </Show>
            <button class="menu-item" role="menuitem" type="button" onClick={() => open('members')}>
              Members
            </button>
            <button class="menu-item" role="menuitem" type="button" onClick={() => open('browse-channels')}>
              Browse channels
            </button>
            <button class="menu-item" role="menuitem" type="button" onClick={() => open('create-channel')}>
              Create a channel
            </button>
          </div>
        </Show>
      </div>
      <nav class="sidebar-scroll" aria-label="Channels">
        <button class="channel-link" type="button" onClick={() => open('saved')} data-testid="open-saved">
          <span class="hash">
            <BookmarkIcon size={15} />
          </span>
          <span class="channel-link-name">Saved for later</span>
        </button>
        <div class="sidebar-section">
          <span>Channels</span>
          <button class="icon-button small" type="button" title="Create a channel" aria-label="Create a channel" onClick={() => open('create-channel')}>
            <PlusIcon />
          </button>
        </div>
        <For each={joined()}>
          {(channel) => (
            <A
              href={`/w/${props.workspace.id}/${channel.id}`}
              class="channel-link"
              classList={{
                active: channel.id === props.activeChannelId,
                unread: channel.id !== props.activeChannelId && isUnread(readState(channel.id)) && !readState(channel.id)?.muted,
                muted: !!readState(channel.id)?.muted,
              }}
              data-unread={isUnread(readState(channel.id)) ? 'true' : undefined}
              aria-current={channel.id === props.activeChannelId ? 'page' : undefined}
            >
              <span class="hash">
                <HashIcon size={15} />
              </span>
              <span class="channel-link-name">{channel.name}</span>
              <Show when={readState(channel.id)?.muted}>
                <span class="muted-icon" title="Muted">
                  <BellOffIcon size={13} />
                </span>
              </Show>
              <Show when={readState(channel.id)?.mentionCount}>
                {(count) => (
                  <span class="mention-badge" data-testid="mention-badge" aria-label={`${count()} ${count() === 1 ? 'mention' : 'mentions'}`}>
                    {count()}
                  </span>
                )}
              </Show>
            </A>
          )}
        </For>
        <button class="channel-link subtle" type="button" onClick={() => open('browse-channels')}>
          <span class="hash">
            <SearchIcon size={15} />
          </span>
          Browse channels
        </button>
        <Show when={can.manageInvites(role())}>
          <button class="channel-link subtle" type="button" onClick={() => open('invite')}>
            <span class="hash">
              <UserPlusIcon size={15} />
            </span>
            Invite people
          </button>
        </Show>
      </nav>
      <div class="sidebar-footer">
        <AccountMenu placement="up" />
      </div>
    </aside>
  );
}
