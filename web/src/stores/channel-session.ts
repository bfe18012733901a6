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
  /** A contiguous run of the channel's messages, oldest first. */
  messages: Message[];
  hasMore: boolean;
  loaded: boolean;
  loadingOlder: boolean;
  status: SocketStatus;
  outbox: OutboxEntry[];
  error: string | null;
}

export type ChannelSession = ReturnType<typeof openChannel>;

/**
 * The live view of one channel: its history, its socket and its outbox.
 * Created when the channel is opened, disposed when the person leaves it.
 */
export function openChannel(workspaceId: string, channelId: string, accountId: string) {
  const [state, setState] = createStore<ChannelState>({
    messages: [],
    hasMore: false,
    loaded: false,
    loadingOlder: false,
    status: 'connecting',
    outbox: loadOutbox(accountId, channelId),
    error: null,
  });

  const lastSeq = () => state.messages.at(-1)?.seq ?? 0;

  const updateOutbox = (change: (entries: OutboxEntry[]) => OutboxEntry[]) => {
    setState('outbox', (entries) => change(entries));
    saveOutbox(accountId, channelId, state.outbox);
  };

  const append = (message: Message) => {
    const last = lastSeq();
    if (message.seq <= last) return; // already have it
    if (state.loaded && last !== 0 && message.seq !== last + 1) {
      void reloadNewest(); // a gap: never show a partial history
      return;
    }
    setState('messages', state.messages.length, message);
  };

  const flushOutbox = () => {
    for (const entry of state.outbox) {
      if (entry.status === 'pending') socket.send({ type: 'send', clientId: entry.clientId, body: entry.body });
    }
  };

  const onFrame = (frame: ServerFrame) => {
    switch (frame.type) {
      case 'hello':
        flushOutbox();
        break;
      case 'message':
        batch(() => {
          append(frame.message);
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
        } else setState('error', frame.message);
        break;
    }
  };

  const socket = new ChannelSocket({
    url: () => channelSocketUrl(workspaceId, channelId, accountId, lastSeq(), PROTOCOL_VERSION),
    onFrame,
    onStatus: (status) => setState('status', status),
  });

  async function reloadNewest() {
    try {
      const page = await endpoints.history(workspaceId, channelId);
      setState({ messages: page.messages, hasMore: page.hasMore, loaded: true, error: null });
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

  function send(body: string) {
    const text = body.replace(/\s+$/, '');
    if (!text.trim()) return;
    const entry: OutboxEntry = { clientId: newClientId(), body: text, createdAt: Date.now(), status: 'pending' };
    if (text.length > LIMITS.messageBodyMax) {
      entry.status = 'failed';
      entry.error = `A message is at most ${LIMITS.messageBodyMax} characters`;
    }
    updateOutbox((entries) => [...entries, entry]);
    if (entry.status === 'pending') socket.send({ type: 'send', clientId: entry.clientId, body: entry.body });
  }

  function retry(clientId: string) {
    const entry = state.outbox.find((e) => e.clientId === clientId);
    if (!entry || entry.body.length > LIMITS.messageBodyMax) return;
    updateOutbox((entries) => entries.map((e) => (e.clientId === clientId ? { ...e, status: 'pending', error: undefined } : e)));
    socket.send({ type: 'send', clientId, body: entry.body });
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
    reconnect: socket.reconnectNow,
    dispose: () => socket.stop(),
  };
}
