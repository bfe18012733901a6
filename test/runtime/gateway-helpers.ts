/**
 * Gateway sockets for the runtime tests: opened through the worker as the web
 * app opens them, read frame by frame, and closed (waiting for the server to
 * notice) after each test. Also builds the PostActivity a channel object reports.
 */
import { afterEach, expect } from 'vitest';
import type { PostActivity } from '../../src/durable/activity';
import { GATEWAY_PROTOCOL_VERSION, type GatewayServerFrame } from '../../src/shared/gateway';
import { ACCOUNT_HEADER } from '../../src/shared/wire';
import { addMember, as, createChannel, createWorkspace, fetchWorker, newClientId, ORIGIN, workspaceStub, type User } from './helpers';

type Frame = GatewayServerFrame | { type: 'text'; data: string };
type FrameOf<T extends Frame['type']> = Extract<Frame, { type: T }>;

export function gatewayPath(workspaceId: string, query = `protocol=${GATEWAY_PROTOCOL_VERSION}`) {
  return `/api/workspaces/${workspaceId}/gateway${query ? `?${query}` : ''}`;
}

/** Asks the worker for a gateway socket as `user`; the response may refuse it. */
export function requestGateway(user: User, workspaceId: string, query?: string, headers: Record<string, string> = {}) {
  return fetchWorker(
    new Request(new URL(gatewayPath(workspaceId, query), ORIGIN), {
      headers: { Upgrade: 'websocket', Cookie: user.cookie, [ACCOUNT_HEADER]: user.account.id, Origin: ORIGIN, ...headers },
    }),
  );
}

/**
 * The client end of a gateway socket: every frame the server sends, readable in
 * order. Frame types passed to `ignore` are dropped, for tests about something else.
 */
export class GatewaySocket {
  private readonly frames: Frame[] = [];
  private read = 0;
  private wake: (() => void) | null = null;
  private readonly ignored = new Set<string>();
  closeCode: number | null = null;

  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener('message', (event) => {
      const data = event.data as string;
      let frame: Frame;
      try {
        frame = JSON.parse(data) as GatewayServerFrame;
      } catch {
        frame = { type: 'text', data };
      }
      if (!this.ignored.has(frame.type)) this.frames.push(frame);
      this.wake?.();
    });
    ws.addEventListener('close', (event) => {
      this.closeCode = event.code;
      this.wake?.();
    });
  }

  /** Drops frames of these types from now on (frames already received stay). */
  ignore(...types: Frame['type'][]) {
    for (const type of types) this.ignored.add(type);
    return this;
  }

  /** Sends text and binary data as they are, anything else as JSON. */
  send(frame: unknown) {
    if (typeof frame === 'string' || frame instanceof ArrayBuffer || ArrayBuffer.isView(frame)) this.ws.send(frame);
    else this.ws.send(JSON.stringify(frame));
  }

  /** The next frame not read yet; fails if none arrives within `timeoutMs`. */
  async next(timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (this.read >= this.frames.length) {
      if (this.closeCode !== null) throw new Error(`gateway closed (${this.closeCode}) while waiting for a frame`);
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
  async expect<T extends Frame['type']>(type: T): Promise<FrameOf<T>> {
    const frame = await this.next();
    expect(frame.type, JSON.stringify(frame)).toBe(type);
    return frame as FrameOf<T>;
  }

  /** Asserts that nothing more arrives for a while. */
  async expectQuiet(ms = 150) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    expect(this.frames.slice(this.read)).toEqual([]);
  }

  async closed(timeoutMs = 3000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    if (this.closeCode === null) throw new Error('gateway did not close');
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

/**
 * Registers an afterEach that closes every gateway opened or tracked through the
 * returned functions, and waits until the server has closed them too (so their
 * presence changes cannot reach the next test); call it at a file's top level.
 */
export function gatewaysClosedAfterEach() {
  const opened: GatewaySocket[] = [];
  afterEach(async () => {
    const closing = opened.splice(0);
    for (const gateway of closing) gateway.close();
    await Promise.all(closing.map((gateway) => gateway.closed().catch(() => undefined)));
  });
  const track = (gateway: GatewaySocket) => {
    opened.push(gateway);
    return gateway;
  };
  /** Opens a gateway as `user`, dropping frames of the `ignore` types from the start, and reads its hello frame. */
  const open = async (user: User, workspaceId: string, options: { ignore?: Frame['type'][] } = {}) => {
    const response = await requestGateway(user, workspaceId);
    if (response.status !== 101) expect.fail(`gateway refused: ${response.status} ${await response.text()}`);
    const gateway = track(new GatewaySocket(response.webSocket!).ignore(...(options.ignore ?? [])));
    const hello = await gateway.expect('hello');
    return { gateway, hello };
  };
  return { open, track };
}

/** A post as a channel object reports it, with defaults for what a test does not care about. */
export function postActivity(channelId: string, seq: number, author: User, more: Partial<PostActivity> = {}): PostActivity {
  return {
    channelId,
    seq,
    createdAt: Date.now(),
    authorId: author.account.id,
    authorName: author.account.displayName,
    body: `message ${seq} ${newClientId()}`,
    threadRoot: null,
    inChannel: true,
    mentionedUserIds: [],
    broadcasts: [],
    ...more,
  };
}

/** Reports a post to the workspace object the way a channel object does. */
export function recordPost(workspaceId: string, post: PostActivity) {
  return workspaceStub(workspaceId).recordPost(post);
}

let workspaceCount = 0;

/** A new workspace owned by `owner` with `members` in it (all in #general): gateways of one test see nothing of another's. */
export async function workspaceWith(owner: User, ...members: User[]) {
  const created = await createWorkspace(owner, `Gateway test ${++workspaceCount}`);
  for (const member of members) await addMember(owner, created.workspaceId, member);
  return created;
}

/** A channel `creator` makes and `joiners` join. */
export async function channelWith(workspaceId: string, name: string, creator: User, ...joiners: User[]) {
  const channelId = await createChannel(creator, workspaceId, name);
  for (const user of joiners) {
    const joined = await as(user, 'POST', `/api/workspaces/${workspaceId}/channels/${channelId}/members`);
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  }
  return channelId;
}
