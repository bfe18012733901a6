import { batch } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { LIMITS } from '../../../src/shared/limits';
import type { Message } from '../../../src/shared/model';
import type { ClientFrame, ServerFrame } from '../../../src/shared/protocol';
import { PROTOCOL_VERSION } from '../../../src/shared/wire';
import { errorMessage } from '../api/client';
import { channelSocketUrl, endpoints } from '../api/endpoints';
import { LiveSocket, type SocketStatus } from '../api/live-socket';
import { createMessageLookup } from './message-lookup';
import { loadOutbox, newClientId, saveOutbox, type OutboxEntry } from './outbox';
import { createThreads } from './threads';
import { createTypingState } from './typing';

export interface ChannelState {
  /** A contiguous run of the channel's messages, oldest first, each in its latest state (thread-only replies excluded). */
  messages: Message[];
  /** The last channel event this view has applied; the socket resumes after it. */
  lastSeq: number;
  hasMore: boolean;
  loaded: boolean;
  loadingOlder: boolean;
  status: SocketStatus;
  outbox: OutboxEntry[];
  error: string | null;
  /** The server closed the socket for good: the person is no longer in this channel. */
  revoked: boolean;
}

/** Where a message is sent: the channel, or a thread (optionally also shown in the channel). */
export interface SendOptions {
  replyTo?: number;
  threadRoot?: number;
  alsoToChannel?: boolean;
  /** Ids of uploaded files the message carries, in order. */
  attachments?: string[];
}

export type ChannelSession = ReturnType<typeof openChannel>;

const shownInChannel = (m: Message) => m.threadRoot === null || m.alsoInChannel;

/**
 * The live view of one channel: its history, open threads, typing, its socket
 * and its outbox. Created when the channel is opened, disposed when the person leaves it.
 */
