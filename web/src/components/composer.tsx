import { createEffect, createSignal, on, Show, type JSX } from 'solid-js';
import { LIMITS } from '../../../src/shared/limits';
import { BROADCAST_MENTIONS, type Message } from '../../../src/shared/model';
import type { ChannelMember } from '../api/endpoints';
import { BROADCAST_CANDIDATES, mentionAtCaret, rankCandidates, type MentionCandidate } from '../lib/mention-query';
import { CloseIcon, SendIcon } from './icons';
import { MentionMenu } from './mention-menu';

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

/** The message box: Enter sends, Shift+Enter starts a new line, "@" offers people; it grows with its text. */
export function Composer(props: ComposerProps): JSX.Element {
  const [text, setText] = createSignal('');
  const [mention, setMention] = createSignal<{ start: number; query: string } | null>(null);
  const [active, setActive] = createSignal(0);
  let textarea!: HTMLTextAreaElement;

  const remaining = () => LIMITS.messageBodyMax - text().length;

  const candidates = (): MentionCandidate[] => {
    const at = mention();
    if (!at) return [];
    const people = props.members()
      .filter((m) => m.userId !== props.myId)
      .map((m) => ({ handle: m.username, label: m.displayName, detail: `@${m.username}`, userId: m.userId }));
    const broadcasts = BROADCAST_MENTIONS.map((b) => ({ handle: b, label: `@${b}`, detail: BROADCAST_CANDIDATES[b], userId: null }));
    return rankCandidates(at.query, [...people, ...broadcasts]);
  };

  const resize = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, 240)}px`;
  };

  const updateMention = () => {
    setMention(mentionAtCaret(textarea.value, textarea.selectionStart));
    setActive(0);
  };

  function pick(candidate: MentionCandidate) {
    const at = mention();
    if (!at) return;
    const caret = textarea.selectionStart;
    const value = `${textarea.value.slice(0, at.start)}@${candidate.handle} ${textarea.value.slice(caret)}`;
    textarea.value = value;
    setText(value);
    const position = at.start + candidate.handle.length + 2;
    textarea.setSelectionRange(position, position);
    setMention(null);
    resize();
  }

  function send() {
    if (!text().trim() || remaining() < 0 || props.holdSend) return;
    props.onSend(text());
    setText('');
    textarea.value = '';
    setMention(null);
    resize();
  }

  createEffect(on(() => props.replyingTo, (reply) => reply && textarea.focus(), { defer: true }));

  const onKeyDown = (event: KeyboardEvent) => {
    const list = candidates();
    if (list.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((active() + step + list.length) % list.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.isComposing) {
        event.preventDefault();
        pick(list[active()]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
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
        <Show when={candidates().length > 0}>
          <MentionMenu candidates={candidates()} active={active()} onPick={pick} onHover={setActive} />
        </Show>
        <textarea
          ref={(el) => {
            textarea = el;
            if (props.autofocus) queueMicrotask(() => el.focus());
          }}
          rows={1}
          placeholder={props.placeholder}
          aria-label={props.placeholder}
          aria-autocomplete="list"
          data-testid="composer"
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            resize();
            updateMention();
            if (e.currentTarget.value.trim()) props.onTyping?.();
          }}
          onClick={updateMention}
          onBlur={() => setMention(null)}
          onKeyDown={onKeyDown}
        />
        <button class="send-button" type="submit" aria-label="Send" disabled={!text().trim() || remaining() < 0 || props.holdSend}>
          <SendIcon />
        </button>
      </div>
      <div class="composer-hint">
        <Show when={props.footer} fallback={
          <span>
            <kbd>Enter</kbd> to send, <kbd>Shift</kbd> + <kbd>Enter</kbd> for a new line
          </span>
        }>
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
