import { beforeAll, describe, expect, it } from 'vitest';
import { type AdminUser, DELETED_USER_NAME } from '../../src/shared/model';
import { ACCESS_REVOKED_CLOSE } from '../../src/shared/wire';
import {
  accountExists,
  as,
  call,
  expectError,
  history,
  openSocket,
  PASSWORD,
  sessionCookie,
  signIn,
  signUp,
  workspaceWith,
  type User,
} from './helpers';
import { avatarOf, deleteAccount, memberAsSeenBy, setRole, uploadAvatar } from './account-helpers';

let admin: User;

beforeAll(async () => {
  admin = await signUp('admin');
});

let count = 0;
const freshUser = (name = 'leaver') => signUp(`${name}-${++count}`);

/** Posts each body in a channel as `user`, over a socket opened and closed for it; returns the seqs. */
async function post(user: User, workspaceId: string, channelId: string, ...bodies: string[]) {
  // Resumed after the channel's last event, so nothing earlier is replayed before the acks.
  const { lastSeq } = await history(user, workspaceId, channelId);
  const { socket } = await openSocket(user, workspaceId, channelId, `after=${lastSeq}`);
  const seqs = [];
  for (const body of bodies) seqs.push((await socket.post(body)).seq);
  socket.close();
  return seqs;
}

async function listedForAdmin(userId: string) {
  const users = (await as(admin, 'GET', '/api/admin/users')).body.users as AdminUser[];
  return users.some((u) => u.id === userId);
}

describe('DELETE /api/account is confirmed with the password', () => {
  it('a wrong password is refused with a message that says so, and nothing changes', async () => {
    const user = await freshUser();
    const result = await deleteAccount(user, 'soft', 'not my password');
    expectError(result, 401, 'invalid_credentials');
    expect(result.body.error.message).toMatch(/not your current password/);
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
  });

  it.each([
    ['no password', { mode: 'soft' }],
    ['no mode', { password: PASSWORD }],
    ['an unknown mode', { password: PASSWORD, mode: 'forever' }],
  ])('%s is refused', async (_what, body) => {
    const user = await freshUser();
    expectError(await as(user, 'DELETE', '/api/account', body), 400, 'invalid_body');
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
  });

  it('needs a session', async () => {
    expectError(await call('DELETE', '/api/account', { json: { password: PASSWORD, mode: 'soft' } }), 401, 'unauthenticated');
  });
});

describe('soft deletion', () => {
  it('keeps the messages under "Deleted user", removes the member, and ends the account', async () => {
    const owner = await freshUser('owner');
    const user = await freshUser();
    const { workspaceId, generalChannelId } = await workspaceWith(owner, user);
    const seqs = await post(user, workspaceId, generalChannelId, 'first words', 'last words');
    await uploadAvatar(user);
    const elsewhere = await signIn(user.account.username);

    const result = await deleteAccount(user, 'soft');
    expect(result.status).toBe(204);
    expect(sessionCookie(result.response, 'untouched')).toBe('');

    const mine = (await history(owner, workspaceId, generalChannelId)).messages.filter((m) => seqs.includes(m.seq));
    expect(mine.map((m) => [m.authorId, m.authorName, m.body, m.deletedAt])).toEqual([
      [user.account.id, DELETED_USER_NAME, 'first words', null],
      [user.account.id, DELETED_USER_NAME, 'last words', null],
    ]);
    expect(await memberAsSeenBy(owner, workspaceId, user.account.id)).toBeUndefined();
    expect((await avatarOf(owner, user.account.id)).status).toBe(404);

    expectError(await as(user, 'GET', '/api/account'), 401, 'unauthenticated');
    expectError(await as(elsewhere, 'GET', '/api/account'), 401, 'unauthenticated');
    expectError(await call('POST', '/api/auth/signin', { json: { username: user.account.username, password: PASSWORD } }), 401, 'invalid_credentials');
    expect(await listedForAdmin(user.account.id)).toBe(false);
  });

  it('keeps the username reserved, so nobody else can pass for the author of the remaining messages', async () => {
    const user = await freshUser();
    await deleteAccount(user, 'soft');
    const again = await call('POST', '/api/auth/signup', { json: { username: user.account.username, password: PASSWORD } });
    expectError(again, 409, 'username_taken');
  });
});

