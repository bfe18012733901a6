/**
 * Every HTTP endpoint × every kind of caller → allowed or the refusal expected.
 * The matrix test fails when the worker has a route this table has no row for.
 * Expectations come from PERMISSIONS where a permission decides, so the table
 * and the role matrix in the README cannot disagree.
 */
import { GATEWAY_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../../src/shared/wire';
import { type Action, allows } from '../../../src/shared/permissions';
import { as, call, channelPath, signIn, type User } from '../helpers';
import { type Caller, CHANNEL_MEMBERS, liveSocket, ROLE_OF, type SignedInCaller, TINY_PNG, type World } from './world';

/** `ok`: a 2xx answer (101 for a socket upgrade); a number: that refusal status. */
export type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;

export interface HttpCall {
  path: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Call as this user instead of the caller's own (for calls that would spend the caller). */
  user?: User;
}

export interface HttpRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route exactly as the worker registers it. */
  route: string;
  /** Builds one call for `caller`, creating whatever a successful call uses up. */
  call: (world: World, caller: Caller) => Promise<HttpCall> | HttpCall;
  expect: (caller: Caller) => Outcome;
  /** Why this row's callers or targets differ from the obvious, when they do. */
  note?: string;
}

const WS = '/api/workspaces/:workspaceId';
const CH = `${WS}/channels/:channelId`;

// What each kind of caller gets from a kind of resource.
const anyone = (): Outcome => 'ok';
const signedIn = (caller: Caller): Outcome => (caller === 'anonymous' ? 401 : 'ok');
/** The workspace exists only for its members: outsiders and the banned get 404. */
const inWorkspace =
  (then: (caller: SignedInCaller) => Outcome = () => 'ok') =>
  (caller: Caller): Outcome => {
    if (caller === 'anonymous') return 401;
    if (caller === 'outsider' || caller === 'banned') return 404;
    return then(caller);
  };
/** A private channel or DM exists only for its members. */
const inChannel = (then: (caller: SignedInCaller) => Outcome = () => 'ok') =>
  inWorkspace((caller) => ((CHANNEL_MEMBERS as readonly string[]).includes(caller) ? then(caller) : 404));
const permitted = (action: Action) => (caller: SignedInCaller): Outcome => (allows(ROLE_OF[caller], action) ? 'ok' : 403);
const instanceAdmin = (caller: Caller): Outcome => (caller === 'anonymous' ? 401 : caller === 'owner' ? 'ok' : 403);

const ws = (w: World) => `/api/workspaces/${w.workspaceId}`;
const priv = (w: World, rest = '') => channelPath(w.workspaceId, w.privateId, rest).replace(/\/$/, '');
/** A PNG uploaded to the private channel as `user`, not sent yet; its id. */
async function uploadAs(w: World, user: User): Promise<string> {
  const result = await call('POST', `${priv(w, 'files')}?name=matrix.png`, {
    cookie: user.cookie,
    as: user.account.id,
    body: TINY_PNG,
    headers: { 'Content-Type': 'image/png', 'Content-Length': String(TINY_PNG.byteLength) },
  });
  if (result.status !== 201) throw new Error(`matrix upload failed: ${JSON.stringify(result.body)}`);
  return result.body.file.id;
}

let sentFile: Promise<string> | null = null;
/** A file with a thumbnail that the bystander sent to the private channel, made once. */
function fileInPrivateChannel(w: World): Promise<string> {
  sentFile ??= (async () => {
    const id = await uploadAs(w, w.bystander);
    await call('PUT', priv(w, `thumbnails/${id}`), { cookie: w.bystander.cookie, as: w.bystander.account.id, body: TINY_PNG, headers: { 'Content-Type': 'image/png' } });
    const socket = await liveSocket(w.bystander, w.workspaceId, w.privateId);
    socket.send({ type: 'send', clientId: crypto.randomUUID(), body: '', attachments: [id] });
    await socket.expect('ack');
    socket.close();
    return id;
  })();
  return sentFile;
}

/**
 * An unsent upload for a caller to act on: their own when they can upload to the private
 * channel, else the bystander's (which is nobody else's to touch).
 */
async function uploadFor(w: World, caller: Caller): Promise<string> {
  const own = (CHANNEL_MEMBERS as readonly string[]).includes(caller) && caller !== 'timedOut';
  return uploadAs(w, own ? w.users[caller as SignedInCaller] : w.bystander);
}

/** Someone for a caller to act on: the owner, unless the caller is the owner. */
const otherThan = (w: World, caller: Caller) => (caller === 'owner' ? w.users.member : w.users.owner);

