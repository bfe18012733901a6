import { createEffect, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { endpoints } from '../api/endpoints';
import type { Account, Channel, Message, Role } from '../../../src/shared/model';
import { can } from '../../../src/shared/permissions';
import { openChannel } from '../stores/channel-session';
import { Composer } from './composer';
import { HashIcon } from './icons';
import { ConnectionBanner } from './connection-banner';
import { MessageList } from './message-list';
import { PinsPanel } from './pins-panel';

/** One channel: header, history with live updates, composer. Re-created when the channel changes. */
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

  const [online, setOnline] = createSignal(navigator.onLine);
  const [replyingTo, setReplyingTo] = createSignal<Message | null>(null);
  let view!: HTMLElement;

  const [notice, setNotice] = createSignal<string | null>(null);
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const flash = (text: string) => {
    setNotice(text);
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => setNotice(null), 2500);
  };
  onCleanup(() => clearTimeout(noticeTimer));

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
    if (!(await session.reveal(seq))) return false;
    const row = view.querySelector<HTMLElement>(`[data-seq="${seq}"]`);
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

  return (
    <section class="channel-view" aria-label={`#${props.channel.name}`} ref={view}>
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
        outbox={session.state.outbox}
        hasMore={session.state.hasMore}
        loadingOlder={session.state.loadingOlder}
        loaded={session.state.loaded}
        me={props.me}
        channelName={props.channel.name}
        onLoadOlder={session.loadOlder}
        onRetry={session.retry}
        onDiscard={session.discard}
        onControls={(controls) => (releaseBottom = controls.release)}
        actions={{
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
        }}
      />
      <Composer
        channelName={props.channel.name}
        replyingTo={replyingTo()}
        onCancelReply={() => setReplyingTo(null)}
        onSend={(body) => {
          session.send(body, replyingTo()?.seq);
          setReplyingTo(null);
        }}
      />
    </section>
  );
}