export function openChannel(workspaceId: string, channelId: string, accountId: string) {
  const [state, setState] = createStore<ChannelState>({
    messages: [],
    lastSeq: 0,
    hasMore: false,
    loaded: false,
    loadingOlder: false,
    status: 'connecting',
    outbox: loadOutbox(accountId, channelId),
    error: null,
    revoked: false,
  });
  const threads = createThreads(workspaceId, channelId);
  const typing = createTypingState();

  const updateOutbox = (change: (entries: OutboxEntry[]) => OutboxEntry[]) => {
    setState('outbox', (entries) => change(entries));
    saveOutbox(accountId, channelId, state.outbox);
  };

  /** Applies a message's latest state: replaces the one we have, appends a new one, ignores older history not loaded. */
  const apply = (message: Message) => {
    threads.apply(message);
    if (shownInChannel(message)) {
      const newest = state.messages.at(-1)?.seq ?? 0;
      if (message.seq > newest) setState('messages', state.messages.length, message);
      else {
        const index = state.messages.findIndex((m) => m.seq === message.seq);
        if (index >= 0 && state.messages[index].updatedSeq < message.updatedSeq) setState('messages', index, message);
      }
    }
    if (message.updatedSeq > state.lastSeq) setState('lastSeq', message.updatedSeq);
  };

  const frameOf = (entry: OutboxEntry): ClientFrame => ({
    type: 'send',
    clientId: entry.clientId,
    body: entry.body,
    ...(entry.replyTo ? { replyTo: entry.replyTo } : {}),
    ...(entry.threadRoot ? { threadRoot: entry.threadRoot, alsoToChannel: !!entry.alsoToChannel } : {}),
    ...(entry.attachments?.length ? { attachments: entry.attachments } : {}),
  });

  const flushOutbox = () => {
    for (const entry of state.outbox) {
      if (entry.status === 'pending') socket.send(frameOf(entry));
    }
  };

  const onFrame = (frame: ServerFrame) => {
    switch (frame.type) {
      case 'hello':
        flushOutbox();
        break;
      case 'message':
        batch(() => {
          apply(frame.message);
          if (frame.message.seq === frame.message.updatedSeq) typing.forget(frame.message.authorId);
          if (frame.message.authorId === accountId) updateOutbox((e) => e.filter((x) => x.clientId !== frame.message.clientId));
        });
        break;
      case 'ack':
        updateOutbox((entries) => entries.filter((e) => e.clientId !== frame.clientId));
        break;
      case 'typing':
        typing.heard(frame.userId, frame.name, frame.threadRoot);
        break;
      case 'resync':
        void reloadNewest();
        break;
      case 'error':
        if (frame.clientId) {
          updateOutbox((entries) =>
            entries.map((e) => (e.clientId === frame.clientId ? { ...e, status: 'failed', error: frame.message } : e)),
          );
        } else showError(frame.message);
        break;
    }
  };

  const socket = new LiveSocket<ServerFrame, ClientFrame>({
    url: () => channelSocketUrl(workspaceId, channelId, accountId, state.lastSeq, PROTOCOL_VERSION),
    onFrame,
    onStatus: (status) => setState('status', status),
    onRevoked: () => setState('revoked', true),
  });

  async function reloadNewest() {
    try {
      const page = await endpoints.history(workspaceId, channelId);
      // Live frames that arrived while the page was on its way are newer than it: keep them.
      const newer = state.messages.filter((m) => m.updatedSeq > page.lastSeq).sort((x, y) => x.updatedSeq - y.updatedSeq);
      batch(() => {
        setState({ messages: page.messages, lastSeq: page.lastSeq, hasMore: page.hasMore, loaded: true, error: null });
        newer.forEach(apply);
      });
    } catch (error) {
      setState('error', errorMessage(error));
    }
  }

  async function start() {
    await reloadNewest();
    socket.start();
  }

  async function loadOlder() {
    const first = state.messages[0];
    if (!first || !state.hasMore || state.loadingOlder) return;
    setState('loadingOlder', true);
    try {
      const page = await endpoints.history(workspaceId, channelId, first.seq);
      setState(
        produce((s) => {
          s.messages.unshift(...page.messages.filter((m) => m.seq < first.seq));
          s.hasMore = page.hasMore;
        }),
      );
    } catch (error) {
      setState('error', errorMessage(error));
    } finally {
      setState('loadingOlder', false);
    }
  }

  const lookup = createMessageLookup(workspaceId, channelId, {
    loaded: () => state.messages,
    hasMore: () => state.hasMore,
    loadOlder,
  });

  function send(body: string, options: SendOptions = {}) {
    const text = body.replace(/\s+$/, '');
    if (!text.trim() && !options.attachments?.length) return;
    const entry: OutboxEntry = { clientId: newClientId(), body: text, createdAt: Date.now(), status: 'pending', ...options };
    if (text.length > LIMITS.messageBodyMax) {
      entry.status = 'failed';
      entry.error = `A message is at most ${LIMITS.messageBodyMax} characters`;
    }
    updateOutbox((entries) => [...entries, entry]);
    typing.sent();
    if (entry.status === 'pending') socket.send(frameOf(entry));
  }

  function retry(clientId: string) {
    const entry = state.outbox.find((e) => e.clientId === clientId);
    if (!entry || entry.body.length > LIMITS.messageBodyMax) return;
    updateOutbox((entries) => entries.map((e) => (e.clientId === clientId ? { ...e, status: 'pending', error: undefined } : e)));
    socket.send(frameOf(entry));
  }

  function discard(clientId: string) {
    updateOutbox((entries) => entries.filter((e) => e.clientId !== clientId));
  }

  /** Errors about edits, deletes and reactions are shown for a moment; the socket keeps working. */
  let errorTimer: ReturnType<typeof setTimeout> | undefined;
  function showError(message: string) {
    setState('error', message);
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => setState('error', null), 6000);
  }

  /** Sends a change that only makes sense while connected; says so when offline. */
  function sendNow(frame: ClientFrame, what: string): boolean {
    if (socket.send(frame)) return true;
    showError(`You are offline; try ${what} again once connected.`);
    return false;
  }

  function editMessage(seq: number, body: string) {
    const text = body.replace(/\s+$/, '');
    if (!text.trim()) return false;
    return sendNow({ type: 'edit', seq, body: text }, 'the edit');
  }

  void start();

  return {
    state,
    threads: threads.threads,
    openThread: threads.open,
    loadOlder,
    send,
    retry,
    discard,
    editMessage,
    deleteMessage: (seq: number) => void sendNow({ type: 'delete', seq }, 'deleting'),
    pinMessage: (seq: number, pinned: boolean) => void sendNow({ type: 'pin', seq, pinned }, 'pinning'),
    react: (seq: number, emoji: string, on: boolean) => void sendNow({ type: 'react', seq, emoji, on }, 'reacting'),
    /** Call on every keystroke in a composer; frames go out at most every few seconds. */
    typing: (threadRoot: number | null) => {
      if (typing.dueToSend(threadRoot)) socket.send(threadRoot === null ? { type: 'typing' } : { type: 'typing', threadRoot });
    },
    typingNames: typing.namesIn,
    lookup: lookup.lookup,
    reveal: lookup.reveal,
    reconnect: socket.reconnectNow,
    dispose: () => {
      clearTimeout(errorTimer);
      typing.dispose();
      socket.stop();
    },
  };
}
