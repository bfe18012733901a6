import { batch } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Message } from '../../../src/shared/model';
import { errorMessage } from '../api/client';
import { endpoints } from '../api/endpoints';

export interface ThreadView {
  root: Message | null;
  /** Oldest first. */
  replies: Message[];
  loaded: boolean;
  error: string | null;
}

/**
 * The threads of one channel that have been opened, kept live from the
 * channel's socket: replies and root updates arrive as ordinary message frames.
 */
export function createThreads(workspaceId: string, channelId: string) {
  const [threads, setThreads] = createStore<Record<number, ThreadView>>({});

  const upsertReply = (rootSeq: number, reply: Message) => {
    const replies = threads[rootSeq].replies;
    const index = replies.findIndex((m) => m.seq === reply.seq);
    if (index < 0) {
      const at = replies.findIndex((m) => m.seq > reply.seq);
      setThreads(rootSeq, 'replies', (list) => (at < 0 ? [...list, reply] : [...list.slice(0, at), reply, ...list.slice(at)]));
    } else if (replies[index].updatedSeq < reply.updatedSeq) {
      setThreads(rootSeq, 'replies', index, reply);
    }
  };

  /** Applies a live message frame to the open threads it belongs to. */
  function apply(message: Message) {
    if (message.threadRoot !== null && threads[message.threadRoot]) upsertReply(message.threadRoot, message);
    const asRoot = threads[message.seq];
    if (asRoot && (!asRoot.root || asRoot.root.updatedSeq < message.updatedSeq)) setThreads(message.seq, 'root', message);
  }

  /** Loads a thread (once; later it stays live). */
  async function open(rootSeq: number) {
    if (threads[rootSeq]?.loaded) return;
    if (!threads[rootSeq]) setThreads(rootSeq, { root: null, replies: [], loaded: false, error: null });
    try {
      const page = await endpoints.thread(workspaceId, channelId, rootSeq);
      // Frames that arrived while the page was on its way are newer than it: keep them.
      const live = threads[rootSeq].replies.filter((m) => m.updatedSeq > page.lastSeq);
      const liveRoot = threads[rootSeq].root;
      batch(() => {
        setThreads(rootSeq, {
          root: liveRoot && liveRoot.updatedSeq > page.root.updatedSeq ? liveRoot : page.root,
          replies: page.replies,
          loaded: true,
          error: null,
        });
        live.forEach((m) => upsertReply(rootSeq, m));
      });
    } catch (error) {
      setThreads(rootSeq, 'error', errorMessage(error));
    }
  }

  return { threads, apply, open };
}
