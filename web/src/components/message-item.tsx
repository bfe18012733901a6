import { createSignal, Show, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { formatFull, formatTime } from '../lib/format';
import { Avatar } from './avatar';
import { EditIcon, TrashIcon } from './icons';

export interface MessageActions {
  myId: string;
  canDeleteOthers: boolean;
  /** Returns false when the edit could not be sent (then the editor stays open). */
  onEdit: (seq: number, body: string) => boolean;
  onDelete: (seq: number) => void;
}

/** One message: avatar and name when it starts a group, its text, and edit/delete on hover. */
export function MessageItem(props: { message: Message; startsGroup: boolean; actions: MessageActions }): JSX.Element {
  const [editing, setEditing] = createSignal(false);
  const mine = () => props.message.authorId === props.actions.myId;
  const deleted = () => props.message.deletedAt !== null;
  const canDelete = () => !deleted() && (mine() || props.actions.canDeleteOthers);
  const time = (ms: number) => (
    <time datetime={new Date(ms).toISOString()} title={formatFull(ms)}>
      {formatTime(ms)}
    </time>
  );

  function confirmDelete() {
    const preview = props.message.body.length > 80 ? `${props.message.body.slice(0, 80)}…` : props.message.body;
    if (confirm(`Delete this message for everyone?\n\n${preview}`)) props.actions.onDelete(props.message.seq);
  }

  return (
    <li class="message" classList={{ grouped: !props.startsGroup, deleted: deleted(), editing: editing() }} data-seq={props.message.seq} data-testid="message">
      <Show when={props.startsGroup} fallback={<span class="message-gutter-time">{time(props.message.createdAt)}</span>}>
        <Avatar name={props.message.authorName} seed={props.message.authorId} />
      </Show>
      <div class="message-main">
        <Show when={props.startsGroup}>
          <div class="message-meta">
            <span class="message-author">{props.message.authorName}</span>
            {time(props.message.createdAt)}
          </div>
        </Show>
        <Show
          when={!editing()}
          fallback={
            <MessageEditor
              initial={props.message.body}
              onSave={(body) => {
                if (body === props.message.body || props.actions.onEdit(props.message.seq, body)) setEditing(false);
              }}
              onCancel={() => setEditing(false)}
            />
          }
        >
          <Show when={!deleted()} fallback={<div class="message-body tombstone">This message was deleted.</div>}>
            <div class="message-body">
              <span data-testid="message-body">{props.message.body}</span>
              <Show when={props.message.editedAt}>
                {(at) => (
                  <span class="edited" title={`Edited ${formatFull(at())}`} data-testid="edited">
                    {' '}
                    (edited)
                  </span>
                )}
              </Show>
            </div>
          </Show>
        </Show>
      </div>
      <Show when={!editing() && (canDelete() || (mine() && !deleted()))}>
        <div class="message-actions" role="toolbar" aria-label="Message actions">
          <Show when={mine()}>
            <button class="icon-button" type="button" title="Edit" aria-label="Edit message" onClick={() => setEditing(true)}>
              <EditIcon />
            </button>
          </Show>
          <button class="icon-button danger" type="button" title="Delete" aria-label="Delete message" onClick={confirmDelete}>
            <TrashIcon />
          </button>
        </div>
      </Show>
    </li>
  );
}

/** Inline editor: Enter saves, Shift+Enter is a new line, Escape cancels. */
function MessageEditor(props: { initial: string; onSave: (body: string) => void; onCancel: () => void }): JSX.Element {
  let textarea!: HTMLTextAreaElement;
  const save = () => {
    if (textarea.value.trim()) props.onSave(textarea.value);
  };
  return (
    <div class="message-editor">
      <textarea
        ref={(el) => {
          textarea = el;
          queueMicrotask(() => {
            el.focus();
            el.setSelectionRange(el.value.length, el.value.length);
            el.style.height = `${Math.min(el.scrollHeight, 240)}px`;
          });
        }}
        value={props.initial}
        aria-label="Edit message"
        data-testid="message-editor"
        onInput={(e) => {
          e.currentTarget.style.height = 'auto';
          e.currentTarget.style.height = `${Math.min(e.currentTarget.scrollHeight, 240)}px`;
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onCancel();
          }
        }}
      />
      <div class="editor-hint">
        <kbd>Enter</kbd> to save · <kbd>Esc</kbd> to cancel ·{' '}
        <button class="link-button" type="button" onClick={save}>
          Save
        </button>{' '}
        <button class="link-button" type="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
