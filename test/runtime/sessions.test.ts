import { beforeAll, describe, expect, it } from 'vitest';
import { accountExists, as, call, createWorkspace, expectError, PASSWORD, sessionCookie, sessionTokens, signIn, signUp, type User } from './helpers';

let alice: User;
let bob: User;

beforeAll(async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
});

const usernames = (body: { accounts: { username: string }[] }) => body.accounts.map((a) => a.username);

describe('sign-in', () => {
  it('the right password signs in and sets a session cookie', async () => {
    const result = await call('POST', '/api/auth/signin', { json: { username: 'alice', password: PASSWORD } });
    expect(result.status).toBe(200);
    expect(result.body.account).toEqual(alice.account);
    const cookie = sessionCookie(result.response);
    expect(usernames((await call('GET', '/api/session', { cookie })).body)).toEqual(['alice']);
  });

  it('the username is matched in any letter case', async () => {
    const user = await signIn('ALICE');
    expect(user.account.id).toBe(alice.account.id);
  });

  it('a wrong password is refused and sets no cookie', async () => {
    const result = await call('POST', '/api/auth/signin', { json: { username: 'alice', password: 'not the password' } });
    expectError(result, 401, 'invalid_credentials');
    expect(result.response.headers.getSetCookie()).toEqual([]);
  });

  it('an unknown username gets the same answer as a wrong password', async () => {
    const result = await call('POST', '/api/auth/signin', { json: { username: 'nobody', password: PASSWORD } });
    expectError(result, 401, 'invalid_credentials');
  });

  it('requests without a session are unauthenticated', async () => {
    expectError(await call('GET', '/api/workspaces'), 401, 'unauthenticated');
    expect((await call('GET', '/api/session')).body).toEqual({ accounts: [] });
  });

  it('a forged session token is unauthenticated and the cookie is cleared', async () => {
    const result = await call('GET', '/api/workspaces', { cookie: `hearth_sessions=${'A'.repeat(43)}` });
    expectError(result, 401, 'unauthenticated');
    expect(sessionCookie(result.response, 'untouched')).toBe('');
  });
});

describe('sign-out', () => {
  it('revokes the session on the server: the old cookie no longer works', async () => {
    const user = await signIn('bob');
    expect((await as(user, 'GET', '/api/workspaces')).status).toBe(200);

    const out = await as(user, 'POST', '/api/auth/signout');
    expect(out.status).toBe(204);
    expect(sessionCookie(out.response, 'untouched')).toBe('');

    // A copy of the cookie kept from before sign-out is dead too.
    expectError(await as(user, 'GET', '/api/workspaces'), 401, 'unauthenticated');
    expect((await call('GET', '/api/session', { cookie: user.cookie })).body).toEqual({ accounts: [] });
  });

  it('signing out one session leaves the same account signed in elsewhere', async () => {
    const laptop = await signIn('bob');
    const phone = await signIn('bob');
    await as(laptop, 'POST', '/api/auth/signout');
    expect((await as(phone, 'GET', '/api/workspaces')).status).toBe(200);
  });

  it('needs a session', async () => {
    expectError(await call('POST', '/api/auth/signout'), 401, 'unauthenticated');
  });
});

describe('several accounts in one browser', () => {
  it('signing in a second account keeps the first, and the header picks who a request acts as', async () => {
    const first = await signIn('alice');
    const both = await signIn('bob', PASSWORD, first.cookie);
    expect(sessionTokens(both.cookie)).toHaveLength(2);
    expect(usernames((await call('GET', '/api/session', { cookie: both.cookie })).body)).toEqual(['bob', 'alice']);

    const { workspaceId } = await createWorkspace({ account: alice.account, cookie: both.cookie }, 'Alice only');
    const asAlice = await call('GET', '/api/workspaces', { cookie: both.cookie, as: alice.account.id });
    const asBob = await call('GET', '/api/workspaces', { cookie: both.cookie, as: bob.account.id });
    expect(asAlice.body.workspaces.map((w: { id: string }) => w.id)).toContain(workspaceId);
    expect(asBob.body.workspaces.map((w: { id: string }) => w.id)).not.toContain(workspaceId);
    expectError(await call('GET', `/api/workspaces/${workspaceId}`, { cookie: both.cookie, as: bob.account.id }), 404, 'not_found');
    expect((await call('GET', `/api/workspaces/${workspaceId}`, { cookie: both.cookie, as: alice.account.id })).status).toBe(200);
  });

  it('without the header a request acts as the most recently signed-in account', async () => {
    const first = await signIn('alice');
    const both = await signIn('bob', PASSWORD, first.cookie);
    const result = await call('POST', '/api/workspaces', { cookie: both.cookie, json: { name: 'Whose' } });
    const members = await call('GET', `/api/workspaces/${result.body.workspace.id}/members`, { cookie: both.cookie, as: bob.account.id });
    expect(members.body.members.map((m: { username: string }) => m.username)).toEqual(['bob']);
  });

  it('naming an account that is not signed in in this browser is unauthenticated', async () => {
    const only = await signIn('alice');
    expectError(await call('GET', '/api/workspaces', { cookie: only.cookie, as: bob.account.id }), 401, 'unauthenticated');
  });

  it('signing in the same account again replaces its session instead of adding one', async () => {
    const first = await signIn('alice');
    const again = await signIn('alice', PASSWORD, first.cookie);
    expect(sessionTokens(again.cookie)).toHaveLength(1);
    expect(again.cookie).not.toBe(first.cookie);
  });

  it('signing out acts on the chosen account only and keeps the others signed in', async () => {
    const first = await signIn('alice');
    const both = await signIn('bob', PASSWORD, first.cookie);
    const out = await call('POST', '/api/auth/signout', { cookie: both.cookie, as: bob.account.id });
    expect(out.status).toBe(204);
    const remaining = sessionCookie(out.response, both.cookie);
    expect(usernames((await call('GET', '/api/session', { cookie: remaining })).body)).toEqual(['alice']);
    // Bob's session is revoked on the server, Alice's still works from the old cookie.
    expectError(await call('GET', '/api/workspaces', { cookie: both.cookie, as: bob.account.id }), 401, 'unauthenticated');
    expect((await call('GET', '/api/workspaces', { cookie: both.cookie, as: alice.account.id })).status).toBe(200);
  });

  it('a sixth account in one browser is refused and leaves no account behind', async () => {
    let cookie = '';
    for (const name of ['five-1', 'five-2', 'five-3', 'five-4', 'five-5']) cookie = (await signUp(name, { cookie })).cookie;
    expect(sessionTokens(cookie)).toHaveLength(5);

    const sixth = await call('POST', '/api/auth/signup', { cookie, json: { username: 'five-6', password: PASSWORD } });
    expectError(sixth, 409, 'conflict');
    expectError(await call('POST', '/api/auth/signin', { cookie, json: { username: 'alice', password: PASSWORD } }), 409, 'conflict');

    expect(await accountExists('five-6')).toBe(false);
  });
});
