import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { formatFull, formatTime } from '../lib/format';
import { EmojiPopover } from './emoji-popover';
import { BookmarkIcon, EditIcon, LinkIcon, PinIcon, ReplyIcon, SmileIcon, ThreadIcon, TrashIcon } from './icons';
import { MessageFiles } from './attachments/message-files';
import { MessageAuthorAvatar, MessageAuthorName } from './message-author';
import { MessageText, mentionsMe } from './message-text';
import { Reactions } from './reactions';
import { ThreadSummary } from './thread-summary';
import { MessageEditor } from './message-editor';
import { ReplyQuote } from './reply-quote';

export interface MessageActions {
  myId: string;
  canDeleteOthers: () => boolean;
  /** False while the channel is archived or the caller is timed out: then only saving and links are offered. */
  canChange: () => boolean;
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
  onReact: (seq: number, emoji: string, on: boolean) => void;
  /** Opens a message's thread; absent inside the thread panel itself. */
  onOpenThread?: (seq: number) => void;
  isSaved: (seq: number) => boolean;
  onToggleSaved: (message: Message) => void;
}

/** One message: avatar and name when it starts a group, its text, reactions and thread, and its toolbar on hover. */
export function MessageItem(props: { message: Message; startsGroup: boolean; actions: MessageActions }): JSX.Element {
  const [editing, setEditing] = createSignal(false);
  const [picking, setPicking] = createSignal(false);
  let reactButton!: HTMLButtonElement;
  const mine = () => props.message.authorId === props.actions.myId;
  const deleted = () => props.message.deletedAt !== null;
  const canDelete = () => !deleted() && props.actions.canChange() && (mine() || props.actions.canDeleteOthers());
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
      classList={{
        grouped: !props.startsGroup && !props.message.pinnedAt,
        deleted: deleted(),
        editing: editing() || picking(),
        mentioned: mentionsMe(props.message, props.actions.myId),
        pinned: !!props.message.pinnedAt,
      }}
      data-seq={props.message.seq}
      data-testid="message"
    >
      <Show when={props.message.pinnedBy}>
        {(by) => (
          <div class="pinned-label" data-testid="pinned-label">
            <PinIcon size={12} /> Pinned by {by()}
          </div>
        )}
      </Show>
      <Show when={props.startsGroup} fallback={<span class="message-gutter-time">{time(props.message.createdAt)}</span>}>
        <MessageAuthorAvatar message={props.message} />
      </Show>
      <div class="message-main">
        <Show when={props.startsGroup}>
          <div class="message-meta">
            <MessageAuthorName message={props.message} />
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
              <MessageText message={props.message} myId={props.actions.myId} />
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
            <Show when={props.message.attachments.length > 0}>
              <MessageFiles files={props.message.attachments} />
            </Show>
          </Show>
        </Show>
        <Show when={props.message.alsoInChannel && props.actions.onOpenThread}>
          {(open) => (
            <button class="link-button in-thread" type="button" onClick={() => open()(props.message.threadRoot!)}>
              Replied in a thread
            </button>
          )}
        </Show>
        <Show when={!deleted() && props.message.reactions.length > 0}>
          <Reactions
            reactions={props.message.reactions}
            myId={props.actions.myId}
            onToggle={(emoji, on) => props.actions.onReact(props.message.seq, emoji, on)}
            readOnly={!props.actions.canChange()}
          />
        </Show>
        <Show when={props.message.thread && props.actions.onOpenThread}>
          {(open) => <ThreadSummary thread={props.message.thread!} onOpen={() => open()(props.message.seq)} />}
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
          <Show when={props.actions.canChange()}>
            <button ref={reactButton} class="icon-button" type="button" title="Add reaction" aria-label="Add reaction" aria-expanded={picking()} onClick={() => setPicking(!picking())}>
              <SmileIcon />
            </button>
            <Show when={props.actions.onOpenThread && props.message.threadRoot === null}>
              <button class="icon-button" type="button" title="Reply in thread" aria-label="Reply in thread" onClick={() => props.actions.onOpenThread?.(props.message.seq)}>
                <ThreadIcon />
              </button>
            </Show>
            <button class="icon-button" type="button" title="Reply with quote" aria-label="Reply with quote" onClick={() => props.actions.onReply(props.message)}>
              <ReplyIcon />
            </button>
          </Show>
          <button
            class="icon-button"
            classList={{ active: props.actions.isSaved(props.message.seq) }}
            type="button"
            title={props.actions.isSaved(props.message.seq) ? 'Remove from saved' : 'Save for later'}
            aria-label={props.actions.isSaved(props.message.seq) ? 'Remove from saved' : 'Save for later'}
            aria-pressed={props.actions.isSaved(props.message.seq)}
            onClick={() => props.actions.onToggleSaved(props.message)}
          >
            <BookmarkIcon />
          </button>
          <Show when={props.actions.canChange()}>
            <button
              class="icon-button"
              type="button"
              title={props.message.pinnedAt ? 'Unpin' : 'Pin to channel'}
              aria-label={props.message.pinnedAt ? 'Unpin message' : 'Pin message'}
              onClick={() => props.actions.onPin(props.message.seq, !props.message.pinnedAt)}
            >
              <PinIcon />
            </button>
          </Show>
          <button class="icon-button" type="button" title="Copy link" aria-label="Copy link to message" onClick={() => props.actions.onCopyLink(props.message.seq)}>
            <LinkIcon />
          </button>
          <Show when={mine() && props.actions.canChange()}>
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
      <Show when={picking()}>
        <EmojiPopover
          anchor={reactButton}
          onPick={(emoji) => {
            const mine = props.message.reactions.some((r) => r.emoji === emoji && r.users.some((u) => u.id === props.actions.myId));
            if (!mine) props.actions.onReact(props.message.seq, emoji, true);
          }}
          onClose={() => setPicking(false)}
        />
      </Show>
    </li>
  );
}
