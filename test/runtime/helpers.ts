/**
 * What the runtime tests share: a browser-like client for the HTTP API (cookie
 * jar, account switching), sign-up and workspace set-up, channel sockets opened
 * through the worker exactly as the web app opens them, and the channel room
 * the socket tests set up.
 */
import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ACCOUNT_HEADER } from '../../src/shared/api';
import type { ErrorBody, ErrorCode } from '../../src/shared/errors';
import type { Account, HistoryPage, Invite } from '../../src/shared/model';
import { PROTOCOL_VERSION, type ServerFrame } from '../../src/shared/protocol';
import { TestSocket } from './test-socket';

export const ORIGIN = 'http://hearth.test';
export const PASSWORD = 'correct horse battery staple';
const COOKIE_NAME = 'hearth_sessions';

/** One signed-in account and the cookie of the browser it is signed in in. */
export interface User {
  account: Account;
  cookie: string;
}

export interface CallOptions {
  /** A JSON body; sent with Content-Type application/json. */
  json?: unknown;
  /** A body sent as it is (an image, malformed JSON); set its Content-Type in `headers`. */
  body?: BodyInit;
  /** The Cookie header (a User's `cookie`). */
  cookie?: string;
  /** Which of the cookie's accounts the request acts as (X-Hearth-Account). */
  as?: string;
  headers?: Record<string, string>;
}

export function buildRequest(method: string, path: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('Cookie', options.cookie);
  if (options.as) headers.set(ACCOUNT_HEADER, options.as);
  if (method !== 'GET' && method !== 'HEAD' && !headers.has('Origin')) headers.set('Origin', ORIGIN);
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  return new Request(new URL(path, ORIGIN), { method, headers, body });
}

/** Sends a request through the worker's own fetch handler. */
export function fetchWorker(request: Request): Promise<Response> {
  return exports.default.fetch(request);
}

export async function call<T = any>(method: string, path: string, options: CallOptions = {}) {
  const response = await fetchWorker(buildRequest(method, path, options));
  const text = await response.text();
  const body = (text && response.headers.get('Content-Type')?.includes('application/json') ? JSON.parse(text) : text) as T;
  return { status: response.status, body, response };
}

/** Asserts a failure's status and stable error code, and that it says something. */
export function expectError(result: { status: number; body: unknown }, status: number, code: ErrorCode) {
  expect({ status: result.status, code: (result.body as ErrorBody).error?.code }).toEqual({ status, code });
  expect((result.body as ErrorBody).error.message.length).toBeGreaterThan(0);
}

