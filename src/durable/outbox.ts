import { BATCH_FRAME } from '../shared/wire';

interface Pending {
  data: string;
  /** Taken when the frame was queued: a socket that opens later learns of the change another way (replay, hello). */
  recipients: readonly WebSocket[];
}

/**
 * Frames on their way to an object's sockets. What is queued in one turn of the
 * event loop — and, when the object is busy, everything that arrived while the
 * last flush was writing — leaves together: one WebSocket message per socket,
 * its frames in order (a `batch` frame when there are several). Writing to a
 * socket costs about the same for one frame or ten, so a busy channel pays it
 * once per socket per flush rather than once per message; a quiet one sends at
 * the end of the turn, as before. Each frame is encoded once, whoever gets it.
 */
export class Outbox<Frame> {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly encode: (frame: Frame) => string) {}

  /** Queues a frame for one socket. */
  send(ws: WebSocket, frame: Frame) {
    this.queue({ data: this.encode(frame), recipients: [ws] });
  }

  /** Queues a frame for each of these sockets. */
  sendAll(sockets: readonly WebSocket[], frame: Frame) {
    if (sockets.length > 0) this.queue({ data: this.encode(frame), recipients: sockets });
  }

  /** Writes everything queued now: before a socket is closed, so that what was meant for it arrives first. */
  flush() {
    this.scheduled = false;
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    for (const [ws, data] of messagesFor(pending)) {
      try {
        ws.send(data);
      } catch {
        // The socket closed under us; its close handler tidies up.
      }
    }
  }

  private queue(entry: Pending) {
    this.pending.push(entry);
    if (this.scheduled) return;
    this.scheduled = true;
    // A timer rather than a microtask: socket events already waiting run first and join this flush.
    setTimeout(() => this.flush(), 0);
  }
}

/** What each socket is sent: its frames in order, encoded once for every socket that gets the same ones. */
function messagesFor(pending: Pending[]): Map<WebSocket, string> {
  if (pending.length === 1) return new Map(pending[0].recipients.map((ws) => [ws, pending[0].data]));
  const indexesBySocket = new Map<WebSocket, number[]>();
  pending.forEach((entry, index) => {
    for (const ws of entry.recipients) {
      const indexes = indexesBySocket.get(ws);
      if (indexes) indexes.push(index);
      else indexesBySocket.set(ws, [index]);
    }
  });
  const encoded = new Map<string, string>();
  const out = new Map<WebSocket, string>();
  for (const [ws, indexes] of indexesBySocket) {
    const key = indexes.join(',');
    let data = encoded.get(key);
    if (data === undefined) {
      data = indexes.length === 1 ? pending[indexes[0]].data : `{"type":"${BATCH_FRAME}","frames":[${indexes.map((i) => pending[i].data).join(',')}]}`;
      encoded.set(key, data);
    }
    out.set(ws, data);
  }
  return out;
}
