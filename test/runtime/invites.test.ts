import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Invite } from '../../src/shared/model';
import { as, call, createInvite, createWorkspace, expectError, signUp, workspaceStub, type User } from './helpers';

let owner: User;
let ann: User;
let ben: User;
let workspaceId: string;
let generalChannelId: string;

beforeAll(async () => {
  owner = await signUp('owner');
  ann = await signUp('ann');
  ben = await signUp('ben');
  ({ workspaceId, generalChannelId } = await createWorkspace(owner, 'Invite Test Co'));
});

const invitesPath = () => `/api/workspaces/${workspaceId}/invites`;
const redeem = (user: User, code: string) => as(user, 'POST', `/api/invites/${code}/redemptions`);
const preview = (code: string) => call('GET', `/api/invites/${code}`);
const listed = async (code: string): Promise<Invite> =>
  (await as(owner, 'GET', invitesPath())).body.invites.find((i: Invite) => i.code === code);

/** Moves an invite's expiry into the past, as if its time had run out. */
async function expire(code: string) {
  await runInDurableObject(workspaceStub(workspaceId), (_instance, state) => {
    state.storage.sql.exec('UPDATE invites SET expires_at = ? WHERE code = ?', Date.now() - 1000, code);
  });
}

describe('creating and listing', () => {
  it('creates an invite with a use limit and an expiry', async () => {
    const result = await as(owner, 'POST', invitesPath(), { maxUses: 3, expiresInSeconds: 3600 });
    expect(result.status).toBe(201);
    const invite: Invite = result.body.invite;
    expect(invite).toMatchObject({ createdBy: owner.account.id, maxUses: 3, uses: 0, revokedAt: null, status: 'active' });
    expect(invite.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(invite.expiresAt).toBe(invite.createdAt + 3600 * 1000);
  });

  it('without limits an invite never runs out', async () => {
    const invite = await createInvite(owner, workspaceId);
    expect(invite).toMatchObject({ maxUses: null, expiresAt: null, status: 'active' });
  });

  it.each([
    ['zero uses', { maxUses: 0 }],
    ['fractional uses', { maxUses: 1.5 }],
    ['an expiry under a minute', { expiresInSeconds: 30 }],
    ['an expiry over a year', { expiresInSeconds: 366 * 24 * 3600 }],
    ['uses as text', { maxUses: '3' }],
  ])('refuses %s and creates no invite', async (_why, body) => {
    const before = (await as(owner, 'GET', invitesPath())).body.invites.length;
    expectError(await as(owner, 'POST', invitesPath(), body), 400, 'invalid_body');
    expect((await as(owner, 'GET', invitesPath())).body.invites).toHaveLength(before);
  });

  it('lists invites newest first with how often each was used', async () => {
    const older = await createInvite(owner, workspaceId, { maxUses: 5 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await createInvite(owner, workspaceId);
    const joiner = await signUp('list-joiner');
    expect((await redeem(joiner, older.code)).status).toBe(200);

    const invites: Invite[] = (await as(owner, 'GET', invitesPath())).body.invites;
    expect(invites.findIndex((i) => i.code === newer.code)).toBeLessThan(invites.findIndex((i) => i.code === older.code));
    expect(invites.find((i) => i.code === older.code)).toMatchObject({ uses: 1, maxUses: 5, status: 'active' });
    expect(invites.find((i) => i.code === newer.code)).toMatchObject({ uses: 0 });
  });
});

describe('preview and redemption', () => {
  it('anyone may preview an invite: it shows the workspace and its size', async () => {
    const invite = await createInvite(owner, workspaceId);
    const result = await preview(invite.code);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ workspace: { id: workspaceId, name: 'Invite Test Co' }, memberCount: expect.any(Number) });
    expect(result.body.memberCount).toBeGreaterThanOrEqual(1);
  });

  it('codes are read in any letter case', async () => {
    const invite = await createInvite(owner, workspaceId);
    expect((await preview(invite.code.toLowerCase())).status).toBe(200);
  });

  it('redeeming joins the workspace as a member and its #general', async () => {
    const invite = await createInvite(owner, workspaceId, { maxUses: 2 });
    const result = await redeem(ann, invite.code);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ workspaceId, alreadyMember: false });

    const view = (await as(ann, 'GET', `/api/workspaces/${workspaceId}`)).body.workspace;
    expect(view.me.role).toBe('member');
    expect(view.channels.find((c: { id: string }) => c.id === generalChannelId)).toMatchObject({ joined: true });
    expect((await as(ann, 'GET', '/api/workspaces')).body.workspaces).toContainEqual({ id: workspaceId, name: 'Invite Test Co' });
    expect((await listed(invite.code)).uses).toBe(1);
  });

  it('redeeming twice as the same person uses one use', async () => {
    const invite = await createInvite(owner, workspaceId, { maxUses: 2 });
    expect((await redeem(ben, invite.code)).body).toEqual({ workspaceId, alreadyMember: false });
    expect((await redeem(ben, invite.code)).body).toEqual({ workspaceId, alreadyMember: true });
    expect((await listed(invite.code)).uses).toBe(1);
    expect((await as(owner, 'GET', `/api/workspaces/${workspaceId}/members`)).body.members.filter((m: { userId: string }) => m.userId === ben.account.id)).toHaveLength(1);
  });

  it('redeeming needs a session', async () => {
    const invite = await createInvite(owner, workspaceId);
    expectError(await call('POST', `/api/invites/${invite.code}/redemptions`), 401, 'unauthenticated');
    expect((await listed(invite.code)).uses).toBe(0);
  });
});

