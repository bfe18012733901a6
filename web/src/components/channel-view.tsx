import { createEffect, createResource, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { endpoints } from '../api/endpoints';
import type { Account, Channel, Member, Message } from '../../../src/shared/model';
import { allows, can } from '../../../src/shared/permissions';
import { openChannel } from '../stores/channel-session';
import { useGateway } from '../stores/gateway';
import { createPosting } from '../stores/posting';
import { createReadLine } from '../stores/read-line';
import { useSaved } from '../stores/saved';
import { createAttachmentDraft } from '../stores/attachment-draft';
import type { FilePlace } from '../lib/files/urls';
import { DropZone } from './attachments/drop-zone';
import { FilePlaceContext } from './attachments/file-place';
import { FilesPanel } from './attachments/files-panel';
import { ChannelDetailsDialog } from './channel-details/channel-details-dialog';
import { ChannelHeader, type DetailsTab } from './channel-header';
import { Composer } from './composer';
import { ComposerGate, SlowModeHint } from './composer-gate';
import { ConnectionBanner } from './connection-banner';
import type { MessageActions } from './message-item';
import { MessageList } from './message-list';
import { NotificationMenu } from './notification-menu';
import { PinsPanel } from './pins-panel';
import { ThreadPanel } from './thread-panel';
import { TypingLine } from './typing-line';

/** What a conversation reports to the workspace around it. */
export interface ChannelViewEvents {
  /** The channel changed here (renamed, archived, slow mode): replace it in the list. */
  onChanged: (channel: Channel) => void;
  /** The caller left or deleted it: it goes from the list without a "lost access" notice. */
  onGone: (channelId: string) => void;
  /** The server closed the channel's socket for good: the caller was removed from it. */
  onAccessLost: () => void;
}

/** One conversation: header, history with live updates, composer, and an open thread beside it. Re-created when the channel changes. */
export function ChannelView(
  props: {
    workspaceId: string;
    channel: Channel;
    me: Account;
    /** The caller's membership: role and timeout. */
    member: Member;
    /** "#general", or the people of a DM. */
    title: string;
    /** A message to open scrolled to (a permalink). */
    focusSeq?: number;
  } & ChannelViewEvents,
): JSX.Element {
  const session = openChannel(props.workspaceId, props.channel.id, props.me.id);
  onCleanup(session.dispose);
  const gateway = useGateway();
  const saved = useSaved();
  const posting = createPosting(() => props.channel, () => props.member);
  // Fetched again whenever the count changes (someone added, removed or left).
  const [members, { refetch: refetchMembers }] = createResource(
    () => props.channel.memberCount,
    async () => (await endpoints.channelMembers(props.workspaceId, props.channel.id)).members,
  );
  const memberList = () => (members.error ? [] : (members.latest ?? []));
  const [details, setDetails] = createSignal<DetailsTab | null>(null);
  const place: FilePlace = { workspaceId: props.workspaceId, channelId: props.channel.id, accountId: props.me.id };
  const files = createAttachmentDraft(() => place);
  const canPost = () => !posting.archived() && posting.timedOutUntil() === null;
  const isDm = () => props.channel.kind === 'dm';

  createEffect(() => session.state.revoked && props.onAccessLost());

  const [online, setOnline] = createSignal(navigator.onLine);
  const [replyingTo, setReplyingTo] = createSignal<Message | null>(null);
  const [threadSeq, setThreadSeq] = createSignal<number | null>(null);
  let view!: HTMLElement;

  const [notice, setNotice] = createSignal<string | null>(null);
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const flash = (text: string) => {
    setNotice(text);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => setNotice(null), 2500);
  };
  onCleanup(() => clearTimeout(noticeTimer));

  const readUpTo = createReadLine(props.channel.id, session, gateway);

  async function copyLink(seq: number) {
    const url = `${location.origin}/w/${props.workspaceId}/${props.channel.id}?m=${seq}`;
    try {
      await navigator.clipboard.writeText(url);
      flash('Link copied');
    } catch {
      flash(url);
    }
  }

  createEffect(
    on(
      () => [session.state.loaded, props.focusSeq] as const,
      ([loaded, seq]) => {
        if (loaded && seq) void jumpTo(seq).then((found) => !found && flash('That message is not in this channel'));
      },
    ),
  );

  let releaseBottom = () => {};

  async function jumpTo(seq: number): Promise<boolean> {
    releaseBottom();
    if (!(await session.reveal(seq))) {
      // A thread-only reply is not in the channel's history: open its thread instead.
      const message = await endpoints.message(props.workspaceId, props.channel.id, seq).then((r) => r.message, () => null);
      if (message?.threadRoot) {
        setThreadSeq(message.threadRoot);
        return true;
      }
      return false;
    }
    const row = view.querySelector<HTMLElement>(`.channel-column [data-seq="${seq}"]`);
    if (!row) return false;
    // Released again: scroll events while older pages loaded may have re-pinned the view to the bottom.
    releaseBottom();
    row.scrollIntoView({ block: 'center' });
    row.classList.add('highlight');
    setTimeout(() => row.classList.remove('highlight'), 2000);
    return true;
  }
  onMount(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    onCleanup(() => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    });
  });

  const actions: MessageActions = {
    myId: props.me.id,
    canDeleteOthers: () => can.deleteOthersMessages(props.member.role),
    canChange: () => !posting.archived() && posting.timedOutUntil() === null,
    onEdit: session.editMessage,
    onDelete: session.deleteMessage,
    onReply: setReplyingTo,
    onJump: (seq) => void jumpTo(seq),
    onCopyLink: (seq) => void copyLink(seq),
    onPin: session.pinMessage,
    loadEdits: async (seq) => (await endpoints.edits(props.workspaceId, props.channel.id, seq)).edits,
    lookup: session.lookup,
    onReact: session.react,
    onOpenThread: setThreadSeq,
    isSaved: (seq) => saved?.isSaved(props.channel.id, seq) ?? false,
    onToggleSaved: (message) =>
      void saved?.toggle(props.channel.id, isDm() ? props.title : props.channel.name, message).then((error) => error && flash(error)),
  };
  const threadActions: MessageActions = { ...actions, onOpenThread: undefined };

  const canUnarchive = () => !isDm() && allows(props.member.role, 'archiveChannel');
  const unarchive = async () => props.onChanged((await endpoints.archiveChannel(props.workspaceId, props.channel.id, false)).channel);

  return (
    <FilePlaceContext.Provider value={place}>
      <section class="channel-view" classList={{ 'with-thread': threadSeq() !== null }} aria-label={isDm() ? props.title : `#${props.channel.name}`} ref={view}>
        <DropZone onFiles={files.add} target={isDm() ? props.title : `#${props.channel.name}`} disabled={!canPost()}>
          <div class="channel-column">
            <ChannelHeader
              channel={props.channel}
              title={props.title}
              myId={props.me.id}
              faces={memberList()}
              onOpenDetails={setDetails}
              onSaveTopic={async (topic) => props.onChanged((await endpoints.updateChannel(props.workspaceId, props.channel.id, { topic })).channel)}
            >
              <Show when={gateway}>{(g) => <NotificationMenu gateway={g()} channelId={props.channel.id} channelName={isDm() ? props.title : props.channel.name} />}</Show>
              <FilesPanel
                place={place}
                load={(filter) => endpoints.files(props.workspaceId, props.channel.id, filter)}
                onJump={(file) => (file.threadRoot ? setThreadSeq(file.threadRoot) : void jumpTo(file.messageSeq))}
              />
              <PinsPanel
                load={async () => (await endpoints.pins(props.workspaceId, props.channel.id)).messages}
                onJump={(seq) => void jumpTo(seq)}
                onUnpin={(seq) => session.pinMessage(seq, false)}
              />
            </ChannelHeader>
            <ConnectionBanner
              status={session.state.status}
              online={online()}
              pending={session.state.outbox.filter((e) => e.status === 'pending').length}
              onRetry={session.reconnect}
            />
            <Show when={notice()}>
              <div class="banner info" role="status">
                {notice()}
              </div>
            </Show>
            <Show when={session.state.error}>
              <div class="banner error" role="alert">
                {session.state.error}
              </div>
            </Show>
            <MessageList
              messages={session.state.messages}
              outbox={session.state.outbox.filter((e) => !e.threadRoot)}
              hasMore={session.state.hasMore}
              loadingOlder={session.state.loadingOlder}
              loaded={session.state.loaded}
              me={props.me}
              channelName={props.channel.name}
              intro={isDm() ? <DmIntro title={props.title} /> : undefined}
              readUpTo={readUpTo()}
              onLoadOlder={session.loadOlder}
              onRetry={session.retry}
              onDiscard={session.discard}
              onControls={(controls) => (releaseBottom = controls.release)}
              actions={actions}
            />
            <ComposerGate posting={posting} onUnarchive={canUnarchive() ? unarchive : undefined}>
              <Composer
                placeholder={`Message ${props.title}`}
                members={memberList}
                myId={props.me.id}
                replyingTo={replyingTo()}
                onCancelReply={() => setReplyingTo(null)}
                onTyping={() => session.typing(null)}
                holdSend={posting.cooldownLeft() > 0}
                footer={posting.slowModeSeconds() > 0 ? <SlowModeHint posting={posting} /> : undefined}
                files={files}
                onSend={(body, attachments) => {
                  session.send(body, { replyTo: replyingTo()?.seq, attachments });
                  posting.sent();
                  setReplyingTo(null);
                }}
              />
            </ComposerGate>
            <TypingLine names={session.typingNames(null)} />
          </div>
        </DropZone>
        <Show when={threadSeq()} keyed>
          {(seq) => (
            <ThreadPanel
              session={session}
              rootSeq={seq}
              channelTitle={props.title}
              posting={posting}
              me={props.me}
              members={memberList}
              actions={threadActions}
              onClose={() => setThreadSeq(null)}
            />
          )}
        </Show>
        <Show when={details()}>
          {(tab) => (
            <ChannelDetailsDialog
              workspaceId={props.workspaceId}
              channel={props.channel}
              title={props.title}
              myId={props.me.id}
              role={props.member.role}
              tab={tab()}
              members={memberList()}
              membersLoading={members.loading}
              onMembersChanged={() => void refetchMembers()}
              onChanged={props.onChanged}
              onGone={() => {
                setDetails(null);
                props.onGone(props.channel.id);
              }}
              onClose={() => setDetails(null)}
            />
          )}
        </Show>
      </section>
    </FilePlaceContext.Provider>
  );
}

/** The top of a DM's history. */
function DmIntro(props: { title: string }): JSX.Element {
  return (
    <>
      <h2>{props.title}</h2>
      <p>This is the very beginning of your direct messages with {props.title}. Only the people here can see them.</p>
    </>
  );
}
