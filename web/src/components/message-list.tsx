import { createEffect, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { dayKey, formatDay } from '../lib/format';
import type { OutboxEntry } from '../stores/outbox';
import { Avatar } from './avatar';
import { MessageItem, type MessageActions } from './message-item';

/** Consecutive messages by one person within this gap share one header, like every chat tool. */
const GROUP_GAP_MS = 5 * 60 * 1000;
/** Within this distance of the bottom, new messages keep the view pinned to the newest. */
const STICK_THRESHOLD_PX = 80;

interface Props {
  messages: Message[];
  outbox: OutboxEntry[];
  hasMore: boolean;
  loadingOlder: boolean;
  loaded: boolean;
  me: { id: string; displayName: string };
  channelName: string;
  onLoadOlder: () => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  actions: MessageActions;
  /** Hands the owner a way to stop following the newest message (before a jump elsewhere). */
  onControls?: (controls: { release: () => void }) => void;
}

export function MessageList(props: Props): JSX.Element {
  let scroller!: HTMLDivElement;
  let sentinel!: HTMLDivElement;
  let stick = true;

  const onScroll = () => {
    stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < STICK_THRESHOLD_PX;
  };

  // Older pages are prepended: keep what the reader looks at in place.
  let heightBefore = 0;
  let firstSeqBefore: number | undefined;
  createEffect(
    on(
      () => [props.messages.length, props.outbox.length] as const,
      ([, outboxLength], previous) => {
        // Sending a message brings you to the bottom to see it, wherever you were reading.
        if (previous && outboxLength > previous[1]) stick = true;
        const firstSeq = props.messages[0]?.seq;
        if (firstSeqBefore !== undefined && firstSeq !== undefined && firstSeq < firstSeqBefore && !stick) {
          scroller.scrollTop += scroller.scrollHeight - heightBefore;
        }
        heightBefore = scroller.scrollHeight;
        firstSeqBefore = firstSeq;
      },
    ),
  );

  let list!: HTMLOListElement;
  props.onControls?.({
    release: () => {
      stick = false;
    },
  });
  // Following the newest message: whenever the list grows (a new message, an edit, a pin, a quote fetched), stay at the bottom.
  onMount(() => {
    const resize = new ResizeObserver(() => {
      if (stick) scroller.scrollTop = scroller.scrollHeight;
    });
    resize.observe(list);
    onCleanup(() => resize.disconnect());
  });

  onMount(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && props.hasMore && !props.loadingOlder) {
          stick = false;
          heightBefore = scroller.scrollHeight;
          props.onLoadOlder();
        }
      },
      { root: scroller, rootMargin: '400px 0px 0px 0px' },
    );
    observer.observe(sentinel);
    onCleanup(() => observer.disconnect());
  });

  const startsGroup = (i: number) => {
    const m = props.messages[i];
    const prev = props.messages[i - 1];
    return !prev || prev.authorId !== m.authorId || m.createdAt - prev.createdAt > GROUP_GAP_MS || dayKey(prev.createdAt) !== dayKey(m.createdAt);
  };
  const startsDay = (i: number) => i === 0 ? !props.hasMore : dayKey(props.messages[i - 1].createdAt) !== dayKey(props.messages[i].createdAt);

  return (
    <div class="message-scroller" ref={scroller} onScroll={onScroll} data-testid="message-list">
      <div ref={sentinel} class="history-sentinel" />
      <Show when={props.loadingOlder}>
        <div class="history-loading">Loading older messages…</div>
      </Show>
      <Show when={props.loaded && !props.hasMore}>
        <div class="channel-intro">
          <h2>Welcome to #{props.channelName}</h2>
          <p>This is the very beginning of the #{props.channelName} channel.</p>
        </div>
      </Show>
      <ol ref={list} class="messages" aria-label={`Messages in #${props.channelName}`} aria-live="polite">
        <For each={props.messages}>
          {(message, i) => (
            <>
              <Show when={startsDay(i())}>
                <li class="day-divider" role="separator">
                  <span>{formatDay(message.createdAt)}</span>
                </li>
              </Show>
              <MessageItem message={message} startsGroup={startsGroup(i())} actions={props.actions} />
            </>
          )}
        </For>
        <For each={props.outbox}>
          {(entry) => (
            <li class="message pending" classList={{ failed: entry.status === 'failed' }} data-testid="pending-message">
              <Avatar name={props.me.displayName} seed={props.me.id} />
              <div class="message-main">
                <div class="message-meta">
                  <span class="message-author">{props.me.displayName}</span>
                  <span class="pending-status">{entry.status === 'failed' ? 'Not sent' : 'Sending…'}</span>
                </div>
                <div class="message-body">{entry.body}</div>
                <Show when={entry.status === 'failed'}>
                  <div class="pending-actions">
                    <span class="form-error">{entry.error}</span>
                    <button class="link-button" type="button" onClick={() => props.onRetry(entry.clientId)}>
                      Retry
                    </button>
                    <button class="link-button" type="button" onClick={() => props.onDiscard(entry.clientId)}>
                      Discard
                    </button>
                  </div>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
