import { expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { buildRequest, expectError, fetchWorker, PASSWORD, signUp } from './helpers';

/** A sign-in attempt from a TCP peer, as workerd reports it in request.cf.clientIp ("ip:port"). */
async function signInFrom(clientIp: string, username: string, password: string) {
  const request = buildRequest('POST', '/api/auth/signin', { json: { username, password } });
  const response = await fetchWorker(new Request(request, { cf: { clientIp } } as RequestInit));
  return { status: response.status, body: (await response.json()) as any, response };
}

it('after too many wrong passwords for a username even the right one is refused for a while', async () => {
  await signUp('target');
  for (let i = 0; i < LIMITS.loginFailuresPerWindow; i++) {
    // Each guess from another address: the lock is on the username.
    expectError(await signInFrom(`10.0.0.${i + 1}:40000`, 'target', `guess number ${i}`), 401, 'invalid_credentials');
  }

  const locked = await signInFrom('10.0.1.1:40000', 'target', PASSWORD);
  expectError(locked, 429, 'too_many_requests');
  expect(locked.body.error.message).toMatch(/wait \d+ minutes? and try again/);
  expect(locked.response.headers.getSetCookie()).toEqual([]);
});

it('an address guessing at many usernames is refused, whichever connection (port) it uses', async () => {
  await signUp('bystander');
  for (let i = 0; i < LIMITS.loginFailuresPerWindow; i++) {
    expectError(await signInFrom(`[::ffff:192.168.7.7]:${50000 + i}`, `user-${i}`, 'wrong password'), 401, 'invalid_credentials');
  }
  expectError(await signInFrom('[::ffff:192.168.7.7]:51000', 'bystander', PASSWORD), 429, 'too_many_requests');
  // Other addresses are not affected.
  expect((await signInFrom('[::ffff:192.168.7.8]:51000', 'bystander', PASSWORD)).status).toBe(200);
});
