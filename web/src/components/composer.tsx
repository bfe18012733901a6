import { createEffect, createSignal, on, Show, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { LIMITS } from '../../../src/shared/limits';
import { CloseIcon, SendIcon } from './icons';

/** Show a countdown once a message gets this close to the limit. */
const COUNTDOWN_FROM = 500;

/** The message box: Enter sends, Shift+Enter starts a new line; it grows with its text. */
export function Composer(props: {
  channelName: string;
  onSend: (body: string) => void;
  replyingTo: Message | null;
  onCancelReply: () => void;
}): JSX.Element {
  const [text, setText] = createSignal('');
  let textarea!: HTMLTextAreaElement;

  const remaining = () => LIMITS.messageBodyMax - text().length;

  const resize = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, 240)}px`;
  };

  function send() {
    if (!text().trim() || remaining() < 0) return;
    props.onSend(text());
    setText('');
    textarea.value = '';
    resize();
  }

  createEffect(on(() => props.replyingTo, (reply) => reply && textarea.focus(), { defer: true }));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && props.replyingTo) {
      event.preventDefault();
      props.onCancelReply();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <Show when={props.replyingTo}>
        {(reply) => (
          <div class="replying-to" data-testid="replying-to">
            <span>
              Replying to <strong>{reply().authorName}</strong>
            </span>
            <span class="reply-excerpt">{reply().body}</span>
            <button class="icon-button small" type="button" aria-label="Cancel reply" onClick={() => props.onCancelReply()}>
              <CloseIcon size={14} />
            </button>
          </div>
        )}
      </Show>
      <div class="composer-box" classList={{ replying: !!props.replyingTo }}>
        <textarea
          ref={textarea}
          rows={1}
          placeholder={`Message #${props.channelName}`}
          aria-label={`Message #${props.channelName}`}
          data-testid="composer"
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            resize();
          }}
          onKeyDown={onKeyDown}
        />
        <button class="send-button" type="submit" aria-label="Send" disabled={!text().trim() || remaining() < 0}>
          <SendIcon />
        </button>
      </div>
      <div class="composer-hint">
        <span>
          <kbd>Enter</kbd> to send, <kbd>Shift</kbd> + <kbd>Enter</kbd> for a new line
        </span>
        <Show when={remaining() < COUNTDOWN_FROM}>
          <span class="countdown" classList={{ over: remaining() < 0 }}>
            {remaining()}
          </span>
        </Show>
      </div>
    </form>
  );
}