describe('hard deletion', () => {
  it('removes every message the person wrote, and the member', async () => {
    const owner = await freshUser('owner');
    const user = await freshUser();
    const { workspaceId, generalChannelId } = await workspaceWith(owner, user);
    const [kept] = await post(owner, workspaceId, generalChannelId, 'the owner stays');
    const seqs = await post(user, workspaceId, generalChannelId, 'gone soon', 'also gone');

    expect((await deleteAccount(user, 'hard')).status).toBe(204);

    const messages = (await history(owner, workspaceId, generalChannelId)).messages;
    for (const seq of seqs) {
      expect(messages.find((m) => m.seq === seq)).toMatchObject({ body: '', deletedAt: expect.any(Number) });
    }
    expect(messages.find((m) => m.seq === kept)?.body).toBe('the owner stays');
    expect(await memberAsSeenBy(owner, workspaceId, user.account.id)).toBeUndefined();
  });

  it('also removes what they wrote in a workspace they had left, and one they were banned from', async () => {
    const owner = await freshUser('owner');
    const user = await freshUser();
    const left = await workspaceWith(owner, user);
    const banned = await workspaceWith(owner, user);
    const [leftSeq] = await post(user, left.workspaceId, left.generalChannelId, 'written before leaving');
    const [bannedSeq] = await post(user, banned.workspaceId, banned.generalChannelId, 'written before the ban');
    expect((await as(user, 'DELETE', `/api/workspaces/${left.workspaceId}/members/${user.account.id}`)).status).toBe(204);
    expect((await as(owner, 'PUT', `/api/workspaces/${banned.workspaceId}/bans/${user.account.id}`, {})).status).toBe(200);
    expect((await as(user, 'GET', '/api/workspaces')).body.workspaces).toEqual([]);

    expect((await deleteAccount(user, 'hard')).status).toBe(204);

    for (const [{ workspaceId, generalChannelId }, seq] of [
      [left, leftSeq],
      [banned, bannedSeq],
    ] as const) {
      const message = (await history(owner, workspaceId, generalChannelId)).messages.find((m) => m.seq === seq);
      expect(message).toMatchObject({ body: '', deletedAt: expect.any(Number) });
    }
  });

  it('frees the username and leaves nothing of the account', async () => {
    const user = await freshUser();
    await deleteAccount(user, 'hard');
    expect(await accountExists(user.account.username)).toBe(false);
    expect(await listedForAdmin(user.account.id)).toBe(false);
    const again = await call('POST', '/api/auth/signup', { json: { username: user.account.username, password: PASSWORD } });
    expect(again.status).toBe(201);
    expect(again.body.account.id).not.toBe(user.account.id);
  });
});

describe('what deletion does to this browser and to open pages', () => {
  it('signs this browser out of the deleted account only', async () => {
    const user = await freshUser();
    const both = await signUp(`neighbour-${++count}`, { cookie: user.cookie });
    const result = await call('DELETE', '/api/account', { cookie: both.cookie, as: user.account.id, json: { password: PASSWORD, mode: 'soft' } });
    expect(result.status).toBe(204);
    const remaining = sessionCookie(result.response, both.cookie);
    expect((await call('GET', '/api/session', { cookie: remaining })).body.accounts.map((a: { id: string }) => a.id)).toEqual([both.account.id]);
  });

  it('others with the channel open see the messages relabelled as they happen', async () => {
    const owner = await freshUser('owner');
    const user = await freshUser();
    const { workspaceId, generalChannelId } = await workspaceWith(owner, user);
    const [seq] = await post(user, workspaceId, generalChannelId, 'soon anonymous');
    const { lastSeq } = await history(owner, workspaceId, generalChannelId);
    const { socket } = await openSocket(owner, workspaceId, generalChannelId, `after=${lastSeq}`);

    await deleteAccount(user, 'soft');

    const { message } = await socket.expect('message');
    expect(message).toMatchObject({ seq, authorId: user.account.id, authorName: DELETED_USER_NAME, body: 'soon anonymous' });
    socket.close();
  });

  it('closes the person’s open channel sockets', async () => {
    const owner = await freshUser('owner');
    const user = await freshUser();
    const { workspaceId, generalChannelId } = await workspaceWith(owner, user);
    const { socket } = await openSocket(user, workspaceId, generalChannelId);
    await deleteAccount(user, 'soft');
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
  });
});

describe('what blocks a deletion', () => {
  it('the owner of a workspace with no admin to take over is refused with the reason, and nothing changes', async () => {
    const owner = await freshUser('owner');
    const member = await freshUser();
    const { workspaceId, generalChannelId } = await workspaceWith(owner, member);
    const [seq] = await post(owner, workspaceId, generalChannelId, 'still mine');

    const result = await deleteAccount(owner, 'hard');
    expectError(result, 409, 'conflict');
    expect(result.body.error.message).toMatch(/^Your account cannot be deleted yet\. .*Test workspace \d+.*admin/);
    expect(result.body.error.message).toMatch(/Nothing was changed/);

    expect((await as(owner, 'GET', '/api/account')).status).toBe(200);
    expect((await memberAsSeenBy(member, workspaceId, owner.account.id))?.role).toBe('owner');
    expect((await history(member, workspaceId, generalChannelId)).messages.find((m) => m.seq === seq)?.body).toBe('still mine');
  });

  it('every workspace that blocks is named, in one answer', async () => {
    const owner = await freshUser('owner');
    const first = await workspaceWith(owner);
    const second = await workspaceWith(owner);
    const result = await deleteAccount(owner, 'soft');
    expectError(result, 409, 'conflict');
    for (const { workspaceId } of [first, second]) {
      const { name } = (await as(owner, 'GET', `/api/workspaces/${workspaceId}`)).body.workspace;
      expect(result.body.error.message).toContain(`"${name}"`);
    }
  });

  it('once an admin is there, the owner may go and the admin becomes owner', async () => {
    const owner = await freshUser('owner');
    const deputy = await freshUser('deputy');
    const { workspaceId } = await workspaceWith(owner, deputy);
    await setRole(owner, workspaceId, deputy, 'admin');

    expect((await deleteAccount(owner, 'soft')).status).toBe(204);
    expect((await memberAsSeenBy(deputy, workspaceId, deputy.account.id))?.role).toBe('owner');
  });

  it('the only administrator of the server cannot go while other accounts remain', async () => {
    const result = await deleteAccount(admin, 'soft');
    expectError(result, 409, 'conflict');
    expect(result.body.error.message).toMatch(/only administrator of this server/);
    expect((await as(admin, 'GET', '/api/account')).body.account.isAdmin).toBe(true);
  });
});
