import { Show, type JSX } from 'solid-js';
import type { MessageActions } from './message-item';

/** The message a reply answers, quoted above it; a click jumps to it. */
export function ReplyQuote(props: { seq: number; actions: MessageActions }): JSX.Element {
  const parent = () => props.actions.lookup(props.seq);
  const excerpt = (body: string) => (body.length > 120 ? `${body.slice(0, 120)}…` : body);
  return (
    <button class="reply-quote" type="button" data-testid="reply-quote" onClick={() => props.actions.onJump(props.seq)}>
      <Show when={parent()} fallback={<span class="muted">Original message</span>}>
        {(m) => (
          <Show when={m().deletedAt === null} fallback={<span class="muted">Original message was deleted</span>}>
            <span class="reply-author">{m().authorName}</span>
            <span class="reply-excerpt">{excerpt(m().body)}</span>
          </Show>
        )}
      </Show>
    </button>
  );
}
