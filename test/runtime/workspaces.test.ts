import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createChannel,
  createInvite,
  createWorkspace,
  expectError,
  requestSocket,
  signUp,
  type User,
} from './helpers';

let owner: User;
let outsider: User;

beforeAll(async () => {
  owner = await signUp('owner');
  outsider = await signUp('outsider');
});

describe('creating a workspace', () => {
  it('starts it with #general, the creator as owner and joined to #general', async () => {
    const created = await as(owner, 'POST', '/api/workspaces', { name: '  Acme Corp  ' });
    expect(created.status).toBe(201);
    expect(created.body.workspace).toEqual({ id: expect.stringMatching(/^[a-z2-7]{16}$/), name: 'Acme Corp' });
    const { id } = created.body.workspace;

    const view = await as(owner, 'GET', `/api/workspaces/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.workspace).toMatchObject({ id, name: 'Acme Corp', me: { userId: owner.account.id, role: 'owner' } });
    expect(view.body.workspace.channels).toEqual([
      expect.objectContaining({ id: created.body.generalChannelId, name: 'general', joined: true, memberCount: 1 }),
    ]);
    expect((await as(owner, 'GET', `/api/workspaces/${id}/members`)).body.members).toEqual([
      expect.objectContaining({ userId: owner.account.id, username: 'owner', role: 'owner' }),
    ]);
  });

  it('lists it among the creator’s workspaces, in the order they were joined', async () => {
    const first = await createWorkspace(owner, 'First');
    const second = await createWorkspace(owner, 'Second');
    const ids = (await as(owner, 'GET', '/api/workspaces')).body.workspaces.map((w: { id: string }) => w.id);
    expect(ids.indexOf(first.workspaceId)).toBeLessThan(ids.indexOf(second.workspaceId));
    expect(ids.indexOf(first.workspaceId)).toBeGreaterThanOrEqual(0);
  });

  it('refuses an empty or over-long name', async () => {
    expectError(await as(owner, 'POST', '/api/workspaces', { name: '   ' }), 400, 'invalid_body');
    expectError(await as(owner, 'POST', '/api/workspaces', { name: 'x'.repeat(65) }), 400, 'invalid_body');
    expectError(await as(owner, 'POST', '/api/workspaces', {}), 400, 'invalid_body');
  });

  it('needs a session', async () => {
    const result = await as({ ...owner, cookie: '' }, 'POST', '/api/workspaces', { name: 'Nope' });
    expectError(result, 401, 'unauthenticated');
  });
});

describe('a workspace you are not in does not exist for you', () => {
  let workspaceId: string;
  let channelId: string;
  let inviteCode: string;

  beforeAll(async () => {
    ({ workspaceId, generalChannelId: channelId } = await createWorkspace(owner, 'Private Co'));
    inviteCode = (await createInvite(owner, workspaceId)).code;
  });

  it.each([
    ['the workspace', 'GET', ''],
    ['its channels', 'GET', '/channels'],
    ['its members', 'GET', '/members'],
    ['its invites', 'GET', '/invites'],
    ['a channel’s messages', 'GET', '/channels/{channel}/messages'],
    ['creating a channel', 'POST', '/channels', { name: 'sneaky' }],
    ['joining a channel', 'POST', '/channels/{channel}/members'],
    ['creating an invite', 'POST', '/invites', {}],
    ['revoking an invite', 'DELETE', '/invites/{code}'],
    ['changing a role', 'PATCH', '/members/{owner}', { role: 'member' }],
  ])('%s answers 404', async (_what, method, suffix, body?: unknown) => {
    const path = `/api/workspaces/${workspaceId}${suffix}`
      .replace('{channel}', channelId)
      .replace('{code}', inviteCode)
      .replace('{owner}', owner.account.id);
    expectError(await as(outsider, method, path, body), 404, 'not_found');
  });

  it('the same answer as a workspace that does not exist at all', async () => {
    expectError(await as(outsider, 'GET', '/api/workspaces/aaaaaaaaaaaaaaaa'), 404, 'not_found');
    expectError(await as(outsider, 'GET', '/api/workspaces/not-an-id'), 404, 'not_found');
  });

  it('its channel socket answers 404 and opens nothing', async () => {
    const response = await requestSocket(outsider, workspaceId, channelId);
    expect(response.status).toBe(404);
    expect(response.webSocket).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('the outsider changed nothing by trying', async () => {
    const view = await as(owner, 'GET', `/api/workspaces/${workspaceId}`);
    expect(view.body.workspace.channels.map((c: { name: string }) => c.name)).toEqual(['general']);
    expect((await as(owner, 'GET', `/api/workspaces/${workspaceId}/members`)).body.members).toHaveLength(1);
    const invites = (await as(owner, 'GET', `/api/workspaces/${workspaceId}/invites`)).body.invites;
    expect(invites).toEqual([expect.objectContaining({ code: inviteCode, status: 'active' })]);
  });

  it('once invited in, the same person sees it', async () => {
    await addMember(owner, workspaceId, outsider);
    expect((await as(outsider, 'GET', `/api/workspaces/${workspaceId}`)).status).toBe(200);
    const ids = (await as(outsider, 'GET', '/api/workspaces')).body.workspaces.map((w: { id: string }) => w.id);
    expect(ids).toContain(workspaceId);
    await createChannel(outsider, workspaceId, 'now-allowed');
  });
});
