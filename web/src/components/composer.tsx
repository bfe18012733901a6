import { createSignal, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { SendIcon } from './icons';

/** Show a countdown once a message gets this close to the limit. */
const COUNTDOWN_FROM = 500;

/** The message box: Enter sends, Shift+Enter starts a new line; it grows with its text. */
export function Composer(props: { channelName: string; onSend: (body: string) => void }): JSX.Element {
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

  const onKeyDown = (event: KeyboardEvent) => {
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
      <div class="composer-box">
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
