/**
 * Gateway sockets for the runtime tests: opened through the worker as the web
 * app opens them, read frame by frame, and closed (waiting for the server to
 * notice) after each test. Also builds the PostActivity a channel object reports.
 */
import { afterEach, expect } from 'vitest';
import type { PostActivity } from '../../src/durable/activity';
import { GATEWAY_PROTOCOL_VERSION, type GatewayServerFrame } from '../../src/shared/gateway';
import { ACCOUNT_HEADER } from '../../src/shared/wire';
import { fetchWorker, newClientId, ORIGIN, workspaceStub, type User } from './helpers';
import { type FrameType, TestSocket } from './test-socket';

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

/** The client end of a gateway socket: every frame the server sends, readable in order. */
export class GatewaySocket extends TestSocket<GatewayServerFrame> {
  constructor(ws: WebSocket) {
    super(ws, 'gateway');
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
  const open = async (user: User, workspaceId: string, options: { ignore?: FrameType<GatewayServerFrame>[] } = {}) => {
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
