import { createEffect, createMemo, For, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { Message, SystemEvent } from '../../../src/shared/model';
import { dayKey, formatDay } from '../lib/format';
import type { OutboxEntry } from '../stores/outbox';
import { MessageItem, type MessageActions } from './message-item';
import { PendingMessage } from './pending-message';
import { SystemMessage } from './system-message';

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
  /** What the top of a conversation says; a channel's welcome by default. */
  intro?: JSX.Element;
  /** Where the reader left off: a "New" line goes above the first later message by someone else. */
  readUpTo?: number;
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
    return !prev || !!prev.system || prev.authorId !== m.authorId || m.createdAt - prev.createdAt > GROUP_GAP_MS || dayKey(prev.createdAt) !== dayKey(m.createdAt);
  };
  const firstUnreadSeq = createMemo(() => {
    const after = props.readUpTo;
    if (after === undefined) return undefined;
    return props.messages.find((m) => m.seq > after && m.authorId !== props.me.id && !m.system)?.seq;
  });
  const startsDay = (i: number) => i === 0 ? !props.hasMore : dayKey(props.messages[i - 1].createdAt) !== dayKey(props.messages[i].createdAt);

  return (
    <div class="message-scroller" ref={scroller} onScroll={onScroll} data-testid="message-list">
      <div ref={sentinel} class="history-sentinel" />
      <Show when={props.loadingOlder}>
        <div class="history-loading">Loading older messages…</div>
      </Show>
      <Show when={props.loaded && !props.hasMore}>
        <div class="channel-intro">
          <Show
            when={props.intro}
            fallback={
              <>
                <h2>Welcome to #{props.channelName}</h2>
                <p>This is the very beginning of the #{props.channelName} channel.</p>
              </>
            }
          >
            {props.intro}
          </Show>
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
              <Show when={message.seq === firstUnreadSeq()}>
                <li class="new-divider" role="separator" data-testid="new-messages-line">
                  <span>New</span>
                </li>
              </Show>
              <Show
                when={message.system && (message as Message & { system: SystemEvent })}
                fallback={<MessageItem message={message} startsGroup={startsGroup(i()) || message.seq === firstUnreadSeq()} actions={props.actions} />}
              >
                {(system) => <SystemMessage message={system()} />}
              </Show>
            </>
          )}
        </For>
        <For each={props.outbox}>
          {(entry) => <PendingMessage entry={entry} me={props.me} onRetry={props.onRetry} onDiscard={props.onDiscard} />}
        </For>
      </ol>
    </div>
  );
}
