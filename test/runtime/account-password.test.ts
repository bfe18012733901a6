import { beforeAll, describe, expect, it } from 'vitest';
import { as, call, expectError, PASSWORD, signIn, signUp, type User } from './helpers';

const NEW_PASSWORD = 'a different long passphrase';

let admin: User;

beforeAll(async () => {
  admin = await signUp('admin');
});

/** Each test changes the password of its own account. */
let count = 0;
const freshUser = () => signUp(`person-${++count}`);

const changePassword = (user: User, body: unknown) => as(user, 'PUT', '/api/account/password', body);

describe('PUT /api/account/password', () => {
  it('with the current password, sets the new one: it signs in and the old one no longer does', async () => {
    const user = await freshUser();
    const result = await changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(result.status).toBe(204);

    await signIn(user.account.username, NEW_PASSWORD);
    expectError(
      await call('POST', '/api/auth/signin', { json: { username: user.account.username, password: PASSWORD } }),
      401,
      'invalid_credentials',
    );
  });

  it('keeps the account signed in where it was, and elsewhere too unless asked', async () => {
    const user = await freshUser();
    const laptop = await signIn(user.account.username);
    await changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
    expect((await as(laptop, 'GET', '/api/account')).status).toBe(200);
  });

  it('with signOutOthers, ends every other session and keeps this one', async () => {
    const user = await freshUser();
    const laptop = await signIn(user.account.username);
    const phone = await signIn(user.account.username);
    const result = await changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, signOutOthers: true });
    expect(result.status).toBe(204);
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
    expectError(await as(laptop, 'GET', '/api/account'), 401, 'unauthenticated');
    expectError(await as(phone, 'GET', '/api/account'), 401, 'unauthenticated');
  });

  it('a wrong current password is refused with a message that says so, and changes nothing', async () => {
    const user = await freshUser();
    const result = await changePassword(user, { currentPassword: 'not my password', newPassword: NEW_PASSWORD, signOutOthers: true });
    expectError(result, 401, 'invalid_credentials');
    expect(result.body.error.message).toMatch(/not your current password/);
    // Not `unauthenticated`: the web app must not take this for a lost session.
    expect((await as(user, 'GET', '/api/account')).status).toBe(200);
    await signIn(user.account.username, PASSWORD);
  });

  it.each([
    ['a new password that is too short', { currentPassword: PASSWORD, newPassword: 'short' }, /^newPassword: Use at least 8/],
    ['no current password', { currentPassword: '', newPassword: NEW_PASSWORD }, /^currentPassword: Enter your current password/],
    ['no new password', { currentPassword: PASSWORD }, /^newPassword: /],
  ])('%s is refused', async (_what, body, message) => {
    const user = await freshUser();
    const result = await changePassword(user, body);
    expectError(result, 400, 'invalid_body');
    expect(result.body.error.message).toMatch(message);
  });

  it('needs a session', async () => {
    expectError(await call('PUT', '/api/account/password', { json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }), 401, 'unauthenticated');
  });

  it('acts on the account the request names, not another one signed in in the same browser', async () => {
    const first = await freshUser();
    const second = await signUp(`person-${++count}`, { cookie: first.cookie });
    const result = await call('PUT', '/api/account/password', {
      cookie: second.cookie,
      as: first.account.id,
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(result.status).toBe(204);
    await signIn(first.account.username, NEW_PASSWORD);
    await signIn(second.account.username, PASSWORD);
  });
});