describe('an invite that cannot be used says why', () => {
  it('expired: 410 invite_expired, and it is listed as expired', async () => {
    const invite = await createInvite(owner, workspaceId, { expiresInSeconds: 60 });
    expect((await preview(invite.code)).status).toBe(200);
    await expire(invite.code);

    expectError(await preview(invite.code), 410, 'invite_expired');
    const stranger = await signUp('expired-joiner');
    expectError(await redeem(stranger, invite.code), 410, 'invite_expired');
    expect(await listed(invite.code)).toMatchObject({ status: 'expired', uses: 0 });
    expectError(await as(stranger, 'GET', `/api/workspaces/${workspaceId}`), 404, 'not_found');
  });

  it('used up: 410 invite_used_up once every use is taken', async () => {
    const invite = await createInvite(owner, workspaceId, { maxUses: 1 });
    const first = await signUp('first-joiner');
    const second = await signUp('second-joiner');
    expect((await redeem(first, invite.code)).status).toBe(200);

    expectError(await preview(invite.code), 410, 'invite_used_up');
    expectError(await redeem(second, invite.code), 410, 'invite_used_up');
    expect(await listed(invite.code)).toMatchObject({ status: 'used_up', uses: 1, maxUses: 1 });
    expectError(await as(second, 'GET', `/api/workspaces/${workspaceId}`), 404, 'not_found');
  });

  it('revoked: 410 invite_revoked; revoking again keeps the first revocation time', async () => {
    const invite = await createInvite(owner, workspaceId);
    const revoked = await as(owner, 'DELETE', `${invitesPath()}/${invite.code}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.invite).toMatchObject({ code: invite.code, status: 'revoked', revokedAt: expect.any(Number) });

    expectError(await preview(invite.code), 410, 'invite_revoked');
    const stranger = await signUp('revoked-joiner');
    expectError(await redeem(stranger, invite.code), 410, 'invite_revoked');

    const again = await as(owner, 'DELETE', `${invitesPath()}/${invite.code}`);
    expect(again.body.invite.revokedAt).toBe(revoked.body.invite.revokedAt);
  });

  it('unknown: 404 invite_unknown, also for codes that could never exist', async () => {
    for (const code of ['ZZZZZZZZZZ', 'ab', 'not-a-code', 'x'.repeat(40)]) {
      expectError(await preview(code), 404, 'invite_unknown');
      expectError(await redeem(ann, code), 404, 'invite_unknown');
    }
  });

  it('revoking a code this workspace does not have answers 404', async () => {
    expectError(await as(owner, 'DELETE', `${invitesPath()}/ZZZZZZZZZZ`), 404, 'not_found');
  });
});
