import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser } from '../../src/shared/model';
import { ACCESS_REVOKED_CLOSE } from '../../src/shared/wire';
import { as, call, expectError, openSocket, PASSWORD, signIn, signUp, workspaceWith, type User } from './helpers';
import { freshUser, signedInTwice } from './account-helpers';
import { gatewaysClosedAfterEach } from './gateway-helpers';

let admin: User;
let member: User;

beforeAll(async () => {
  admin = await signUp('admin', { displayName: 'The Admin' });
  member = await signUp('member');
});

const gateways = gatewaysClosedAfterEach();

const deactivate = (by: User, userId: string) => as(by, 'PUT', `/api/admin/users/${userId}/deactivated`, {});
const reactivate = (by: User, userId: string) => as(by, 'DELETE', `/api/admin/users/${userId}/deactivated`);

async function listed(userId: string): Promise<AdminUser | undefined> {
  const result = await as(admin, 'GET', '/api/admin/users');
  expect(result.status).toBe(200);
  return (result.body.users as AdminUser[]).find((u) => u.id === userId);
}

describe('GET /api/admin/users', () => {
  it('lists every account, oldest first, with when each was last seen', async () => {
    const result = await as(admin, 'GET', '/api/admin/users');
    expect(result.status).toBe(200);
    const users = result.body.users as AdminUser[];
    expect(users[0]).toEqual({
      id: admin.account.id,
      username: 'admin',
      displayName: 'The Admin',
      isAdmin: true,
      createdAt: expect.any(Number),
      deactivatedAt: null,
      lastSeenAt: expect.any(Number),
    });
    expect(users.map((u) => u.username)).toContain('member');
    expect(users.map((u) => u.createdAt)).toEqual([...users.map((u) => u.createdAt)].sort((a, b) => a - b));
  });

  it('an account with no session has no last-seen time', async () => {
    const user = await freshUser();
    await as(user, 'POST', '/api/auth/signout');
    expect((await listed(user.account.id))?.lastSeenAt).toBeNull();
  });

  it('is refused to someone who is not an administrator', async () => {
    const result = await as(member, 'GET', '/api/admin/users');
    expectError(result, 403, 'forbidden');
    expect(result.body.error.message).toMatch(/administrator/);
  });

  it('needs a session', async () => {
    expectError(await call('GET', '/api/admin/users'), 401, 'unauthenticated');
  });
});

describe('deactivating an account', () => {
  it('ends every session at once: a cookie from before no longer works', async () => {
    const { user, elsewhere } = await signedInTwice();
    const result = await deactivate(admin, user.account.id);
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ id: user.account.id, deactivatedAt: expect.any(Number), lastSeenAt: null });
    expectError(await as(user, 'GET', '/api/account'), 401, 'unauthenticated');
    expectError(await as(elsewhere, 'GET', '/api/workspaces'), 401, 'unauthenticated');
  });

  it('makes signing in answer account_deactivated with a message saying what to do', async () => {
    const user = await freshUser();
    await deactivate(admin, user.account.id);
    const result = await call('POST', '/api/auth/signin', { json: { username: user.account.username, password: PASSWORD } });
    expectError(result, 403, 'account_deactivated');
    expect(result.body.error.message).toMatch(/deactivated.*administrator/);
    expect(result.response.headers.getSetCookie()).toEqual([]);
  });

  it('tells a wrong password only that it is wrong, not that the account is deactivated', async () => {
    const user = await freshUser();
    await deactivate(admin, user.account.id);
    const result = await call('POST', '/api/auth/signin', { json: { username: user.account.username, password: 'not the password' } });
    expectError(result, 401, 'invalid_credentials');
  });

  it('closes the person’s open channel and gateway sockets, and keeps their memberships', async () => {
    const user = await freshUser();
    const { workspaceId, generalChannelId } = await workspaceWith(admin, user);
    const { socket } = await openSocket(user, workspaceId, generalChannelId);
    const { gateway } = await gateways.open(user, workspaceId);

    await deactivate(admin, user.account.id);

    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
    let frame = await gateway.next();
    while (frame.type !== 'removed') frame = await gateway.next();
    expect(frame).toMatchObject({ reason: 'account_deactivated', message: expect.any(String) });
    expect(await gateway.closed()).toBe(ACCESS_REVOKED_CLOSE);

    await reactivate(admin, user.account.id);
    const back = await signIn(user.account.username);
    expect((await as(back, 'GET', '/api/workspaces')).body.workspaces.map((w: { id: string }) => w.id)).toContain(workspaceId);
  });

  it('shows in the user list, and is harmless to repeat', async () => {
    const user = await freshUser();
    const first = (await deactivate(admin, user.account.id)).body.user as AdminUser;
    const again = (await deactivate(admin, user.account.id)).body.user as AdminUser;
    expect(again.deactivatedAt).toBe(first.deactivatedAt);
    expect((await listed(user.account.id))?.deactivatedAt).toBe(first.deactivatedAt);
  });

  it('an administrator cannot deactivate their own account', async () => {
    const result = await deactivate(admin, admin.account.id);
    expectError(result, 403, 'forbidden');
    expect(result.body.error.message).toMatch(/your own account/);
    expect((await as(admin, 'GET', '/api/account')).status).toBe(200);
  });

  it('is refused to someone who is not an administrator, and changes nothing', async () => {
    const user = await freshUser();
    expectError(await deactivate(member, user.account.id), 403, 'forbidden');
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
  });

  it('an unknown or malformed user is not found', async () => {
    expectError(await deactivate(admin, 'aaaaaaaaaaaaaaaa'), 404, 'not_found');
    expectError(await deactivate(admin, 'nobody'), 404, 'not_found');
  });

  it('needs a session', async () => {
    expectError(await call('PUT', `/api/admin/users/${member.account.id}/deactivated`, { json: {} }), 401, 'unauthenticated');
  });
});

