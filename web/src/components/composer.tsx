import { createEffect, createSignal, on, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import type { Message } from '../../../src/shared/model';
import type { ChannelMember } from '../api/endpoints';
import { handlePaste, notePlainPasteKey } from '../lib/composer/paste-markdown';
import { applyFormat, handleFormatKey } from '../lib/composer/text-edit';
import { ComposerPreview } from './composer-preview';
import { createSuggestions } from './composer-suggestions';
import { ComposerToolbar } from './composer-toolbar';
import { CloseIcon, SendIcon } from './icons';

/** Show a countdown once a message gets this close to the limit. */
const COUNTDOWN_FROM = 500;

export interface ComposerProps {
  /** e.g. "Message #general" or "Reply…". */
  placeholder: string;
  onSend: (body: string) => void;
  /** Called on every edit; the channel session throttles the typing frames. */
  onTyping?: () => void;
  /** People who can be @mentioned here. */
  members: () => ChannelMember[];
  myId: string;
  replyingTo?: Message | null;
  onCancelReply?: () => void;
  /** Extra controls under the box (the thread's "also send to channel"). */
  footer?: JSX.Element;
  autofocus?: boolean;
  /** Keeps what is typed but does not send it yet (slow mode is counting down). */
  holdSend?: boolean;
}

/**
 * The message box: Enter sends, Shift+Enter starts a new line, "@" offers people and ":sm" emoji,
 * Ctrl/Cmd+B, I, Shift+X and E format, rich pastes become Markdown, and a preview shows the
 * message as it will be posted. It grows with its text.
 */
export function Composer(props: ComposerProps): JSX.Element {
  const [text, setText] = createSignal('');
  const [previewing, setPreviewing] = createSignal(false);
  let textarea!: HTMLTextAreaElement;
  let preview: HTMLElement | undefined;
  /** Where the caret was when the preview opened, to put it back. */
  let selection: [number, number] = [0, 0];

  const suggestions = createSuggestions({ textarea: () => textarea, members: () => props.members(), myId: props.myId });
  const remaining = () => LIMITS.messageBodyMax - text().length;
  const canSend = () => !!text().trim() && remaining() >= 0 && !props.holdSend;

  const resize = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, 240)}px`;
  };

  function write() {
    setPreviewing(false);
    textarea.focus();
    textarea.setSelectionRange(...selection);
    resize();
  }

  function togglePreview() {
    if (previewing()) return write();
    selection = [textarea.selectionStart, textarea.selectionEnd];
    suggestions.close();
    setPreviewing(true);
    preview?.focus();
  }

  function send() {
    if (!canSend()) return;
    props.onSend(text());
    setText('');
    textarea.value = '';
    suggestions.close();
    if (previewing()) {
      selection = [0, 0];
      write();
    }
    resize();
  }

  createEffect(on(() => props.replyingTo, (reply) => reply && (previewing() ? write() : textarea.focus()), { defer: true }));

  const onKeyDown = (event: KeyboardEvent) => {
    notePlainPasteKey(event);
    if (suggestions.onKeyDown(event) || handleFormatKey(event, textarea)) return;
    if (event.key === 'Escape' && props.replyingTo) {
      event.preventDefault();
      props.onCancelReply?.();
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
      onKeyDown={(e) => {
        if (previewing() && e.key === 'Escape') {
          e.preventDefault();
          write();
        }
      }}
    >
      <Show when={props.replyingTo}>
        {(reply) => (
          <div class="replying-to" data-testid="replying-to">
            <span>
              Replying to <strong>{reply().authorName}</strong>
            </span>
            <span class="reply-excerpt">{reply().body}</span>
            <button class="icon-button small" type="button" aria-label="Cancel reply" onClick={() => props.onCancelReply?.()}>
              <CloseIcon size={14} />
            </button>
          </div>
        )}
      </Show>
      <div class="composer-box" classList={{ replying: !!props.replyingTo }}>
        {suggestions.menu()}
        <textarea
          ref={(el) => {
            textarea = el;
            if (props.autofocus) queueMicrotask(() => el.focus());
          }}
          rows={1}
          hidden={previewing()}
          placeholder={props.placeholder}
          aria-label={props.placeholder}
          aria-autocomplete="list"
          data-testid="composer"
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            resize();
            suggestions.update();
            if (e.currentTarget.value.trim()) props.onTyping?.();
          }}
          onClick={() => suggestions.update()}
          onBlur={() => suggestions.close()}
          onKeyDown={onKeyDown}
          onPaste={(e) => handlePaste(e, textarea)}
        />
        <Show when={previewing()}>
          <ComposerPreview text={text()} members={props.members()} myId={props.myId} ref={(el) => (preview = el)} />
        </Show>
        <ComposerToolbar previewing={previewing()} onFormat={(format) => applyFormat(textarea, format)} onTogglePreview={togglePreview}>
          <button class="send-button" type="submit" aria-label="Send" disabled={!canSend()}>
            <SendIcon />
          </button>
        </ComposerToolbar>
      </div>
      <div class="composer-hint">
        <Show when={props.footer} fallback={<ComposerHint previewing={previewing()} />}>
          {props.footer}
        </Show>
        <Show when={remaining() < COUNTDOWN_FROM}>
          <span class="countdown" classList={{ over: remaining() < 0 }}>
            {remaining()}
          </span>
        </Show>
      </div>
    </form>
  );
}

function ComposerHint(props: { previewing: boolean }): JSX.Element {
  return (
    <Show
      when={props.previewing}
      fallback={
        <span>
          <kbd>Enter</kbd> to send, <kbd>Shift</kbd> + <kbd>Enter</kbd> for a new line
        </span>
      }
    >
      <span>
        Previewing: <kbd>Esc</kbd> to keep writing
      </span>
    </Show>
  );
}
