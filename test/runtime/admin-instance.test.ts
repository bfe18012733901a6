import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import worker from '../../src/worker/index';
import { as, buildRequest, call, expectError, PASSWORD, signUp, type User } from './helpers';

let admin: User;
let member: User;

beforeAll(async () => {
  admin = await signUp('admin');
  member = await signUp('member');
});

/** A request to a worker whose environment sets REGISTRATION_MODE and INSTANCE_NAME as given. */
async function withEnv(vars: { REGISTRATION_MODE?: string; INSTANCE_NAME?: string }, method: string, path: string, json?: unknown) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(buildRequest(method, path, { json }), { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, body: (await response.json()) as any };
}

const setSettings = (user: User, body: unknown) => as(user, 'PATCH', '/api/instance', body);

describe('instance settings', () => {
  // In order: the environment's defaults hold until an administrator stores a value.
  it('come from the environment until an administrator sets them', async () => {
    expect((await call('GET', '/api/instance')).body).toEqual({ name: 'Hearth', registrationMode: 'open', needsFirstAccount: false });
    expect((await withEnv({ REGISTRATION_MODE: 'invite', INSTANCE_NAME: 'Lab' }, 'GET', '/api/instance')).body).toMatchObject({
      name: 'Lab',
      registrationMode: 'invite',
    });
  });

  it('an administrator sets the name alone; the mode keeps following the environment', async () => {
    const result = await setSettings(admin, { name: '  Field Station  ' });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ name: 'Field Station', registrationMode: 'open', needsFirstAccount: false });
    expect((await withEnv({ REGISTRATION_MODE: 'invite', INSTANCE_NAME: 'Lab' }, 'GET', '/api/instance')).body).toMatchObject({
      name: 'Field Station',
      registrationMode: 'invite',
    });
  });

  it('a stored registration mode wins over the environment and governs sign-up', async () => {
    const result = await setSettings(admin, { registrationMode: 'closed' });
    expect(result.body).toEqual({ name: 'Field Station', registrationMode: 'closed', needsFirstAccount: false });
    expect((await withEnv({ REGISTRATION_MODE: 'open' }, 'GET', '/api/instance')).body.registrationMode).toBe('closed');

    const refused = await call('POST', '/api/auth/signup', { json: { username: 'latecomer', password: PASSWORD } });
    expectError(refused, 403, 'registration_closed');

    await setSettings(admin, { registrationMode: 'invite' });
    expectError(await call('POST', '/api/auth/signup', { json: { username: 'latecomer', password: PASSWORD } }), 403, 'registration_closed');

    await setSettings(admin, { registrationMode: 'open' });
    expect((await call('POST', '/api/auth/signup', { json: { username: 'latecomer', password: PASSWORD } })).status).toBe(201);
  });

  it('someone who is not an administrator is refused, and nothing changes', async () => {
    const result = await setSettings(member, { name: 'Mine now' });
    expectError(result, 403, 'forbidden');
    expect(result.body.error.message).toMatch(/administrator/);
    expect((await call('GET', '/api/instance')).body.name).toBe('Field Station');
  });

  it('needs a session', async () => {
    expectError(await call('PATCH', '/api/instance', { json: { name: 'Anon' } }), 401, 'unauthenticated');
  });

  it.each([
    ['an empty body', {}],
    ['an unknown mode', { registrationMode: 'everyone' }],
    ['an empty name', { name: '   ' }],
    ['an over-long name', { name: 'x'.repeat(LIMITS.instanceNameMax + 1) }],
  ])('%s is refused', async (_what, body) => {
    expectError(await setSettings(admin, body), 400, 'invalid_body');
  });
});
