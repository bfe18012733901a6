import { ACCESS_REVOKED_CLOSE, BATCH_FRAME, PING, PONG } from '../../../src/shared/wire';

export type SocketStatus = 'connecting' | 'open' | 'offline';

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 10_000;
const PING_EVERY_MS = 20_000;
/** A socket that has heard nothing for this long is presumed dead and replaced. */
const SILENCE_LIMIT_MS = 45_000;

export interface LiveSocketOptions<Incoming> {
  /** The address to connect to, resuming after the last sequence the caller has. */
  url: () => string;
  onFrame: (frame: Incoming) => void;
  onStatus: (status: SocketStatus) => void;
  /** The server closed the socket because the person lost access: it stops for good instead of reconnecting. */
  onRevoked?: () => void;
}

/**
 * A WebSocket (a channel's or the workspace gateway) that reconnects by itself with jittered exponential
 * backoff, pings to notice dead connections, and reconnects at once when the
 * browser comes back online.
 */
export class LiveSocket<Incoming, Outgoing> {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = false;

  constructor(private readonly options: LiveSocketOptions<Incoming>) {
    window.addEventListener('online', this.reconnectNow);
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.ws?.close(1000, 'leaving');
    this.ws = null;
  }

  /** Sends a frame if connected; returns false when it must wait for the next connection. */
  send(frame: Outgoing): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  readonly reconnectNow = () => {
    if (this.stopped) return;
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    this.ws?.close(4000, 'reconnecting');
    this.connect();
  };

  private connect() {
    clearTimeout(this.retryTimer);
    this.options.onStatus('connecting');
    const ws = new WebSocket(this.options.url());
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.options.onStatus('open');
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.heartbeat(ws), PING_EVERY_MS);
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      this.lastHeard = Date.now();
      if (event.data === PONG || typeof event.data !== 'string') return;
      try {
        const parsed = JSON.parse(event.data) as Incoming | { type: typeof BATCH_FRAME; frames: Incoming[] };
        for (const frame of isBatch(parsed) ? parsed.frames : [parsed]) this.options.onFrame(frame);
      } catch (error) {
        console.error('bad frame from server', error);
      }
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pingTimer);
      if (this.stopped) return;
      if (event.code === ACCESS_REVOKED_CLOSE) {
        this.stop();
        this.options.onRevoked?.();
        return;
      }
      this.options.onStatus('offline');
      this.scheduleRetry();
    };
  }

  private heartbeat(ws: WebSocket) {
    if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      ws.close(4001, 'silent');
      return;
    }
    if (ws.readyState === WebSocket.OPEN) ws.send(PING);
  }

  private scheduleRetry() {
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}

/** Several frames the server sent in one message, in order. */
function isBatch<T>(parsed: T | { type: typeof BATCH_FRAME; frames: T[] }): parsed is { type: typeof BATCH_FRAME; frames: T[] } {
  return (parsed as { type?: unknown }).type === BATCH_FRAME;
}