/** The session cookie a response leaves in the browser: '' when cleared, `previous` when untouched. */
export function sessionCookie(response: Response, previous = ''): string {
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE_NAME}=`));
  if (!set) return previous;
  const value = set.slice(COOKIE_NAME.length + 1).split(';')[0];
  return value && !/max-age=0\b/i.test(set) ? `${COOKIE_NAME}=${value}` : '';
}

export function sessionTokens(cookie: string): string[] {
  return cookie ? cookie.slice(COOKIE_NAME.length + 1).split('.') : [];
}

export interface SignUpOptions {
  /** A browser's cookie to add this account to. */
  cookie?: string;
  displayName?: string;
  inviteCode?: string;
  password?: string;
}

export async function signUp(username: string, options: SignUpOptions = {}): Promise<User & { workspaceId: string | null }> {
  const result = await call('POST', '/api/auth/signup', {
    cookie: options.cookie,
    json: {
      username,
      password: options.password ?? PASSWORD,
      displayName: options.displayName,
      inviteCode: options.inviteCode,
    },
  });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return { account: result.body.account, workspaceId: result.body.workspaceId, cookie: sessionCookie(result.response, options.cookie) };
}

export async function signIn(username: string, password = PASSWORD, cookie?: string): Promise<User> {
  const result = await call('POST', '/api/auth/signin', { cookie, json: { username, password } });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return { account: result.body.account, cookie: sessionCookie(result.response, cookie) };
}

/** Calls the API as `user`: their browser's cookie, acting as their account. */
export function as(user: User, method: string, path: string, json?: unknown) {
  return call(method, path, { cookie: user.cookie, as: user.account.id, json });
}

export async function createWorkspace(owner: User, name = 'Acme'): Promise<{ workspaceId: string; generalChannelId: string }> {
  const result = await as(owner, 'POST', '/api/workspaces', { name });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return { workspaceId: result.body.workspace.id, generalChannelId: result.body.generalChannelId };
}

export async function createInvite(
  user: User,
  workspaceId: string,
  options: { maxUses?: number | null; expiresInSeconds?: number | null } = {},
): Promise<Invite> {
  const result = await as(user, 'POST', `/api/workspaces/${workspaceId}/invites`, options);
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.invite;
}

/** Brings `user` into the workspace through a fresh invite from `inviter`. */
export async function addMember(inviter: User, workspaceId: string, user: User) {
  const invite = await createInvite(inviter, workspaceId, { maxUses: 1 });
  const result = await as(user, 'POST', `/api/invites/${invite.code}/redemptions`);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
}

export async function createChannel(user: User, workspaceId: string, name: string): Promise<string> {
  const result = await as(user, 'POST', `/api/workspaces/${workspaceId}/channels`, { name });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.channel.id;
}

let workspaceCount = 0;

/** A new workspace owned by `owner` with `members` in it (all in #general): sockets of one test see nothing of another's. */
export async function workspaceWith(owner: User, ...members: User[]) {
  const created = await createWorkspace(owner, `Test workspace ${++workspaceCount}`);
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

/** Whether an account with this username exists, asked of the directory itself. */
export async function accountExists(username: string): Promise<boolean> {
  return (await env.DIRECTORY.get(env.DIRECTORY.idFromName('directory')).findCredentials(username)) !== null;
}

export function channelStub(channelId: string) {
  return env.CHANNELS.get(env.CHANNELS.idFromName(channelId));
}

export function workspaceStub(workspaceId: string) {
  return env.WORKSPACES.get(env.WORKSPACES.idFromName(workspaceId));
}

export function newClientId(): string {
  return crypto.randomUUID();
}

/** The client end of a channel socket: everything the server sends, readable in order. */
export class ChannelSocket extends TestSocket<ServerFrame> {
  /** Sends a message and reads the sender's ack and the broadcast copy. */
  async post(body: string, clientId = newClientId()) {
    this.send({ type: 'send', clientId, body });
    const ack = await this.expect('ack');
    expect(ack.clientId).toBe(clientId);
    const { message } = await this.expect('message');
    expect(message.seq).toBe(ack.seq);
    return message;
  }
}

/** The channel socket's path; the protocol this build speaks unless `query` names one. */
export function socketPath(workspaceId: string, channelId: string, query = '') {
  const full = query.includes('protocol=') ? query : [query, `protocol=${PROTOCOL_VERSION}`].filter(Boolean).join('&');
  return `/api/workspaces/${workspaceId}/channels/${channelId}/socket?${full}`;
}

/** Asks the worker for a channel socket as `user`; the response may refuse it. */
export function requestSocket(user: User, workspaceId: string, channelId: string, query = '', headers: Record<string, string> = {}) {
  return fetchWorker(
    new Request(new URL(socketPath(workspaceId, channelId, query), ORIGIN), {
      headers: { Upgrade: 'websocket', Cookie: user.cookie, 'X-Hearth-Account': user.account.id, Origin: ORIGIN, ...headers },
    }),
  );
}

/** Opens a channel socket as `user` and reads its hello frame. */
export async function openSocket(user: User, workspaceId: string, channelId: string, query = '') {
  const response = await requestSocket(user, workspaceId, channelId, query);
  if (response.status !== 101) expect.fail(`socket refused: ${response.status} ${await response.text()}`);
  const socket = new ChannelSocket(response.webSocket!);
  const hello = await socket.expect('hello');
  return { socket, hello };
}

/** The channel's stored messages, oldest first, as the history API returns them. */
export async function history(user: User, workspaceId: string, channelId: string, query = '') {
  const result = await as(user, 'GET', `/api/workspaces/${workspaceId}/channels/${channelId}/messages${query ? `?${query}` : ''}`);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body as HistoryPage;
}

/** Registers an afterEach that closes every socket passed to the returned `track`; call it at a file's top level. */
export function closeSocketsAfterEach() {
  const open: ChannelSocket[] = [];
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  return function track(socket: ChannelSocket): ChannelSocket {
    open.push(socket);
    return socket;
  };
}

/** The API path of something in a channel: channelPath(ws, ch, 'messages/3/thread'). */
export function channelPath(workspaceId: string, channelId: string, rest: string) {
  return `/api/workspaces/${workspaceId}/channels/${channelId}/${rest}`;
}

/** Reads the next `count` frames, each of which must be a message, and returns the messages. */
export async function nextMessages(socket: ChannelSocket, count: number) {
  const messages = [];
  for (let i = 0; i < count; i++) messages.push((await socket.expect('message')).message);
  return messages;
}

/** Who a channel room is for: `members` are in the owner's workspace; `joiners` (all members unless named) join each channel. */
export interface RoomPeople {
  owner: User;
  members: User[];
  joiners?: User[];
}

export interface ChannelRoom {
  readonly workspaceId: string;
  /** This test's channel. */
  readonly channelId: string;
  /** Opens a socket on this test's channel as `user`, reads its hello, and closes it after the test. */
  open(user: User, query?: string): ReturnType<typeof openSocket>;
  /** As `open`, for the socket alone. */
  connect(user: User, query?: string): Promise<ChannelSocket>;
  /** Closes a socket opened some other way after the test. */
  track(socket: ChannelSocket): ChannelSocket;
  /** Makes another channel as before each test, and makes it this test's. */
  newChannel(): Promise<void>;
}

/**
 * The set-up the channel tests share, as hooks; call it at a file's top level. Once,
 * `people()` signs everyone up and the owner makes a workspace with the members in it;
 * before each test the owner makes a new channel, `${name}-N`, so its sequences start
 * at 1, and the joiners join it.
 */
export function channelRoom(name: string, people: () => Promise<RoomPeople>): ChannelRoom {
  const track = closeSocketsAfterEach();
  let owner: User;
  let joiners: User[];
  let channels = 0;
  const room = {
    workspaceId: '',
    channelId: '',
    track,
    async open(user: User, query = '') {
      const opened = await openSocket(user, room.workspaceId, room.channelId, query);
      track(opened.socket);
      return opened;
    },
    async connect(user: User, query = '') {
      return (await room.open(user, query)).socket;
    },
    async newChannel() {
      room.channelId = await channelWith(room.workspaceId, `${name}-${++channels}`, owner, ...joiners);
    },
  };
  beforeAll(async () => {
    const everyone = await people();
    owner = everyone.owner;
    joiners = everyone.joiners ?? everyone.members;
    room.workspaceId = (await workspaceWith(owner, ...everyone.members)).workspaceId;
  });
  beforeEach(() => room.newChannel());
  return room;
}
