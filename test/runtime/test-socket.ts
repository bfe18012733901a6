/**
 * The client end of a socket opened through the worker, for the runtime tests:
 * every frame the server sends, readable in order. `S` is the protocol's server
 * frames; text that is not JSON (the auto-response to a ping) reads as a text frame.
 */
import { expect } from 'vitest';
import { BATCH_FRAME } from '../../src/shared/wire';

type SocketFrame<S extends { type: string }> = S | { type: 'text'; data: string };
export type FrameType<S extends { type: string }> = S['type'] | 'text';
type FrameOf<S extends { type: string }, T extends FrameType<S>> = Extract<SocketFrame<S>, { type: T }>;

/** Frame types passed to `ignore` are dropped, for tests about something else. */
export class TestSocket<S extends { type: string }> {
  private readonly frames: SocketFrame<S>[] = [];
  private read = 0;
  private wake: (() => void) | null = null;
  private readonly ignored = new Set<string>();
  closeCode: number | null = null;
  /** WebSocket messages received: a batch of frames is one. */
  messagesReceived = 0;

  /** `kind` names the socket in the errors of a test that waits in vain. */
  constructor(
    readonly ws: WebSocket,
    private readonly kind = 'socket',
  ) {
    ws.accept();
    ws.addEventListener('message', (event) => {
      const data = event.data as string;
      this.messagesReceived += 1;
      let frames: SocketFrame<S>[];
      try {
        const parsed = JSON.parse(data) as S | { type: typeof BATCH_FRAME; frames: S[] };
        // Frames the server coalesced into one message read one by one, as clients read them.
        frames = parsed.type === BATCH_FRAME ? (parsed as { frames: S[] }).frames : [parsed as S];
      } catch {
        frames = [{ type: 'text', data }];
      }
      for (const frame of frames) if (!this.ignored.has(frame.type)) this.frames.push(frame);
      this.wake?.();
    });
    ws.addEventListener('close', (event) => {
      this.closeCode = event.code;
      this.wake?.();
    });
  }

  /** Drops frames of these types from now on (frames already received stay). */
  ignore(...types: FrameType<S>[]) {
    for (const type of types) this.ignored.add(type);
    return this;
  }

  /** Sends text and binary data as they are, anything else as JSON. */
  send(frame: unknown) {
    if (typeof frame === 'string' || frame instanceof ArrayBuffer || ArrayBuffer.isView(frame)) this.ws.send(frame);
    else this.ws.send(JSON.stringify(frame));
  }

  /** The next frame not read yet; fails if none arrives within `timeoutMs`. */
  async next(timeoutMs = 3000): Promise<SocketFrame<S>> {
    const deadline = Date.now() + timeoutMs;
    while (this.read >= this.frames.length) {
      if (this.closeCode !== null) throw new Error(`${this.kind} closed (${this.closeCode}) while waiting for a frame`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no frame arrived in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    return this.frames[this.read++];
  }

  /** The next frame, which must be of `type`. */
  async expect<T extends FrameType<S>>(type: T): Promise<FrameOf<S, T>> {
    const frame = await this.next();
    expect(frame.type, JSON.stringify(frame)).toBe(type);
    return frame as FrameOf<S, T>;
  }

  /** Asserts that nothing more arrives for a while. */
  async expectQuiet(ms = 150) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    expect(this.frames.slice(this.read)).toEqual([]);
  }

  async closed(timeoutMs = 3000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.closeCode === null) throw new Error(`${this.kind} did not close`);
    return this.closeCode;
  }

  close() {
    try {
      this.ws.close(1000, 'done');
    } catch {
      // already closed
    }
  }
}
