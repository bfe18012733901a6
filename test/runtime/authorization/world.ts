/**
 * The workspace the authorization matrix runs in: one person per kind of
 * caller, a public channel, a private channel and a group DM, and factories
 * for the things a successful call uses up (a member to ban, a channel to delete).
 */
import { expect } from 'vitest';
import type { Role } from '../../../src/shared/model';
import { addMember, as, call, channelPath, createInvite, openSocket, signUp, type User } from '../helpers';

/** Every kind of caller a row says something about. */
export const CALLERS = ['owner', 'admin', 'moderator', 'member', 'timedOut', 'nonMember', 'outsider', 'banned', 'anonymous'] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

/** The workspace role each caller holds there (outsiders and the banned hold none; they are asked as members would be). */
export const ROLE_OF: Record<SignedInCaller, Role> = {
  owner: 'owner',
  admin: 'admin',
  moderator: 'moderator',
  member: 'member',
  timedOut: 'member',
  nonMember: 'member',
  outsider: 'member',
  banned: 'member',
};

/** Callers in the private channel and the group DM (everyone of the workspace but `nonMember`). */
export const CHANNEL_MEMBERS = ['owner', 'admin', 'moderator', 'member', 'timedOut'] as const satisfies readonly SignedInCaller[];

export interface World {
  users: Record<SignedInCaller, User>;
  workspaceId: string;
  publicId: string;
  privateId: string;
  dmId: string;
  /** A message `member` posted in the private channel, and one of `timedOut`'s from before the timeout. */
  memberSeq: number;
  timedOutSeq: number;
  /** An archived private channel with the same members, and a message each of them posted before it was archived. */
  archivedId: string;
  archivedSeqs: Record<(typeof CHANNEL_MEMBERS)[number], number>;
  /** A plain member in the private and the archived channel who is none of the callers: posts others' messages, watches. */
  bystander: User;
  /** A user outside every workspace here whose sessions and avatar others must not reach. */
  stranger: User;
  newUser(): Promise<User>;
  /** Someone new in the workspace with the member role, in the public channel. */
  newMember(): Promise<User>;
  /** A private channel with the owner, admin, moderator, member and timedOut in it. */
  newPrivateChannel(): Promise<{ id: string; name: string }>;
  newPublicChannel(): Promise<{ id: string; name: string }>;
  newInviteCode(): Promise<string>;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;

/** A 1×1 PNG, for avatar uploads. */
export const TINY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

async function ok(result: Promise<{ status: number; body: any }>, what: string) {
  const done = await result;
  expect(done.status, `${what}: ${JSON.stringify(done.body)}`).toBeLessThan(300);
  return done.body;
}

/** Builds the world; the first account signed up in a test file is the instance administrator, so the owner goes first. */
export async function buildWorld(): Promise<World> {
  const owner = await signUp(unique('owner'));
  const signUpAs = (name: string) => signUp(unique(name.toLowerCase()));
  const [admin, moderator, member, timedOut, nonMember, outsider, banned] = await Promise.all(
    ['admin', 'moderator', 'member', 'timedOut', 'nonMember', 'outsider', 'banned'].map(signUpAs),
  );
  const users: Record<SignedInCaller, User> = { owner, admin, moderator, member, timedOut, nonMember, outsider, banned };
  const stranger = await signUp(unique('stranger'));

  const created = await ok(as(owner, 'POST', '/api/workspaces', { name: 'Matrix' }), 'create workspace');
  const workspaceId: string = created.workspace.id;
  const ws = `/api/workspaces/${workspaceId}`;
  for (const name of ['admin', 'moderator', 'member', 'timedOut', 'nonMember', 'banned'] as const) {
    await addMember(owner, workspaceId, users[name]);
  }
  await ok(as(owner, 'PATCH', `${ws}/members/${users.admin.account.id}`, { role: 'admin' }), 'make admin');
  await ok(as(owner, 'PATCH', `${ws}/members/${users.moderator.account.id}`, { role: 'moderator' }), 'make moderator');

  const makeChannel = async (isPrivate: boolean) => {
    const name = unique(isPrivate ? 'secret-' : 'open-');
    const { channel } = await ok(as(owner, 'POST', `${ws}/channels`, { name, private: isPrivate }), 'create channel');
    for (const who of ['admin', 'moderator', 'member', 'timedOut'] as const) {
      if (isPrivate) await ok(as(owner, 'PUT', channelPath(workspaceId, channel.id, `members/${users[who].account.id}`)), 'add to channel');
      else await ok(as(users[who], 'POST', channelPath(workspaceId, channel.id, 'members')), 'join channel');
    }
    return { id: channel.id as string, name };
  };
  const publicChannel = await makeChannel(false);
  const privateChannel = await makeChannel(true);
  const dm = await ok(
    as(owner, 'POST', `${ws}/dms`, { userIds: ['admin', 'moderator', 'member', 'timedOut'].map((w) => users[w as SignedInCaller].account.id) }),
    'open group DM',
  );

  const bystander = await signUp(unique('bystander'));
  await addMember(owner, workspaceId, bystander);
  const archivedChannel = await makeChannel(true);
  for (const channel of [privateChannel, archivedChannel]) {
    await ok(as(owner, 'PUT', channelPath(workspaceId, channel.id, `members/${bystander.account.id}`)), 'add bystander');
  }

  const post = async (user: User, channelId: string, body: string) => {
    const socket = await liveSocket(user, workspaceId, channelId);
    const message = await socket.post(body);
    socket.close();
    await socket.closed();
    return message.seq;
  };
  const memberSeq = await post(users.member, privateChannel.id, 'from the member');
  const timedOutSeq = await post(users.timedOut, privateChannel.id, 'before the timeout');
  const archivedSeqs = {} as World['archivedSeqs'];
  for (const who of CHANNEL_MEMBERS) archivedSeqs[who] = await post(users[who], archivedChannel.id, `${who} before the archive`);
  await ok(as(owner, 'PUT', channelPath(workspaceId, archivedChannel.id, 'archived'), {}), 'archive');

  await ok(call('PUT', '/api/account/avatar', { cookie: owner.cookie, as: owner.account.id, body: TINY_PNG, headers: { 'Content-Type': 'image/png' } }), 'avatar');
  await ok(as(users.moderator, 'PUT', `${ws}/members/${users.timedOut.account.id}/timeout`, { seconds: 3600 }), 'time out');
  await ok(as(users.admin, 'PUT', `${ws}/bans/${users.banned.account.id}`, { reason: 'matrix' }), 'ban');

  const world: World = {
    users,
    workspaceId,
    publicId: publicChannel.id,
    privateId: privateChannel.id,
    dmId: dm.channel.id,
    memberSeq,
    timedOutSeq,
    archivedId: archivedChannel.id,
    archivedSeqs,
    bystander,
    stranger,
    newUser: () => signUp(unique('user')),
    async newMember() {
      const user = await signUp(unique('victim'));
      await addMember(owner, workspaceId, user);
      return user;
    },
    newPrivateChannel: () => makeChannel(true),
    newPublicChannel: () => makeChannel(false),
    async newInviteCode() {
      return (await createInvite(owner, workspaceId, { maxUses: 100 })).code;
    },
  };
  return world;
}

/**
 * A channel socket that skips the replay of history: it asks to resume after
 * any possible sequence, so the server answers `resync` and then sends only
 * what happens from now on.
 */
export async function liveSocket(user: User, workspaceId: string, channelId: string) {
  const { socket } = await openSocket(user, workspaceId, channelId, `after=${Number.MAX_SAFE_INTEGER}`);
  await socket.expect('resync');
  return socket;
}

/** Calls the API as `caller` of the world (no cookie for `anonymous`). */
export function callAs(world: World, caller: Caller, method: string, path: string, options: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; user?: User } = {}) {
  const user = options.user ?? (caller === 'anonymous' ? undefined : world.users[caller]);
  return call(method, path, { cookie: user?.cookie, as: user?.account.id, json: options.json, body: options.body, headers: options.headers });
}
