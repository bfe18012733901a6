import { beforeAll, describe, expect, it } from 'vitest';
import { as, buildRequest, call, expectError, fetchWorker, PASSWORD, sessionCookie, sessionTokens, signIn, signUp, type User } from './helpers';
import { freshUser, sessionsOf, signedInTwice } from './account-helpers';

let admin: User;
let other: User;

beforeAll(async () => {
  admin = await signUp('admin');
  other = await signUp('other');
});

/** Signs `username` in from a browser that says it is `userAgent`. */
async function signInWith(username: string, userAgent: string): Promise<User> {
  const request = buildRequest('POST', '/api/auth/signin', { json: { username, password: PASSWORD }, headers: { 'User-Agent': userAgent } });
  const response = await fetchWorker(request);
  expect(response.status).toBe(200);
  return { account: ((await response.json()) as any).account, cookie: sessionCookie(response) };
}

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

describe('GET /api/account/sessions', () => {
  it('lists every device the account is signed in on, the calling one first and marked current', async () => {
    const user = await freshUser();
    const laptop = await signInWith(user.account.username, FIREFOX);
    await signInWith(user.account.username, IPHONE);

    const sessions = await sessionsOf(laptop);
    expect(sessions).toHaveLength(3);
    expect(sessions[0]).toMatchObject({ current: true, userAgent: FIREFOX, address: expect.any(String) });
    expect(sessions.slice(1).map((s) => s.current)).toEqual([false, false]);
    expect(sessions.map((s) => s.userAgent)).toContain(IPHONE);
    for (const session of sessions) {
      expect(session.createdAt).toBeGreaterThan(0);
      expect(session.lastSeenAt).toBeGreaterThanOrEqual(session.createdAt);
    }
  });

  it('names sessions by an id that is neither a token nor anything like one', async () => {
    const user = await freshUser();
    const sessions = await sessionsOf(user);
    const tokens = sessionTokens(user.cookie);
    expect(sessions[0].id).toMatch(/^[a-z2-7]{16}$/);
    expect(tokens.some((t) => t.includes(sessions[0].id) || sessions[0].id.includes(t))).toBe(false);
  });

  it('shows only the account’s own sessions', async () => {
    const user = await freshUser();
    const ids = (await sessionsOf(user)).map((s) => s.id);
    const others = (await sessionsOf(other)).map((s) => s.id);
    expect(ids.filter((id) => others.includes(id))).toEqual([]);
  });

  it('needs a session', async () => {
    expectError(await call('GET', '/api/account/sessions'), 401, 'unauthenticated');
  });
});

describe('DELETE /api/account/sessions/:id', () => {
  it('signs that device out and leaves the others', async () => {
    const { user, elsewhere: phone } = await signedInTwice();
    const phoneId = (await sessionsOf(phone))[0].id;

    const result = await as(user, 'DELETE', `/api/account/sessions/${phoneId}`);
    expect(result.status).toBe(204);
    expect(sessionCookie(result.response, 'untouched')).toBe('untouched');
    expectError(await as(phone, 'GET', '/api/account'), 401, 'unauthenticated');
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
    expect((await sessionsOf(user)).map((s) => s.id)).not.toContain(phoneId);
  });

  it('ending the current session signs this browser out of that account only', async () => {
    const user = await freshUser();
    const both = await signIn('other', PASSWORD, user.cookie);
    const mine = (await sessionsOf(user))[0];
    const result = await call('DELETE', `/api/account/sessions/${mine.id}`, { cookie: both.cookie, as: user.account.id });
    expect(result.status).toBe(204);
    const remaining = sessionCookie(result.response, both.cookie);
    expect((await call('GET', '/api/session', { cookie: remaining })).body.accounts.map((a: { id: string }) => a.id)).toEqual([other.account.id]);
  });

  it('someone else’s session is not found, and keeps working', async () => {
    const user = await freshUser();
    const theirs = (await sessionsOf(other))[0].id;
    expectError(await as(user, 'DELETE', `/api/account/sessions/${theirs}`), 404, 'not_found');
    expect((await as(other, 'GET', '/api/account')).status).toBe(200);
  });

  it('an unknown or malformed id is not found', async () => {
    const user = await freshUser();
    expectError(await as(user, 'DELETE', '/api/account/sessions/aaaaaaaaaaaaaaaa'), 404, 'not_found');
    expectError(await as(user, 'DELETE', `/api/account/sessions/${'x'.repeat(100)}`), 404, 'not_found');
  });

  it('needs a session', async () => {
    expectError(await call('DELETE', '/api/account/sessions/aaaaaaaaaaaaaaaa'), 401, 'unauthenticated');
  });
});

describe('DELETE /api/account/sessions', () => {
  it('signs out every other device and keeps this one', async () => {
    const { user, elsewhere: laptop } = await signedInTwice();
    const phone = await signIn(user.account.username);

    const result = await as(user, 'DELETE', '/api/account/sessions');
    expect(result.status).toBe(204);
    expectError(await as(laptop, 'GET', '/api/account'), 401, 'unauthenticated');
    expectError(await as(phone, 'GET', '/api/account'), 401, 'unauthenticated');
    const left = await sessionsOf(user);
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
  });

  it('leaves other accounts alone', async () => {
    const user = await freshUser();
    await as(user, 'DELETE', '/api/account/sessions');
    expect((await as(other, 'GET', '/api/account')).status).toBe(200);
  });

  it('needs a session', async () => {
    expectError(await call('DELETE', '/api/account/sessions'), 401, 'unauthenticated');
  });
});
