import { useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, onCleanup, Show, type JSX } from 'solid-js';
import type { AccessLossReason } from '../../../src/shared/gateway';
import type { Account, Channel, Workspace } from '../../../src/shared/model';
import { errorMessage } from '../api/client';
import { conversationTitle } from '../lib/conversation-name';
import { ConversationsContext, type Conversations } from '../stores/conversations';
import { createMembersStore, MembersContext } from '../stores/members';
import { createSavedStore, SavedContext } from '../stores/saved';
import type { WorkspaceStore } from '../stores/workspace';
import { ChannelSidebar, type SidebarDialog } from './channel-sidebar';
import { ChannelView } from './channel-view';
import { GatewayProvider } from './gateway-provider';
import { CloseIcon } from './icons';
import { MemberActions } from './member-actions';
import { UserCardProvider } from './user-card';
import { WorkspaceDialogs } from './workspace-dialogs';

/**
 * One workspace as one account sees it: the live stores (members, gateway,
 * saved), the sidebar, the open conversation and the dialogs.
 */
export function WorkspaceShell(props: {
  workspace: Workspace;
  store: WorkspaceStore;
  account: Account;
  channelId?: string;
  focusSeq?: number;
  onAccessLost: (reason: AccessLossReason, message: string) => void;
}): JSX.Element {
  const navigate = useNavigate();
  const members = createMembersStore(props.workspace.id);
  const [dialog, setDialog] = createSignal<SidebarDialog | null>(null);
  /** "You no longer have access to #x", shown on the conversation the person was sent to instead. */
  const [notice, setNotice] = createSignal<{ text: string; channelId: string } | null>(null);

  const channel = createMemo(() => props.workspace.channels.find((c) => c.id === props.channelId && c.joined));
  const title = (c: Channel) => conversationTitle(c, props.account.id, (p) => members.nameOf(p.userId, p.displayName));
  const fallbackChannel = (except?: string) => {
    const joined = props.workspace.channels.filter((c) => c.joined && c.id !== except && c.kind !== 'dm');
    return joined.find((c) => c.name === 'general') ?? joined[0];
  };

  const go = (channelId: string, seq?: number, replace = false) =>
    navigate(`/w/${props.workspace.id}/${channelId}${seq ? `?m=${seq}` : ''}`, { replace });
  const openChannel = (channelId: string, seq?: number) => {
    setDialog(null);
    go(channelId, seq);
  };

  /** Channels the person is leaving on purpose: losing them is not news. */
  const leaving = new Set<string>();
  const loseChannel = (lostChannel: Channel) => {
    const target = fallbackChannel(lostChannel.id);
    if (!leaving.has(lostChannel.id) && target) setNotice({ text: `You no longer have access to ${title(lostChannel)}`, channelId: target.id });
    leaving.delete(lostChannel.id);
    if (target) go(target.id, undefined, true);
  };

  // Without a (joined) conversation in the address, open #general or the first channel the person is in.
  let shown: Channel | undefined;
  createEffect(() => {
    localStorage.setItem('hearth.lastWorkspace', props.workspace.id);
    const current = channel();
    if (current) {
      shown = current;
      return;
    }
    if (shown && shown.id === props.channelId) return loseChannel(shown);
    const target = fallbackChannel();
    if (target) go(target.id, undefined, true);
  });

  // `/` (outside a text field) and Ctrl/Cmd+K open the search box.
  const openSearch = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!slash && !k) return;
    event.preventDefault();
    setDialog('search');
  };
  document.addEventListener('keydown', openSearch);
  onCleanup(() => document.removeEventListener('keydown', openSearch));

  const conversations: Conversations = {
    workspaceId: props.workspace.id,
    myId: props.account.id,
    myRole: () => props.workspace.me.role,
    openDm: async (userIds) => openChannel((await props.store.openDm(userIds)).id),
    openDmWith: (userId) =>
      conversations.openDm([userId]).catch((error: unknown) => {
        const here = channel();
        if (here) setNotice({ text: `Could not open the conversation: ${errorMessage(error)}`, channelId: here.id });
      }),
    openChannel,
  };

  const leftChannel = (channelId: string) => {
    leaving.add(channelId);
    void props.store.refetch();
  };
  const closeDm = async (channelId: string) => {
    await props.store.hideDm(channelId);
    if (channelId === channel()?.id) {
      const target = fallbackChannel(channelId);
      if (target) go(target.id, undefined, true);
    }
  };

  return (
    <MembersContext.Provider value={members}>
      <ConversationsContext.Provider value={conversations}>
        <GatewayProvider
          workspace={props.workspace}
          accountId={props.account.id}
          viewingChannelId={channel()?.id}
          onOpenChannel={openChannel}
          onChannelsChanged={() => void props.store.refetch()}
          onMember={(member) => {
            members.apply(member);
            if (member.userId === props.account.id) props.store.applyMe(member);
          }}
          onMemberRemoved={members.remove}
          onRemoved={props.onAccessLost}
          onReconnected={() => {
            void props.store.refetch();
            void members.refetch();
          }}
        >
          <UserCardProvider
            onMessage={(userId) => void conversations.openDmWith(userId)}
            memberActions={(member, close) => <MemberActions member={member} variant="button" workspaceName={props.workspace.name} onDone={close} />}
          >
            <SavedProvider workspaceId={props.workspace.id}>
              {(saved) => (
                <>
                  <ChannelSidebar workspace={props.workspace} activeChannelId={channel()?.id} onOpenDialog={setDialog} onCloseDm={closeDm} />
                  <main class="main">
                    <Show when={notice()?.channelId === channel()?.id && notice()}>
                      {(n) => (
                        <div class="banner warning" role="status" data-testid="access-notice">
                          <span>{n().text}</span>
                          <button class="icon-button small banner-close" type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>
                            <CloseIcon size={14} />
                          </button>
                        </div>
                      )}
                    </Show>
                    <Show when={channel()?.id} keyed>
                      {(_id) => (
                        <ChannelView
                          workspaceId={props.workspace.id}
                          channel={channel()!}
                          me={props.account}
                          member={props.workspace.me}
                          title={title(channel()!)}
                          focusSeq={props.focusSeq}
                          onChanged={props.store.replaceChannel}
                          onGone={leftChannel}
                          onAccessLost={() => {
                            const lost = channel();
                            if (lost) loseChannel(lost);
                            void props.store.refetch();
                          }}
                        />
                      )}
                    </Show>
                  </main>
                  <WorkspaceDialogs
                    dialog={dialog()}
                    workspace={props.workspace}
                    store={props.store}
                    saved={saved}
                    myId={props.account.id}
                    onOpenChannel={openChannel}
                    onSwitch={setDialog}
                    onLeftWorkspace={() => props.onAccessLost('left', '')}
                  />
                </>
              )}
            </SavedProvider>
          </UserCardProvider>
        </GatewayProvider>
      </ConversationsContext.Provider>
    </MembersContext.Provider>
  );
}

/** The workspace's saved-messages store, for the message toolbars and the saved list. */
function SavedProvider(props: { workspaceId: string; children: (saved: ReturnType<typeof createSavedStore>) => JSX.Element }): JSX.Element {
  const saved = createSavedStore(props.workspaceId);
  return <SavedContext.Provider value={saved}>{props.children(saved)}</SavedContext.Provider>;
}
