import { Show, type JSX } from 'solid-js';
import type { Workspace } from '../../../src/shared/model';
import { can } from '../../../src/shared/permissions';
import { AccountMenu } from './account-menu';
import { BookmarkIcon, SearchIcon, UserPlusIcon } from './icons';
import { SidebarChannels } from './sidebar-channels';
import { SidebarDms } from './sidebar-dms';
import { WorkspaceMenu } from './workspace-menu';

export type SidebarDialog =
  | 'invite'
  | 'create-channel'
  | 'browse-channels'
  | 'members'
  | 'saved'
  | 'search'
  | 'new-dm'
  | 'audit-log'
  | 'leave-workspace';

/** The workspace's name with its menu, the person's channels and DMs, and their account. */
export function ChannelSidebar(props: {
  workspace: Workspace;
  activeChannelId?: string;
  onOpenDialog: (dialog: SidebarDialog) => void;
  onCloseDm: (channelId: string) => Promise<void>;
}): JSX.Element {
  return (
    <aside class="sidebar">
      <WorkspaceMenu workspace={props.workspace} onOpenDialog={props.onOpenDialog} />
      <nav class="sidebar-scroll" aria-label="Conversations">
        <button class="channel-link" type="button" onClick={() => props.onOpenDialog('search')} data-testid="open-search" title="Search (/ or Ctrl+K)">
          <span class="hash">
            <SearchIcon size={15} />
          </span>
          <span class="channel-link-name">Search</span>
        </button>
        <button class="channel-link" type="button" onClick={() => props.onOpenDialog('saved')} data-testid="open-saved">
          <span class="hash">
            <BookmarkIcon size={15} />
          </span>
          <span class="channel-link-name">Saved for later</span>
        </button>
        <SidebarChannels
          workspace={props.workspace}
          activeChannelId={props.activeChannelId}
          onCreate={() => props.onOpenDialog('create-channel')}
          onBrowse={() => props.onOpenDialog('browse-channels')}
        />
        <SidebarDms workspace={props.workspace} activeChannelId={props.activeChannelId} onNewMessage={() => props.onOpenDialog('new-dm')} onClose={props.onCloseDm} />
        <Show when={can.manageInvites(props.workspace.me.role)}>
          <button class="channel-link subtle" type="button" onClick={() => props.onOpenDialog('invite')}>
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
