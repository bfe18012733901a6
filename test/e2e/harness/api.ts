import { BATCH_FRAME, PROTOCOL_VERSION } from '../../../src/shared/wire';

/**
 * Drives the HTTP API and the channel socket from Node, the way a browser
 * would (cookie and Origin), to set up state faster than through the UI.
 */
export interface Person {
  username: string;
  password: string;
  displayName: string;
}

let counter = 0;
/** A new person with a username no other test on this server uses. */
export function person(displayName: string): Person {
  counter += 1;
  const username = `${displayName.toLowerCase().replace(/[^a-z0-9]/g, '')}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return { username, password: 'correct horse battery', displayName };
}

/** A message to post with options beyond its body. */
export interface Post {
  body: string;
  threadRoot?: number;
  alsoToChannel?: boolean;
}

export class ApiClient {
  private constructor(
    readonly baseURL: string,
    readonly cookie: string,
    readonly accountId: string,
  ) {}

  /** Creates the account (open registration, or with an invite code) and keeps its session cookie. */
  static async signUp(baseURL: string, who: Person, inviteCode?: string): Promise<ApiClient> {
    const response = await post(baseURL, '/api/auth/signup', { username: who.username, password: who.password, displayName: who.displayName, inviteCode });
    const { account } = (await response.json()) as { account: { id: string } };
    return new ApiClient(baseURL, sessionCookie(response), account.id);
  }

  async createWorkspace(name: string): Promise<{ workspaceId: string; channelId: string }> {
    const { workspace, generalChannelId } = await this.call<{ workspace: { id: string }; generalChannelId: string }>('POST', '/api/workspaces', { name });
    return { workspaceId: workspace.id, channelId: generalChannelId };
  }

  async createInvite(workspaceId: string): Promise<string> {
    const { invite } = await this.call<{ invite: { code: string } }>('POST', `/api/workspaces/${workspaceId}/invites`, {});
    return invite.code;
  }

  async createChannel(workspaceId: string, name: string): Promise<string> {
    const { channel } = await this.call<{ channel: { id: string } }>('POST', `/api/workspaces/${workspaceId}/channels`, { name });
    return channel.id;
  }

  /** Sets a member's workspace role (the caller must be allowed to). */
  async setRole(workspaceId: string, userId: string, role: 'admin' | 'moderator' | 'member'): Promise<void> {
    await this.call('PATCH', `/api/workspaces/${workspaceId}/members/${userId}`, { role });
  }

  /** The channels and DMs this person sees in a workspace. */
  async channelIds(workspaceId: string): Promise<{ id: string; name: string; kind: string }[]> {
    return (await this.call<{ channels: { id: string; name: string; kind: string }[] }>('GET', `/api/workspaces/${workspaceId}/channels`)).channels;
  }

  /** The workspaces this person belongs to. */
  async workspaceIds(): Promise<string[]> {
    return (await this.call<{ workspaces: { id: string }[] }>('GET', '/api/workspaces')).workspaces.map((w) => w.id);
  }

  /** The raw answer to a GET, for checking what someone may not see. */
  async status(path: string): Promise<number> {
    const response = await fetch(`${this.baseURL}${path}`, { headers: { Cookie: this.cookie, Origin: this.baseURL } });
    return response.status;
  }

  async joinChannel(workspaceId: string, channelId: string): Promise<void> {
    await this.call('POST', `/api/workspaces/${workspaceId}/channels/${channelId}/members`, {});
  }

  async redeemInvite(code: string): Promise<void> {
    await this.call('POST', `/api/invites/${code}/redemptions`, {});
  }

  /** Every message of a channel, oldest first, read page by page through the history API. */
  async history(workspaceId: string, channelId: string): Promise<{ seq: number; body: string }[]> {
    const all: { seq: number; body: string }[] = [];
    let before: number | undefined;
    for (;;) {
      const query = before ? `?before=${before}` : '';
      const page = await this.call<{ messages: { seq: number; body: string }[]; hasMore: boolean }>(
        'GET',
        `/api/workspaces/${workspaceId}/channels/${channelId}/messages${query}`,
      );
      all.unshift(...page.messages);
      if (!page.hasMore || page.messages.length === 0) return all;
      before = page.messages[0].seq;
    }
  }

  /**
   * Sends every post over one channel socket, in order, and resolves with their
   * seqs once each is acknowledged. A post is a body, or a body with thread options.
   */
  async send(workspaceId: string, channelId: string, posts: Array<string | Post>): Promise<number[]> {
    const prefix = `seed${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const ids = posts.map((_, i) => `${prefix}-${i}`);
    const seqs = new Map<string, number>();
    await this.onChannelSocket(workspaceId, channelId, `${posts.length} sends`, (frame, socket) => {
      if (frame.type === 'hello') {
        posts.forEach((post, i) => socket.send(JSON.stringify({ type: 'send', clientId: ids[i], ...(typeof post === 'string' ? { body: post } : post) })));
      } else if (frame.type === 'ack') {
        seqs.set(frame.clientId as string, frame.seq as number);
      }
      return seqs.size === posts.length;
    });
    return ids.map((id) => seqs.get(id)!);
  }

  /** Adds this person's reaction to a message and resolves once the channel has it. */
  async react(workspaceId: string, channelId: string, seq: number, emoji: string): Promise<void> {
    await this.onChannelSocket(workspaceId, channelId, `reaction ${emoji}`, (frame, socket) => {
      if (frame.type === 'hello') socket.send(JSON.stringify({ type: 'react', seq, emoji, on: true }));
      const message = frame.message as { seq: number; reactions: { emoji: string; users: { id: string }[] }[] } | undefined;
      return (
        frame.type === 'message' &&
        message?.seq === seq &&
        message.reactions.some((r) => r.emoji === emoji && r.users.some((u) => u.id === this.accountId))
      );
    });
  }

  /** Opens a channel socket, feeds it every frame until `handle` says it is done, then closes it. */
  private async onChannelSocket(
    workspaceId: string,
    channelId: string,
    what: string,
    handle: (frame: Record<string, unknown>, socket: WebSocket) => boolean,
  ): Promise<void> {
    const url = `${this.baseURL.replace(/^http/, 'ws')}/api/workspaces/${workspaceId}/channels/${channelId}/socket?after=0&protocol=${PROTOCOL_VERSION}`;
    // Node's WebSocket (undici) takes headers, which browsers' does not.
    const socket = new WebSocket(url, { headers: { Cookie: this.cookie, Origin: this.baseURL } } as unknown as string[]);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what} did not complete`)), 30_000);
        socket.onerror = () => reject(new Error(`channel socket failed: ${url}`));
        socket.onclose = (event) => reject(new Error(`channel socket closed early (${event.code} ${event.reason})`));
        socket.onmessage = (event) => {
          const parsed = JSON.parse(String(event.data)) as Record<string, unknown>;
          // What the server sent in one turn arrives as one batch; its frames are handled in order.
          const frames = parsed.type === BATCH_FRAME ? (parsed.frames as Record<string, unknown>[]) : [parsed];
          for (const frame of frames) {
            if (frame.type === 'error') reject(new Error(`${what} refused: ${String(frame.message)}`));
            else if (handle(frame, socket)) {
              clearTimeout(timer);
              resolve();
              return;
            }
          }
        };
      });
    } finally {
      socket.onclose = null;
      socket.close();
    }
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseURL}${path}`, {
      method,
      headers: { Cookie: this.cookie, Origin: this.baseURL, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }
}

async function post(baseURL: string, path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${baseURL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseURL },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

function sessionCookie(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error('the server set no session cookie');
  return cookie;
}