describe('reactivating an account', () => {
  it('lets the person sign in again', async () => {
    const user = await freshUser();
    await deactivate(admin, user.account.id);
    const result = await reactivate(admin, user.account.id);
    expect(result.status).toBe(200);
    expect(result.body.user.deactivatedAt).toBeNull();
    const back = await signIn(user.account.username);
    expect((await as(back, 'GET', '/api/account')).status).toBe(200);
  });

  it('is harmless on an active account', async () => {
    const user = await freshUser();
    expect((await reactivate(admin, user.account.id)).body.user.deactivatedAt).toBeNull();
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
  });

  it('is refused to someone who is not an administrator', async () => {
    const user = await freshUser();
    await deactivate(admin, user.account.id);
    expectError(await reactivate(member, user.account.id), 403, 'forbidden');
    expect((await listed(user.account.id))?.deactivatedAt).not.toBeNull();
  });
});

describe('making someone an administrator of the server', () => {
  const grant = (by: User, userId: string) => as(by, 'PUT', `/api/admin/users/${userId}/admin`, {});
  const revoke = (by: User, userId: string) => as(by, 'DELETE', `/api/admin/users/${userId}/admin`);

  it('gives them the administration pages, and can be taken back', async () => {
    const user = await freshUser();
    expectError(await as(user, 'GET', '/api/admin/users'), 403, 'forbidden');
    expect((await grant(admin, user.account.id)).body.user.isAdmin).toBe(true);
    expect((await as(user, 'GET', '/api/account')).body.account.isAdmin).toBe(true);
    expect((await as(user, 'GET', '/api/admin/users')).status).toBe(200);

    expect((await revoke(admin, user.account.id)).body.user.isAdmin).toBe(false);
    expectError(await as(user, 'GET', '/api/admin/users'), 403, 'forbidden');
  });

  it('lets the first administrator delete their account once someone else runs the server', async () => {
    const first = await freshUser();
    const second = await freshUser();
    // A server of its own would need its own storage; here `first` becomes an admin and the others step back.
    await grant(admin, first.account.id);
    await revoke(first, admin.account.id);
    const blocked = await as(first, 'DELETE', '/api/account', { password: PASSWORD, mode: 'soft' });
    expectError(blocked, 409, 'conflict');
    expect(blocked.body.error.message).toMatch(/make someone else an administrator/);

    await grant(first, second.account.id);
    expect((await as(first, 'DELETE', '/api/account', { password: PASSWORD, mode: 'soft' })).status).toBe(204);
    await grant(second, admin.account.id);
    await revoke(admin, second.account.id);
  });

  it('never leaves the server without an administrator', async () => {
    const admins = ((await as(admin, 'GET', '/api/admin/users')).body.users as AdminUser[]).filter((u) => u.isAdmin);
    expect(admins.map((u) => u.id)).toEqual([admin.account.id]);
    const refused = await revoke(admin, admin.account.id);
    expectError(refused, 409, 'conflict');
    expect(refused.body.error.message).toMatch(/only administrator/);
    expect((await as(admin, 'GET', '/api/account')).body.account.isAdmin).toBe(true);
  });

  it('is refused to someone who is not an administrator', async () => {
    const user = await freshUser();
    expectError(await grant(member, user.account.id), 403, 'forbidden');
    expectError(await grant(member, member.account.id), 403, 'forbidden');
  });
});
