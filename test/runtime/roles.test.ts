import { beforeAll, describe, expect, it } from 'vitest';
import type { Member, Role } from '../../src/shared/model';
import { addMember, as, createWorkspace, expectError, signUp, type User } from './helpers';

let owner: User;
let admin: User;
let moderator: User;
let member: User;
let workspaceId: string;

const setRole = (actor: User, target: User, role: unknown) =>
  as(actor, 'PATCH', `/api/workspaces/${workspaceId}/members/${target.account.id}`, { role });

async function roleOf(user: User): Promise<Role> {
  const members: Member[] = (await as(owner, 'GET', `/api/workspaces/${workspaceId}/members`)).body.members;
  return members.find((m) => m.userId === user.account.id)!.role;
}

beforeAll(async () => {
  owner = await signUp('owner');
  admin = await signUp('admin');
  moderator = await signUp('moderator');
  member = await signUp('member');
  ({ workspaceId } = await createWorkspace(owner));
  for (const user of [admin, moderator, member]) await addMember(owner, workspaceId, user);
  expect((await setRole(owner, admin, 'admin')).status).toBe(200);
  expect((await setRole(admin, moderator, 'moderator')).status).toBe(200);
});

describe('invites', () => {
  it.each([
    ['the owner', () => owner],
    ['an admin', () => admin],
    ['a moderator', () => moderator],
  ])('%s may create, list and revoke invites', async (_who, who) => {
    const created = await as(who(), 'POST', `/api/workspaces/${workspaceId}/invites`, {});
    expect(created.status).toBe(201);
    expect((await as(who(), 'GET', `/api/workspaces/${workspaceId}/invites`)).status).toBe(200);
    expect((await as(who(), 'DELETE', `/api/workspaces/${workspaceId}/invites/${created.body.invite.code}`)).status).toBe(200);
  });

  it('a plain member may not create, list or revoke invites', async () => {
    const before = (await as(owner, 'GET', `/api/workspaces/${workspaceId}/invites`)).body.invites;
    expectError(await as(member, 'POST', `/api/workspaces/${workspaceId}/invites`, {}), 403, 'forbidden');
    expectError(await as(member, 'GET', `/api/workspaces/${workspaceId}/invites`), 403, 'forbidden');
    const code = (await as(owner, 'POST', `/api/workspaces/${workspaceId}/invites`, {})).body.invite.code;
    expectError(await as(member, 'DELETE', `/api/workspaces/${workspaceId}/invites/${code}`), 403, 'forbidden');

    const after = (await as(owner, 'GET', `/api/workspaces/${workspaceId}/invites`)).body.invites;
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((i: { code: string }) => i.code === code).status).toBe('active');
  });

  it('a plain member may still create channels', async () => {
    expect((await as(member, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: 'members-corner' })).status).toBe(201);
  });
});

describe('changing roles', () => {
  it('the members list shows everyone’s role', async () => {
    expect(await roleOf(owner)).toBe('owner');
    expect(await roleOf(admin)).toBe('admin');
    expect(await roleOf(moderator)).toBe('moderator');
    expect(await roleOf(member)).toBe('member');
  });

  it('an admin may promote and demote members', async () => {
    const result = await setRole(admin, member, 'moderator');
    expect(result.status).toBe(200);
    expect(result.body.member).toMatchObject({ userId: member.account.id, role: 'moderator' });
    expect(await roleOf(member)).toBe('moderator');
    expect((await setRole(admin, member, 'member')).status).toBe(200);
    expect(await roleOf(member)).toBe('member');
  });

  it('a moderator or a member may not change roles, not even their own', async () => {
    expectError(await setRole(moderator, member, 'moderator'), 403, 'forbidden');
    expectError(await setRole(moderator, moderator, 'admin'), 403, 'forbidden');
    expectError(await setRole(member, member, 'admin'), 403, 'forbidden');
    expectError(await setRole(member, moderator, 'member'), 403, 'forbidden');
    expect(await roleOf(member)).toBe('member');
    expect(await roleOf(moderator)).toBe('moderator');
  });

  it('the owner cannot be demoted, by an admin or by themselves', async () => {
    const byAdmin = await setRole(admin, owner, 'member');
    expectError(byAdmin, 403, 'forbidden');
    expect(byAdmin.body.error.message).toMatch(/owner/i);
    expectError(await setRole(owner, owner, 'admin'), 403, 'forbidden');
    expect(await roleOf(owner)).toBe('owner');
  });

  it('nobody can be made owner by changing a role', async () => {
    expectError(await setRole(owner, admin, 'owner'), 403, 'forbidden');
    expectError(await setRole(admin, admin, 'owner'), 403, 'forbidden');
    expect(await roleOf(admin)).toBe('admin');
  });

  it('an unknown role is refused as invalid input', async () => {
    expectError(await setRole(owner, member, 'superuser'), 400, 'invalid_body');
    expectError(await setRole(owner, member, undefined), 400, 'invalid_body');
  });

  it('someone who is not a member of the workspace is not found', async () => {
    const stranger = await signUp('stranger');
    expectError(await setRole(owner, stranger, 'member'), 404, 'not_found');
  });
});
