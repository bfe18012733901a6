import { createEffect, createResource, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { endpoints } from '../api/endpoints';
import type { Account, Channel, Message, Role } from '../../../src/shared/model';
import { can } from '../../../src/shared/permissions';
import { openChannel } from '../stores/channel-session';
import { useGateway } from '../stores/gateway';
import { useSaved } from '../stores/saved';
import { Composer } from './composer';
import { ConnectionBanner } from './connection-banner';
import { HashIcon } from './icons';
import type { MessageActions } from './message-item';
import { MessageList } from './message-list';
import { NotificationMenu } from './notification-menu';
import { PinsPanel } from './pins-panel';
import { ThreadPanel } from './thread-panel';
import { TypingLine } from './typing-line';

const looking = () => document.visibilityState === 'visible' && document.hasFocus();

/** One channel: header, history with live updates, composer, and an open thread beside it. Re-created when the channel changes. */
export function ChannelView(props: {
  workspaceId: string;
  channel: Channel;
  me: Account;
  role: Role;
  /** A message to open scrolled to (a permalink). */
  focusSeq?: number;
}): JSX.Element {
  const session = openChannel(props.workspaceId, props.channel.id, props.me.id);
  onCleanup(session.dispose);
  const gateway = useGateway();
  const saved = useSaved();
  const [members] = createResource(async () => (await endpoints.channelMembers(props.workspaceId, props.channel.id)).members);
  const memberList = () => (members.error ? [] : (members() ?? []));

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

  // Unread: the "New" line sits where the reader left off when they opened the channel (or came back to it).
  const readState = () => gateway?.state.channels[props.channel.id];
  // Nothing unread when the channel opened: no line (until the reader comes back to unseen messages).
  const [readUpTo, setReadUpTo] = createSignal<number | undefined>();
  let lineSet = false;
  createEffect(() => {
    const state = readState();
    if (!state || lineSet) return;
    lineSet = true;
    setReadUpTo(state.lastPostSeq > state.readSeq ? state.readSeq : Number.POSITIVE_INFINITY);
  });
  const markRead = () => {
    if (!session.state.loaded || !looking() || !gateway) return;
    gateway.markRead(props.channel.id, session.state.lastSeq);
  };
  createEffect(on(() => [session.state.lastSeq, session.state.loaded, readState()?.lastPostSeq], markRead));
  onMount(() => {
    const onReturn = () => {
      if (!looking()) return;
      const state = readState();
      // Back after messages arrived unseen: move the line to where they start.
      if (state && state.lastPostSeq > state.readSeq) setReadUpTo(state.readSeq);
      markRead();
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    onCleanup(() => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    });
  });

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
    canDeleteOthers: can.deleteOthersMessages(props.role),
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
      void saved?.toggle(props.channel.id, props.channel.name, message).then((error) => error && flash(error)),
  };
  const threadActions: MessageActions = { ...actions, onOpenThread: undefined };

  return (
    <section class="channel-view" classList={{ 'with-thread': threadSeq() !== null }} aria-label={`#${props.channel.name}`} ref={view}>
      <div class="channel-column">
        <header class="channel-header">
          <h1>
            <span class="hash">
              <HashIcon size={18} />
            </span>
            {props.channel.name}
          </h1>
          <Show when={props.channel.topic}>
            <p class="channel-topic">{props.channel.topic}</p>
          </Show>
          <span class="channel-members" title="Members">
            {props.channel.memberCount} {props.channel.memberCount === 1 ? 'member' : 'members'}
          </span>
          <Show when={gateway}>{(g) => <NotificationMenu gateway={g()} channelId={props.channel.id} channelName={props.channel.name} />}</Show>
          <PinsPanel
            load={async () => (await endpoints.pins(props.workspaceId, props.channel.id)).messages}
            onJump={(seq) => void jumpTo(seq)}
            onUnpin={(seq) => session.pinMessage(seq, false)}
          />
        </header>
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
          readUpTo={readUpTo()}
          onLoadOlder={session.loadOlder}
          onRetry={session.retry}
          onDiscard={session.discard}
          onControls={(controls) => (releaseBottom = controls.release)}
          actions={actions}
        />
        <Composer
          placeholder={`Message #${props.channel.name}`}
          members={memberList}
          myId={props.me.id}
          replyingTo={replyingTo()}
          onCancelReply={() => setReplyingTo(null)}
          onTyping={() => session.typing(null)}
          onSend={(body) => {
            session.send(body, { replyTo: replyingTo()?.seq });
            setReplyingTo(null);
          }}
        />
        <TypingLine names={session.typingNames(null)} />
      </div>
      <Show when={threadSeq()} keyed>
        {(seq) => (
          <ThreadPanel
            session={session}
            rootSeq={seq}
            channelName={props.channel.name}
            me={props.me}
            members={memberList}
            actions={threadActions}
            onClose={() => setThreadSeq(null)}
          />
        )}
      </Show>
    </section>
  );
}
