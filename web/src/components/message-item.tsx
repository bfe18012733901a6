import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { formatFull, formatTime } from '../lib/format';
import { Avatar } from './avatar';
import { EditIcon, LinkIcon, PinIcon, ReplyIcon, TrashIcon } from './icons';

export interface MessageActions {
  myId: string;
  canDeleteOthers: boolean;
  /** Returns false when the edit could not be sent (then the editor stays open). */
  onEdit: (seq: number, body: string) => boolean;
  onDelete: (seq: number) => void;
  onReply: (message: Message) => void;
  onCopyLink: (seq: number) => void;
  onPin: (seq: number, pinned: boolean) => void;
  /** Earlier versions of an edited message, oldest first. */
  loadEdits: (seq: number) => Promise<{ body: string; replacedAt: number }[]>;
  /** Scrolls to a message, loading older history as needed. */
  onJump: (seq: number) => void;
  /** A message by seq: loaded, being fetched (null), or not known yet (undefined). */
  lookup: (seq: number) => Message | null | undefined;
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

  const [versions, setVersions] = createSignal<{ body: string; replacedAt: number }[] | null>(null);
  async function toggleVersions() {
    setVersions(versions() ? null : await props.actions.loadEdits(props.message.seq));
  }

  function confirmDelete() {
    const preview = props.message.body.length > 80 ? `${props.message.body.slice(0, 80)}…` : props.message.body;
    if (confirm(`Delete this message for everyone?\n\n${preview}`)) props.actions.onDelete(props.message.seq);
  }

  return (
    <li
      class="message"
      classList={{ grouped: !props.startsGroup && !props.message.pinnedAt, deleted: deleted(), editing: editing(), pinned: !!props.message.pinnedAt }} data-seq={props.message.seq} data-testid="message">
      <Show when={props.message.pinnedBy}>
        {(by) => (
          <div class="pinned-label" data-testid="pinned-label">
            <PinIcon size={12} /> Pinned by {by()}
          </div>
        )}
      </Show>
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
        <Show when={props.message.replyTo}>
          {(parent) => <ReplyQuote seq={parent()} actions={props.actions} />}
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
                  <>
                    {' '}
                    <button class="edited" type="button" title={`Edited ${formatFull(at())}. Show earlier versions`} data-testid="edited" onClick={() => void toggleVersions()}>
                      (edited)
                    </button>
                  </>
                )}
              </Show>
            </div>
          </Show>
        </Show>
        <Show when={versions()}>
          {(list) => (
            <ol class="versions" aria-label="Earlier versions" data-testid="versions">
              <For each={list()}>
                {(v) => (
                  <li>
                    <span class="versions-time">until {formatFull(v.replacedAt)}</span>
                    <span class="versions-body">{v.body}</span>
                  </li>
                )}
              </For>
            </ol>
          )}
        </Show>
      </div>
      <Show when={!editing() && !deleted()}>
        <div class="message-actions" role="toolbar" aria-label="Message actions">
          <button class="icon-button" type="button" title="Reply" aria-label="Reply" onClick={() => props.actions.onReply(props.message)}>
            <ReplyIcon />
          </button>
          <button
            class="icon-button"
            type="button"
            title={props.message.pinnedAt ? 'Unpin' : 'Pin to channel'}
            aria-label={props.message.pinnedAt ? 'Unpin message' : 'Pin message'}
            onClick={() => props.actions.onPin(props.message.seq, !props.message.pinnedAt)}
          >
            <PinIcon />
          </button>
          <button class="icon-button" type="button" title="Copy link" aria-label="Copy link to message" onClick={() => props.actions.onCopyLink(props.message.seq)}>
            <LinkIcon />
          </button>
          <Show when={mine()}>
            <button class="icon-button" type="button" title="Edit" aria-label="Edit message" onClick={() => setEditing(true)}>
              <EditIcon />
            </button>
          </Show>
          <Show when={canDelete()}>
            <button class="icon-button danger" type="button" title="Delete" aria-label="Delete message" onClick={confirmDelete}>
              <TrashIcon />
            </button>
          </Show>
        </div>
      </Show>
    </li>
  );
}

/** The message a reply answers, quoted above it; a click jumps to it. */
function ReplyQuote(props: { seq: number; actions: MessageActions }): JSX.Element {
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
