import { createEffect, createSignal, on, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import type { Message } from '../../../src/shared/model';
import type { ChannelMember } from '../api/endpoints';
import { handlePaste, notePlainPasteKey } from '../lib/composer/paste-markdown';
import { applyFormat, handleFormatKey } from '../lib/composer/text-edit';
import type { AttachmentDraft } from '../stores/attachment-draft';
import { DraftFiles } from './attachments/draft-files';
import { ComposerPreview } from './composer-preview';
import { createSuggestions } from './composer-suggestions';
import { ComposerToolbar } from './composer-toolbar';
import { CloseIcon, SendIcon } from './icons';

/** Show a countdown once a message gets this close to the limit. */
const COUNTDOWN_FROM = 500;

export interface ComposerProps {
  /** e.g. "Message #general" or "Reply…". */
  placeholder: string;
  /** `attachments`: ids of the uploaded files sent with the text (its caption). */
  onSend: (body: string, attachments: string[]) => void;
  /** Files attached here (paperclip, paste, a drop on the conversation); absent where files cannot be sent. */
  files?: AttachmentDraft;
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
  const filesReady = () => !props.files || props.files.files.every((f) => f.status === 'done');
  const hasFiles = () => (props.files?.files.length ?? 0) > 0;
  const canSend = () => (!!text().trim() || hasFiles()) && remaining() >= 0 && !props.holdSend && filesReady();
  /** Send was asked for while files were still uploading: it goes once they are all up (and not if one fails). */
  const [queued, setQueued] = createSignal(false);
  const uploading = () => !!props.files?.busy();
  createEffect(() => {
    if (!queued()) return;
    if (canSend()) {
      setQueued(false);
      send();
    } else if (!uploading()) setQueued(false);
  });
  let picker: HTMLInputElement | undefined;

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
    if (!canSend()) {
      if (uploading() && props.files!.files.every((f) => f.status !== 'failed')) setQueued(true);
      return;
    }
    props.onSend(text(), props.files?.ids() ?? []);
    props.files?.clear();
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
        <Show when={props.files}>{(files) => <DraftFiles draft={files()} />}</Show>
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
          onPaste={(e) => {
            // Files on the clipboard (a screenshot) win over the HTML some apps put beside them.
            const pasted = [...(e.clipboardData?.files ?? [])];
            if (props.files && pasted.length > 0) {
              e.preventDefault();
              props.files.add(pasted);
              return;
            }
            handlePaste(e, textarea);
          }}
        />
        <Show when={previewing()}>
          <ComposerPreview text={text()} members={props.members()} myId={props.myId} ref={(el) => (preview = el)} />
        </Show>
        <Show when={props.files}>
          {(files) => (
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              data-testid="file-input"
              onChange={(e) => {
                files().add([...(e.currentTarget.files ?? [])]);
                e.currentTarget.value = '';
                textarea.focus();
              }}
            />
          )}
        </Show>
        <ComposerToolbar
          previewing={previewing()}
          onFormat={(format) => applyFormat(textarea, format)}
          onTogglePreview={togglePreview}
          onAttach={props.files ? () => picker?.click() : undefined}
        >
          <button
            class="send-button"
            type="submit"
            aria-label="Send"
            title={filesReady() ? undefined : 'Sends when the files have uploaded'}
            disabled={!canSend() && !(uploading() && !queued())}
          >
            <SendIcon />
          </button>
        </ComposerToolbar>
      </div>
      <div class="composer-hint">
        <Show when={!queued()} fallback={<span data-testid="send-queued">Sending once the files have uploaded…</span>}>
        <Show when={props.footer} fallback={<ComposerHint previewing={previewing()} />}>
          {props.footer}
        </Show>
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
