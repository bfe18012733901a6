import { describe, expect, it } from 'vitest';
import { accountExists, call, expectError, PASSWORD, signUp } from './helpers';

describe('sign-up', () => {
  it('the first account is created on an empty instance and is its administrator', async () => {
    expect((await call('GET', '/api/instance')).body.needsFirstAccount).toBe(true);

    const result = await call('POST', '/api/auth/signup', { json: { username: 'root', password: PASSWORD, displayName: 'The Root' } });

    expect(result.status).toBe(201);
    expect(result.body.account).toMatchObject({ username: 'root', displayName: 'The Root', isAdmin: true });
    expect(result.body.account.id).toMatch(/^[a-z2-7]{16}$/);
    expect((await call('GET', '/api/instance')).body.needsFirstAccount).toBe(false);
  });

  it('later accounts are not administrators', async () => {
    const { account } = await signUp('second');
    expect(account.isAdmin).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie that signs the browser in', async () => {
    const result = await call('POST', '/api/auth/signup', { json: { username: 'cookie-test', password: PASSWORD } });
    const setCookie = result.response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^hearth_sessions=[A-Za-z0-9_-]{20,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);

    const cookie = setCookie.split(';')[0];
    const session = await call('GET', '/api/session', { cookie });
    expect(session.body.accounts.map((a: { username: string }) => a.username)).toEqual(['cookie-test']);
  });

  it('the display name defaults to the username', async () => {
    const { account } = await signUp('nameless');
    expect(account.displayName).toBe('nameless');
  });

  it('usernames are stored in lowercase', async () => {
    const { account } = await signUp('MixedCase');
    expect(account.username).toBe('mixedcase');
  });

  it('a username taken in any letter case is refused', async () => {
    await signUp('dana');
    for (const username of ['dana', 'DANA', ' Dana ']) {
      const result = await call('POST', '/api/auth/signup', { json: { username, password: PASSWORD } });
      expectError(result, 409, 'username_taken');
    }
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(33)],
    ['starting with a dot', '.hidden'],
    ['ending with a dot', 'dana.'],
    ['that is a broadcast mention', 'here'],
    ['that is a broadcast mention in capitals', 'Everyone'],
    ['with a space inside', 'two words'],
    ['with a slash', 'a/b'],
    ['with non-ASCII letters', 'zoë'],
    ['with markup', '<script>'],
  ])('a username %s is refused with a message saying why', async (_why, username) => {
    const result = await call('POST', '/api/auth/signup', { json: { username, password: PASSWORD } });
    expectError(result, 400, 'invalid_body');
    expect(result.body.error.message).toMatch(/^username: /);
  });

  it('usernames may use digits, dots, dashes and underscores', async () => {
    const { account } = await signUp('a1.b-c_d');
    expect(account.username).toBe('a1.b-c_d');
  });

  it('a password shorter than eight characters is refused and creates no account', async () => {
    const short = await call('POST', '/api/auth/signup', { json: { username: 'shortpw', password: 'seven77' } });
    expectError(short, 400, 'invalid_body');
    expect(short.body.error.message).toMatch(/^password: Use at least 8 characters/);

    expect(await accountExists('shortpw')).toBe(false);
  });

  it('an over-long display name is refused', async () => {
    const result = await call('POST', '/api/auth/signup', {
      json: { username: 'longname', password: PASSWORD, displayName: 'x'.repeat(65) },
    });
    expectError(result, 400, 'invalid_body');
    expect(result.body.error.message).toMatch(/^displayName: /);
  });
});
