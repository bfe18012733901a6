import { createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { ChannelMember } from '../api/endpoints';
import type { ChannelSession } from '../stores/channel-session';
import { createAttachmentDraft } from '../stores/attachment-draft';
import { useFilePlace } from './attachments/file-place';
import { CloseIcon } from './icons';
import { MessageItem, type MessageActions } from './message-item';
import { Composer } from './composer';
import { ComposerGate } from './composer-gate';
import type { Posting } from '../stores/posting';
import { PendingMessage } from './pending-message';
import { TypingLine } from './typing-line';

const GROUP_GAP_MS = 5 * 60 * 1000;

/** A thread beside the channel: its root, its replies live, and a composer that can also post to the channel. */
export function ThreadPanel(props: {
  session: ChannelSession;
  rootSeq: number;
  /** "#general", or the people of a DM. */
  channelTitle: string;
  posting: Posting;
  me: { id: string; displayName: string };
  members: () => ChannelMember[];
  actions: MessageActions;
  onClose: () => void;
}): JSX.Element {
  const [alsoToChannel, setAlsoToChannel] = createSignal(false);
  const place = useFilePlace();
  const files = place ? createAttachmentDraft(() => place) : undefined;
  const thread = () => props.session.threads[props.rootSeq];
  const replies = () => thread()?.replies ?? [];
  const pending = () => props.session.state.outbox.filter((e) => e.threadRoot === props.rootSeq);
  let scroller!: HTMLDivElement;
  let content!: HTMLDivElement;
  let stick = true;

  onMount(() => {
    void props.session.openThread(props.rootSeq);
    const follow = new ResizeObserver(() => {
      if (stick) scroller.scrollTop = scroller.scrollHeight;
    });
    follow.observe(content);
    onCleanup(() => follow.disconnect());
  });

  const startsGroup = (i: number) => {
    // The first reply starts a group: the divider stands between it and the root.
    if (i === 0) return true;
    const m = replies()[i];
    const prev = replies()[i - 1];
    return prev.authorId !== m.authorId || m.createdAt - prev.createdAt > GROUP_GAP_MS;
  };

  return (
    <aside class="thread-panel" aria-label="Thread" data-testid="thread-panel">
      <header class="thread-header">
        <div>
          <h2>Thread</h2>
          <span class="thread-channel">{props.channelTitle}</span>
        </div>
        <button class="icon-button" type="button" aria-label="Close thread" title="Close thread" onClick={() => props.onClose()}>
          <CloseIcon size={18} />
        </button>
      </header>
      <div
        class="thread-scroller"
        ref={scroller}
        onScroll={() => (stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60)}
      >
        <div ref={content}>
          <Show when={thread()?.error}>
            <div class="banner error" role="alert">
              {thread()!.error}
            </div>
          </Show>
          <Show when={thread()?.root} fallback={<p class="hint thread-loading">Loading the thread…</p>}>
            {(root) => (
              <ol class="messages">
                <MessageItem message={root()} startsGroup actions={props.actions} />
                <li class="thread-divider" role="separator">
                  <span>
                    {replies().length} {replies().length === 1 ? 'reply' : 'replies'}
                  </span>
                </li>
                <For each={replies()}>{(reply, i) => <MessageItem message={reply} startsGroup={startsGroup(i())} actions={props.actions} />}</For>
                <For each={pending()}>
                  {(entry) => <PendingMessage entry={entry} me={props.me} onRetry={props.session.retry} onDiscard={props.session.discard} />}
                </For>
              </ol>
            )}
          </Show>
        </div>
      </div>
      <ComposerGate posting={props.posting}>
        <Composer
          placeholder="Reply…"
          members={props.members}
          myId={props.me.id}
          autofocus
          holdSend={props.posting.cooldownLeft() > 0}
          onTyping={() => props.session.typing(props.rootSeq)}
          files={files}
          onSend={(body, attachments) => {
            stick = true;
            props.session.send(body, { threadRoot: props.rootSeq, alsoToChannel: alsoToChannel(), attachments });
            props.posting.sent();
          }}
          footer={
            <label class="also-to-channel">
              <input type="checkbox" checked={alsoToChannel()} onChange={(e) => setAlsoToChannel(e.currentTarget.checked)} data-testid="also-to-channel" />
              Also send to {props.channelTitle}
            </label>
          }
        />
      </ComposerGate>
      <TypingLine names={props.session.typingNames(props.rootSeq)} />
    </aside>
  );
}
