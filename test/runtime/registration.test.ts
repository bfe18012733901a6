/**
 * Registration modes are operator settings read by the worker, so each request
 * here goes through the worker's fetch handler with REGISTRATION_MODE set for it.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { RegistrationMode } from '../../src/shared/model';
import worker from '../../src/worker/index';
import { accountExists, as, buildRequest, createInvite, createWorkspace, expectError, PASSWORD, sessionCookie, type User } from './helpers';

async function inMode(mode: RegistrationMode, method: string, path: string, json?: unknown) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(buildRequest(method, path, { json }), { ...env, REGISTRATION_MODE: mode }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, body: (await response.json()) as any, response };
}

const signUpIn = (mode: RegistrationMode, username: string, inviteCode?: string) =>
  inMode(mode, 'POST', '/api/auth/signup', { username, password: PASSWORD, inviteCode });

// The tests share one instance and run in order: the first creates its first account.
let admin: User;
let workspaceId: string;

describe('closed', () => {
  it('the instance reports its mode and that it needs a first account', async () => {
    expect((await inMode('closed', 'GET', '/api/instance')).body).toEqual({
      name: 'Hearth',
      registrationMode: 'closed',
      needsFirstAccount: true,
    });
  });

  it('still lets the first account be created, as administrator', async () => {
    const result = await signUpIn('closed', 'founder');
    expect(result.status).toBe(201);
    expect(result.body.account.isAdmin).toBe(true);
    admin = { account: result.body.account, cookie: sessionCookie(result.response) };
    ({ workspaceId } = await createWorkspace(admin, 'Founders'));
  });

  it('refuses everyone after the first', async () => {
    expectError(await signUpIn('closed', 'latecomer'), 403, 'registration_closed');
    expect(await accountExists('latecomer')).toBe(false);
  });

  it('refuses even someone with a valid invite code', async () => {
    const invite = await createInvite(admin, workspaceId);
    expectError(await signUpIn('closed', 'invited', invite.code), 403, 'registration_closed');
    expect(await accountExists('invited')).toBe(false);
  });
});

describe('invite', () => {
  it('refuses a sign-up without a code', async () => {
    expectError(await signUpIn('invite', 'uninvited'), 403, 'registration_closed');
    expect(await accountExists('uninvited')).toBe(false);
  });

  it('refuses a sign-up with an unknown code and creates no account', async () => {
    expectError(await signUpIn('invite', 'guesser', 'NOSUCHCODE'), 404, 'invite_unknown');
    expect(await accountExists('guesser')).toBe(false);
  });

  it('refuses a sign-up with a revoked code and creates no account', async () => {
    const invite = await createInvite(admin, workspaceId);
    await as(admin, 'DELETE', `/api/workspaces/${workspaceId}/invites/${invite.code}`);
    expectError(await signUpIn('invite', 'too-late', invite.code), 410, 'invite_revoked');
    expect(await accountExists('too-late')).toBe(false);
  });

  it('accepts a valid code, joins its workspace and uses the code once', async () => {
    const invite = await createInvite(admin, workspaceId, { maxUses: 1 });
    const result = await signUpIn('invite', 'welcome', invite.code.toLowerCase());
    expect(result.status).toBe(201);
    expect(result.body.workspaceId).toBe(workspaceId);
    expect(await accountExists('welcome')).toBe(true);
    const newcomer: User = { account: result.body.account, cookie: sessionCookie(result.response) };
    expect((await as(newcomer, 'GET', `/api/workspaces/${workspaceId}`)).body.workspace.me.role).toBe('member');

    expectError(await signUpIn('invite', 'second-use', invite.code), 410, 'invite_used_up');
    expect(await accountExists('second-use')).toBe(false);
  });
});

describe('open', () => {
  it('anyone may sign up without a code', async () => {
    const result = await signUpIn('open', 'walk-in');
    expect(result.status).toBe(201);
    expect(result.body.workspaceId).toBeNull();
  });

  it('a bad code is still refused rather than ignored, and creates no account', async () => {
    expectError(await signUpIn('open', 'typo', 'NOSUCHCODE'), 404, 'invite_unknown');
    expect(await accountExists('typo')).toBe(false);
  });

  it('an unknown mode setting means open', async () => {
    const ctx = createExecutionContext();
    const response = await worker.fetch(buildRequest('GET', '/api/instance'), { ...env, REGISTRATION_MODE: 'sideways' }, ctx);
    expect(((await response.json()) as { registrationMode: string }).registrationMode).toBe('open');
  });
});
