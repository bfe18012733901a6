import { Match, Switch, type JSX } from 'solid-js';
import type { Workspace } from '../../../src/shared/model';
import type { SavedStore } from '../stores/saved';
import type { WorkspaceStore } from '../stores/workspace';
import type { SidebarDialog } from './channel-sidebar';
import { BrowseChannelsDialog } from './dialogs/browse-channels-dialog';
import { CreateChannelDialog } from './dialogs/create-channel-dialog';
import { InviteDialog } from './dialogs/invite-dialog';
import { MembersDialog } from './dialogs/members-dialog';
import { SavedDialog } from './dialogs/saved-dialog';

/** Whichever of the workspace's dialogs the sidebar opened. */
export function WorkspaceDialogs(props: {
  dialog: SidebarDialog | null;
  workspace: Workspace;
  store: WorkspaceStore;
  saved: SavedStore;
  onOpenChannel: (channelId: string, seq?: number) => void;
  onSwitch: (dialog: SidebarDialog | null) => void;
}): JSX.Element {
  const close = () => props.onSwitch(null);
  return (
    <Switch>
      <Match when={props.dialog === 'invite'}>
        <InviteDialog workspaceId={props.workspace.id} workspaceName={props.workspace.name} onClose={close} />
      </Match>
      <Match when={props.dialog === 'create-channel'}>
        <CreateChannelDialog onCreate={props.store.createChannel} onCreated={(c) => props.onOpenChannel(c.id)} onClose={close} />
      </Match>
      <Match when={props.dialog === 'browse-channels'}>
        <BrowseChannelsDialog
          channels={props.workspace.channels}
          onJoin={props.store.joinChannel}
          onOpen={(id) => props.onOpenChannel(id)}
          onCreate={() => props.onSwitch('create-channel')}
          onClose={close}
        />
      </Match>
      <Match when={props.dialog === 'members'}>
        <MembersDialog
          workspaceId={props.workspace.id}
          members={props.store.members() ?? []}
          myRole={props.workspace.me.role}
          myId={props.workspace.me.userId}
          onChanged={() => void props.store.refetchMembers()}
          onClose={close}
        />
      </Match>
      <Match when={props.dialog === 'saved'}>
        <SavedDialog saved={props.saved} onOpen={(channelId, seq) => props.onOpenChannel(channelId, seq)} onClose={close} />
      </Match>
    </Switch>
  );
}
