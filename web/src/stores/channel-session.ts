import { batch } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { LIMITS } from '../../../src/shared/limits';
import type { Message } from '../../../src/shared/model';
import type { ServerFrame } from '../../../src/shared/protocol';
import { PROTOCOL_VERSION } from '../../../src/shared/wire';
import { ChannelSocket, type SocketStatus } from '../api/channel-socket';
import { errorMessage } from '../api/client';
import { channelSocketUrl, endpoints } from '../api/endpoints';
import { loadOutbox, newClientId, saveOutbox, type OutboxEntry } from './outbox';

export interface ChannelState {
  /** A contiguous run of the channel's messages, oldest first, each in its latest state. */
  messages: Message[];
  /** The last channel event this view has applied; the socket resumes after it. */
  lastSeq: number;
  hasMore: boolean;
  loaded: boolean;
  loadingOlder: boolean;
  status: SocketStatus;
  outbox: OutboxEntry[];
  error: string | null;
}

export type ChannelSession = ReturnType<typeof openChannel>;

/** How far back a jump to a quoted message pages before it gives up. */
const REVEAL_PAGE_LIMIT = 40;

/**
 * The live view of one channel: its history, its socket and its outbox.
 * Created when the channel is opened, disposed when the person leaves it.
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
  });


  const updateOutbox = (change: (entries: OutboxEntry[]) => OutboxEntry[]) => {
    setState('outbox', (entries) => change(entries));
    saveOutbox(accountId, channelId, state.outbox);
  };

  /** Applies a message's latest state: replaces the one we have, appends a new one, ignores older history not loaded. */
  const apply = (message: Message) => {
    const newest = state.messages.at(-1)?.seq ?? 0;
    if (message.seq > newest) setState('messages', state.messages.length, message);
    else {
      const index = state.messages.findIndex((m) => m.seq === message.seq);
      if (index >= 0 && state.messages[index].updatedSeq < message.updatedSeq) setState('messages', index, message);
    }
    if (message.updatedSeq > state.lastSeq) setState('lastSeq', message.updatedSeq);
  };

  const frameOf = (entry: OutboxEntry) =>
    ({ type: 'send', clientId: entry.clientId, body: entry.body, ...(entry.replyTo ? { replyTo: entry.replyTo } : {}) }) as const;

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
          if (frame.message.authorId === accountId) updateOutbox((e) => e.filter((x) => x.clientId !== frame.message.clientId));
        });
        break;
      case 'ack':
        updateOutbox((entries) => entries.filter((e) => e.clientId !== frame.clientId));
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

  const socket = new ChannelSocket({
    url: () => channelSocketUrl(workspaceId, channelId, accountId, state.lastSeq, PROTOCOL_VERSION),
    onFrame,
    onStatus: (status) => setState('status', status),
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

  function send(body: string, replyTo?: number) {
    const text = body.replace(/\s+$/, '');
    if (!text.trim()) return;
    const entry: OutboxEntry = { clientId: newClientId(), body: text, createdAt: Date.now(), status: 'pending', replyTo };
    if (text.length > LIMITS.messageBodyMax) {
      entry.status = 'failed';
      entry.error = `A message is at most ${LIMITS.messageBodyMax} characters`;
    }
    updateOutbox((entries) => [...entries, entry]);
    if (entry.status === 'pending') socket.send(frameOf(entry));
  }

  function retry(clientId: string) {
    const entry = state.outbox.find((e) => e.clientId === clientId);
    if (!entry || entry.body.length > LIMITS.messageBodyMax) return;
    updateOutbox((entries) => entries.map((e) => (e.clientId === clientId ? { ...e, status: 'pending', error: undefined } : e)));
    socket.send(frameOf(entry));
  }

  /** Messages quoted by replies but outside the loaded history, fetched once each. */
  const [quoted, setQuoted] = createStore<Record<number, Message | null>>({});
  function lookup(seq: number): Message | null | undefined {
    const loaded = state.messages.find((m) => m.seq === seq);
    if (loaded) return loaded;
    if (!(seq in quoted)) {
      setQuoted(seq, null);
      endpoints.message(workspaceId, channelId, seq).then(({ message }) => setQuoted(seq, message), () => undefined);
    }
    return quoted[seq];
  }

  /** Loads older pages until `seq` is in the loaded history; false if it is not there. */
  async function reveal(seq: number): Promise<boolean> {
    for (let pages = 0; pages < REVEAL_PAGE_LIMIT; pages++) {
      if (state.messages.some((m) => m.seq === seq)) return true;
      if (!state.hasMore) return false;
      await loadOlder();
    }
    return state.messages.some((m) => m.seq === seq);
  }

  /** Errors about edits and deletes are shown for a moment; the socket keeps working. */
  let errorTimer: ReturnType<typeof setTimeout> | undefined;
  function showError(message: string) {
    setState('error', message);
    clearTimeout(errorTimer);
    errorTimer = setTimeout(() => setState('error', null), 6000);
  }

  function editMessage(seq: number, body: string) {
    const text = body.replace(/\s+$/, '');
    if (!text.trim()) return false;
    if (!socket.send({ type: 'edit', seq, body: text })) {
      showError('You are offline; try the edit again once connected.');
      return false;
    }
    return true;
  }

  function pinMessage(seq: number, pinned: boolean) {
    if (!socket.send({ type: 'pin', seq, pinned })) showError('You are offline; try again once connected.');
  }

  function deleteMessage(seq: number) {
    if (!socket.send({ type: 'delete', seq })) showError('You are offline; try again once connected.');
  }

  function discard(clientId: string) {
    updateOutbox((entries) => entries.filter((e) => e.clientId !== clientId));
  }

  void start();

  return {
    state,
    loadOlder,
    send,
    retry,
    discard,
    editMessage,
    deleteMessage,
    pinMessage,
    lookup,
    reveal,
    reconnect: socket.reconnectNow,
    dispose: () => {
      clearTimeout(errorTimer);
      socket.stop();
    },
  };
}
