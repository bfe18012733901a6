import { For, type JSX } from 'solid-js';
import type { ThreadSummary as Summary } from '../../../src/shared/model';
import { formatAgo, formatFull } from '../lib/format';
import { PersonAvatar } from './avatar';

/** Under a thread's root in the channel: who replied, how many replies, when the last came. */
export function ThreadSummary(props: { thread: Summary; onOpen: () => void }): JSX.Element {
  const count = () => props.thread.replyCount;
  return (
    <button class="thread-summary" type="button" data-testid="thread-summary" onClick={() => props.onOpen()}>
      <span class="thread-avatars">
        <For each={props.thread.participants.slice(0, 5)}>{(p) => <PersonAvatar name={p.name} userId={p.id} size="sm" />}</For>
      </span>
      <span class="thread-count">
        {count()} {count() === 1 ? 'reply' : 'replies'}
      </span>
      <span class="thread-last" title={formatFull(props.thread.lastReplyAt)}>
        Last reply {formatAgo(props.thread.lastReplyAt)}
      </span>
      <span class="thread-open">View thread ›</span>
    </button>
  );
}