export const HTTP_ROWS: HttpRow[] = [
  // Instance and accounts
  { method: 'GET', route: '/api/instance', call: () => ({ path: '/api/instance' }), expect: anyone },
  { method: 'PATCH', route: '/api/instance', call: () => ({ path: '/api/instance', json: { name: 'Hearth' } }), expect: instanceAdmin },
  { method: 'GET', route: '/api/admin/users', call: () => ({ path: '/api/admin/users' }), expect: instanceAdmin },
  {
    method: 'PUT',
    route: '/api/admin/users/:userId/deactivated',
    call: async (w) => ({ path: `/api/admin/users/${(await w.newUser()).account.id}/deactivated`, json: {} }),
    expect: instanceAdmin,
  },
  {
    method: 'DELETE',
    route: '/api/admin/users/:userId/deactivated',
    call: (w) => ({ path: `/api/admin/users/${w.stranger.account.id}/deactivated` }),
    expect: instanceAdmin,
  },
  {
    method: 'PUT',
    route: '/api/admin/users/:userId/admin',
    call: async (w) => ({ path: `/api/admin/users/${(await w.newUser()).account.id}/admin`, json: {} }),
    expect: instanceAdmin,
  },
  {
    method: 'DELETE',
    route: '/api/admin/users/:userId/admin',
    call: (w) => ({ path: `/api/admin/users/${w.stranger.account.id}/admin` }),
    expect: instanceAdmin,
  },
  {
    method: 'POST',
    route: '/api/auth/signup',
    call: (_w, caller) => ({ path: '/api/auth/signup', json: { username: `new-${caller.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}`, password: 'correct horse battery staple' } }),
    expect: anyone,
    note: 'registration is open; a signed-in browser adds the account beside its others',
  },
  {
    method: 'POST',
    route: '/api/auth/signin',
    call: (w) => ({ path: '/api/auth/signin', json: { username: w.stranger.account.username, password: 'correct horse battery staple' } }),
    expect: anyone,
  },
  {
    method: 'POST',
    route: '/api/auth/signout',
    call: async (w, caller) => {
      if (caller === 'anonymous') return { path: '/api/auth/signout', json: {} };
      // A second session of the caller's, so the caller's own stays for the other rows.
      return { path: '/api/auth/signout', json: {}, user: await signIn(w.users[caller].account.username) };
    },
    expect: signedIn,
  },
  { method: 'GET', route: '/api/session', call: () => ({ path: '/api/session' }), expect: anyone },
  { method: 'GET', route: '/api/account', call: () => ({ path: '/api/account' }), expect: signedIn },
  { method: 'PATCH', route: '/api/account/profile', call: () => ({ path: '/api/account/profile', json: { status: { text: 'Testing' } } }), expect: signedIn },
  {
    method: 'PUT',
    route: '/api/account/avatar',
    call: () => ({ path: '/api/account/avatar', body: TINY_PNG, headers: { 'Content-Type': 'image/png' } }),
    expect: signedIn,
  },
  { method: 'DELETE', route: '/api/account/avatar', call: () => ({ path: '/api/account/avatar' }), expect: signedIn },
  {
    method: 'GET',
    route: '/api/users/:userId/avatar',
    call: async (w) => {
      // The avatar rows above may have taken the owner's picture away.
      await call('PUT', '/api/account/avatar', { cookie: w.users.owner.cookie, as: w.users.owner.account.id, body: TINY_PNG, headers: { 'Content-Type': 'image/png' } });
      return { path: `/api/users/${w.users.owner.account.id}/avatar?v=1` };
    },
    // Only people who share a workspace with its owner see an avatar.
    expect: inWorkspace(),
  },
  {
    method: 'PUT',
    route: '/api/account/password',
    call: async (w, caller) => ({
      path: '/api/account/password',
      json: { currentPassword: 'correct horse battery staple', newPassword: 'another long passphrase' },
      user: caller === 'anonymous' ? undefined : await w.newUser(),
    }),
    expect: signedIn,
    note: 'on a new account, so the callers keep their passwords',
  },
  { method: 'GET', route: '/api/account/sessions', call: () => ({ path: '/api/account/sessions' }), expect: signedIn },
  {
    method: 'DELETE',
    route: '/api/account/sessions/:sessionId',
    call: async (w) => {
      const sessions = (await as(w.stranger, 'GET', '/api/account/sessions')).body.sessions as { id: string }[];
      return { path: `/api/account/sessions/${sessions[0].id}` };
    },
    // Nobody ends someone else's session: it does not exist for them.
    expect: (caller) => (caller === 'anonymous' ? 401 : 404),
  },
  { method: 'DELETE', route: '/api/account/sessions', call: () => ({ path: '/api/account/sessions' }), expect: signedIn },
  { method: 'GET', route: '/api/account/storage', call: () => ({ path: '/api/account/storage' }), expect: signedIn },
  {
    method: 'DELETE',
    route: '/api/account',
    call: async (w, caller) => ({
      path: '/api/account',
      json: { password: 'correct horse battery staple', mode: 'soft' },
      user: caller === 'anonymous' ? undefined : await w.newUser(),
    }),
    expect: signedIn,
    note: 'on a new account: deleting an account is only ever your own',
  },

  // Diagrams
  {
    method: 'POST',
    route: '/api/plantuml',
    call: () => ({ path: '/api/plantuml', json: { source: 'Bob -> Alice : matrix' } }),
    expect: signedIn,
    note: "drawn by the runtime tests' fake PlantUML server; nothing in it belongs to a workspace",
  },

  // Invites
  { method: 'GET', route: '/api/invites/:code', call: async (w) => ({ path: `/api/invites/${await w.newInviteCode()}` }), expect: anyone },
  {
    method: 'POST',
    route: '/api/invites/:code/redemptions',
    call: async (w, caller) => ({
      path: `/api/invites/${await w.newInviteCode()}/redemptions`,
      json: {},
      // The outsider would join and stop being one: a new outsider redeems instead.
      user: caller === 'outsider' ? await w.newUser() : undefined,
    }),
    expect: (caller) => (caller === 'anonymous' ? 401 : caller === 'banned' ? 403 : 'ok'),
  },
  { method: 'GET', route: `${WS}/invites`, call: (w) => ({ path: `${ws(w)}/invites` }), expect: inWorkspace(permitted('manageInvites')) },
  { method: 'POST', route: `${WS}/invites`, call: (w) => ({ path: `${ws(w)}/invites`, json: {} }), expect: inWorkspace(permitted('manageInvites')) },
  {
    method: 'DELETE',
    route: `${WS}/invites/:code`,
    call: async (w) => ({ path: `${ws(w)}/invites/${await w.newInviteCode()}` }),
    expect: inWorkspace(permitted('manageInvites')),
  },

  // Workspaces and members
  { method: 'GET', route: '/api/workspaces', call: () => ({ path: '/api/workspaces' }), expect: signedIn },
  { method: 'POST', route: '/api/workspaces', call: () => ({ path: '/api/workspaces', json: { name: 'Another' } }), expect: signedIn },
  { method: 'GET', route: WS, call: (w) => ({ path: ws(w) }), expect: inWorkspace() },
  { method: 'GET', route: `${WS}/members`, call: (w) => ({ path: `${ws(w)}/members` }), expect: inWorkspace() },
  { method: 'GET', route: `${WS}/members/:userId`, call: (w) => ({ path: `${ws(w)}/members/${w.users.member.account.id}` }), expect: inWorkspace() },
  {
    method: 'PATCH',
    route: `${WS}/members/:userId`,
    call: async (w) => ({ path: `${ws(w)}/members/${(await w.newMember()).account.id}`, json: { role: 'moderator' } }),
    expect: inWorkspace(permitted('changeRoles')),
  },
  {
    method: 'PUT',
    route: `${WS}/members/:userId/timeout`,
    call: async (w) => ({ path: `${ws(w)}/members/${(await w.newMember()).account.id}/timeout`, json: { seconds: 600 } }),
    expect: inWorkspace(permitted('timeoutMember')),
  },
  {
    method: 'DELETE',
    route: `${WS}/members/:userId/timeout`,
    call: async (w) => {
      const victim = await w.newMember();
      await as(w.users.owner, 'PUT', `${ws(w)}/members/${victim.account.id}/timeout`, { seconds: 600 });
      return { path: `${ws(w)}/members/${victim.account.id}/timeout` };
    },
    expect: inWorkspace(permitted('timeoutMember')),
  },
  {
    method: 'DELETE',
    route: `${WS}/members/:userId`,
    call: async (w) => ({ path: `${ws(w)}/members/${(await w.newMember()).account.id}` }),
    expect: inWorkspace(permitted('removeMember')),
  },
  { method: 'GET', route: `${WS}/bans`, call: (w) => ({ path: `${ws(w)}/bans` }), expect: inWorkspace(permitted('banMember')) },
  {
    method: 'PUT',
    route: `${WS}/bans/:userId`,
    call: async (w) => ({ path: `${ws(w)}/bans/${(await w.newMember()).account.id}`, json: { reason: 'spam' } }),
    expect: inWorkspace(permitted('banMember')),
  },
  {
    method: 'DELETE',
    route: `${WS}/bans/:userId`,
    call: async (w) => {
      const victim = await w.newMember();
      await as(w.users.owner, 'PUT', `${ws(w)}/bans/${victim.account.id}`, {});
      return { path: `${ws(w)}/bans/${victim.account.id}` };
    },
    expect: inWorkspace(permitted('banMember')),
  },
  { method: 'GET', route: `${WS}/audit`, call: (w) => ({ path: `${ws(w)}/audit` }), expect: inWorkspace(permitted('readAuditLog')) },
  {
    method: 'POST',
    route: `${WS}/dms`,
    call: (w, caller) => ({ path: `${ws(w)}/dms`, json: { userIds: [otherThan(w, caller).account.id] } }),
    expect: inWorkspace(permitted('openDm')),
  },
  { method: 'GET', route: `${WS}/saved`, call: (w) => ({ path: `${ws(w)}/saved` }), expect: inWorkspace() },
  {
    method: 'GET',
    route: `${WS}/search`,
    call: (w) => ({ path: `${ws(w)}/search?q=hello` }),
    expect: inWorkspace(),
    note: 'Every member may search; each finds only what the channels they are in hold (search-access.test.ts)',
  },
  { method: 'GET', route: `${WS}/gateway`, call: (w) => ({ path: `${ws(w)}/gateway?protocol=${GATEWAY_PROTOCOL_VERSION}`, headers: { Upgrade: 'websocket' } }), expect: inWorkspace() },

  // Channels. Rows use the private channel (or a new one): a non-member must not learn it exists.
  { method: 'GET', route: `${WS}/channels`, call: (w) => ({ path: `${ws(w)}/channels` }), expect: inWorkspace() },
  {
    method: 'POST',
    route: `${WS}/channels`,
    call: (w) => ({ path: `${ws(w)}/channels`, json: { name: `made-${crypto.randomUUID().slice(0, 8)}`, private: true } }),
    expect: inWorkspace(permitted('createChannel')),
  },
  { method: 'GET', route: CH, call: (w) => ({ path: priv(w) }), expect: inChannel() },
  { method: 'PATCH', route: CH, call: (w) => ({ path: priv(w), json: { topic: 'Matrix topic' } }), expect: inChannel(permitted('setTopic')) },
  {
    method: 'DELETE',
    route: CH,
    call: async (w) => {
      const channel = await w.newPrivateChannel();
      return { path: channelPath(w.workspaceId, channel.id, '').replace(/\/$/, ''), json: { confirmName: channel.name } };
    },
    expect: inChannel(permitted('deleteChannel')),
  },
  {
    method: 'PUT',
    route: `${CH}/archived`,
    call: async (w) => ({ path: channelPath(w.workspaceId, (await w.newPrivateChannel()).id, 'archived'), json: {} }),
    expect: inChannel(permitted('archiveChannel')),
  },
  {
    method: 'DELETE',
    route: `${CH}/archived`,
    call: async (w) => {
      const { id } = await w.newPrivateChannel();
      await as(w.users.owner, 'PUT', channelPath(w.workspaceId, id, 'archived'), {});
      return { path: channelPath(w.workspaceId, id, 'archived') };
    },
    expect: inChannel(permitted('archiveChannel')),
  },
  { method: 'PUT', route: `${CH}/slow-mode`, call: (w) => ({ path: priv(w, 'slow-mode'), json: { seconds: 0 } }), expect: inChannel(permitted('setSlowMode')) },
  {
    method: 'PUT',
    route: `${CH}/hidden`,
    call: (w) => ({ path: channelPath(w.workspaceId, w.dmId, 'hidden'), json: {} }),
    expect: inChannel(),
    note: 'on the group DM: only DMs can be hidden',
  },
  { method: 'DELETE', route: `${CH}/hidden`, call: (w) => ({ path: channelPath(w.workspaceId, w.dmId, 'hidden') }), expect: inChannel() },
  {
    method: 'POST',
    route: `${CH}/members`,
    call: async (w) => ({ path: channelPath(w.workspaceId, (await w.newPublicChannel()).id, 'members'), json: {} }),
    expect: inWorkspace(),
    note: 'joining a public channel: every workspace member may',
  },
  { method: 'GET', route: `${CH}/members`, call: (w) => ({ path: priv(w, 'members') }), expect: inChannel() },
  {
    method: 'PUT',
    route: `${CH}/members/:userId`,
    call: async (w) => ({ path: priv(w, `members/${(await w.newMember()).account.id}`), json: {} }),
    expect: inChannel(permitted('addToPrivateChannel')),
  },
  {
    method: 'DELETE',
    route: `${CH}/members/:userId`,
    call: async (w) => {
      const channel = await w.newPrivateChannel();
      const victim = await w.newMember();
      await as(w.users.owner, 'PUT', channelPath(w.workspaceId, channel.id, `members/${victim.account.id}`), {});
      return { path: channelPath(w.workspaceId, channel.id, `members/${victim.account.id}`) };
    },
    expect: inChannel(permitted('removeFromChannel')),
  },
  { method: 'GET', route: `${CH}/messages`, call: (w) => ({ path: priv(w, 'messages') }), expect: inChannel() },
  { method: 'GET', route: `${CH}/messages/:seq`, call: (w) => ({ path: priv(w, `messages/${w.memberSeq}`) }), expect: inChannel() },
  { method: 'GET', route: `${CH}/messages/:seq/edits`, call: (w) => ({ path: priv(w, `messages/${w.memberSeq}/edits`) }), expect: inChannel() },
  { method: 'GET', route: `${CH}/messages/:seq/thread`, call: (w) => ({ path: priv(w, `messages/${w.memberSeq}/thread`) }), expect: inChannel() },
  { method: 'PUT', route: `${CH}/messages/:seq/saved`, call: (w) => ({ path: priv(w, `messages/${w.memberSeq}/saved`), json: {} }), expect: inChannel() },
  { method: 'DELETE', route: `${CH}/messages/:seq/saved`, call: (w) => ({ path: priv(w, `messages/${w.memberSeq}/saved`) }), expect: inChannel() },
  { method: 'GET', route: `${CH}/pins`, call: (w) => ({ path: priv(w, 'pins') }), expect: inChannel() },
  { method: 'PUT', route: `${CH}/notifications`, call: (w) => ({ path: priv(w, 'notifications'), json: { muted: false } }), expect: inChannel() },

  // Files. Reading follows reading the channel; a file not sent yet is its uploader's alone.
  {
    method: 'POST',
    route: `${CH}/files`,
    call: (w) => ({ path: `${priv(w, 'files')}?name=matrix.png`, body: TINY_PNG, headers: { 'Content-Type': 'image/png', 'Content-Length': String(TINY_PNG.byteLength) } }),
    // An upload is the first half of a post: refused where posting is.
    expect: inChannel((caller) => (caller === 'timedOut' ? 403 : 'ok')),
  },
  { method: 'GET', route: `${CH}/files`, call: (w) => ({ path: priv(w, 'files') }), expect: inChannel() },
  { method: 'GET', route: `${CH}/files/:fileId`, call: async (w) => ({ path: priv(w, `files/${await fileInPrivateChannel(w)}`) }), expect: inChannel() },
  {
    method: 'GET',
    route: `${CH}/files/:fileId/:name`,
    call: async (w) => ({ path: priv(w, `files/${await fileInPrivateChannel(w)}/matrix.png`) }),
    expect: inChannel(),
  },
  {
    method: 'DELETE',
    route: `${CH}/files/:fileId`,
    call: async (w, caller) => ({ path: priv(w, `files/${await uploadFor(w, caller)}`) }),
    expect: inChannel((caller) => (caller === 'timedOut' ? 404 : 'ok')),
    note: "each caller's own unsent upload; the timed-out member, who cannot upload, is asked about the bystander's",
  },
  {
    method: 'PUT',
    route: `${CH}/thumbnails/:fileId`,
    call: async (w, caller) => ({ path: priv(w, `thumbnails/${await uploadFor(w, caller)}`), body: TINY_PNG, headers: { 'Content-Type': 'image/png' } }),
    expect: inChannel((caller) => (caller === 'timedOut' ? 404 : 'ok')),
    note: 'as for removing an upload',
  },
  {
    method: 'GET',
    route: `${CH}/thumbnails/:fileId`,
    call: async (w) => ({ path: priv(w, `thumbnails/${await fileInPrivateChannel(w)}`) }),
    expect: inChannel(),
  },
  { method: 'GET', route: `${CH}/socket`, call: (w) => ({ path: priv(w, `socket?protocol=${PROTOCOL_VERSION}`), headers: { Upgrade: 'websocket' } }), expect: inChannel() },
];

