/** The audit log: every moderation action and role change, who did it to whom, when, and from which address. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../src/shared/model';
import { ACCOUNT_HEADER } from '../../src/shared/wire';
import {
  addMember,
  as,
  buildRequest,
  ChannelSocket,
  channelPath,
  closeSocketsAfterEach,
  expectError,
  fetchWorker,
  history,
  ORIGIN,
  socketPath,
  type User,
} from './helpers';
import { banPath, channelUrl, memberPath, privateChannel, type Staff, staffedWorkspace } from './moderation-helpers';

const track = closeSocketsAfterEach();

let staff: Staff;
let workspaceId: string;
let generalChannelId: string;

beforeAll(async () => {
  ({ workspaceId, generalChannelId, ...staff } = await staffedWorkspace());
});

/** Calls the API as `user` from a client at `address`, as workerd reports the TCP peer. */
async function from(address: string, user: User, method: string, path: string, json?: unknown) {
  const request = buildRequest(method, path, { cookie: user.cookie, as: user.account.id, json });
  const response = await fetchWorker(new Request(request, { cf: { clientIp: `${address}:50123` } }));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function audit(user: User, query = ''): Promise<AuditPage> {
  const result = await as(user, 'GET', `/api/workspaces/${workspaceId}/audit${query ? `?${query}` : ''}`);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

async function newest(query = ''): Promise<AuditEntry> {
  return (await audit(staff.owner, query)).entries[0];
}

describe('what is recorded', () => {
  it('a role change: actor, target, the roles, when and from where', async () => {
    const before = Date.now();
    expect((await from('10.1.2.3', staff.owner, 'PATCH', memberPath(workspaceId, staff.peer), { role: 'moderator' })).status).toBe(200);
    expect(await newest()).toEqual({
      id: expect.any(Number),
      at: expect.any(Number),
      action: 'member.role',
      actorId: staff.owner.account.id,
      actorName: staff.owner.account.displayName,
      targetId: staff.peer.account.id,
      targetName: staff.peer.account.displayName,
      channelId: null,
      detail: { from: 'member', to: 'moderator' },
      address: '10.1.2.3',
    });
    expect((await newest()).at).toBeGreaterThanOrEqual(before);
    await as(staff.owner, 'PATCH', memberPath(workspaceId, staff.peer), { role: 'member' });
  });

  it('timeouts given and lifted, with the reason and the end', async () => {
    await from('10.0.0.9', staff.moderator, 'PUT', memberPath(workspaceId, staff.member, 'timeout'), { seconds: 120, reason: 'flooding' });
    const given = await newest();
    expect(given).toMatchObject({ action: 'member.timeout', actorId: staff.moderator.account.id, targetId: staff.member.account.id, address: '10.0.0.9' });
    expect(given.detail).toMatchObject({ seconds: 120, reason: 'flooding', until: expect.any(Number) });
    await as(staff.moderator, 'DELETE', memberPath(workspaceId, staff.member, 'timeout'));
    expect(await newest()).toMatchObject({ action: 'member.timeout_clear', targetId: staff.member.account.id });
  });

  it('channel changes, with the channel', async () => {
    const channelId = (await as(staff.member, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: 'audited' })).body.channel.id;
    expect(await newest()).toMatchObject({ action: 'channel.create', actorId: staff.member.account.id, targetId: channelId, channelId, detail: { private: false } });
    await as(staff.moderator, 'PATCH', channelUrl(workspaceId, channelId), { name: 'audited-2' });
    expect(await newest()).toMatchObject({ action: 'channel.rename', channelId, detail: { from: 'audited', to: 'audited-2' } });
    await as(staff.member, 'PATCH', channelUrl(workspaceId, channelId), { topic: 'Topic' });
    expect(await newest()).toMatchObject({ action: 'channel.topic', detail: { topic: 'Topic' } });
    await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'slow-mode'), { seconds: 10 });
    expect(await newest()).toMatchObject({ action: 'channel.slow_mode', detail: { seconds: 10, from: 0 } });
    await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'archived'), {});
    expect(await newest()).toMatchObject({ action: 'channel.archive', channelId });
    await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, 'archived'));
    expect(await newest()).toMatchObject({ action: 'channel.unarchive', channelId });
    await as(staff.member, 'PUT', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`), {});
    expect(await newest()).toMatchObject({ action: 'channel.member_add', targetId: staff.peer.account.id, channelId });
    await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`));
    expect(await newest()).toMatchObject({ action: 'channel.member_remove', actorId: staff.moderator.account.id, targetId: staff.peer.account.id });
    await as(staff.admin, 'DELETE', channelUrl(workspaceId, channelId), { confirmName: 'audited-2' });
    expect(await newest()).toMatchObject({ action: 'channel.delete', actorId: staff.admin.account.id, channelId, detail: { name: 'audited-2' } });
  });

  it('invites created and revoked', async () => {
    const invite = (await as(staff.moderator, 'POST', `/api/workspaces/${workspaceId}/invites`, { maxUses: 3 })).body.invite;
    expect(await newest()).toMatchObject({ action: 'invite.create', targetId: invite.code, detail: { maxUses: 3 } });
    await as(staff.moderator, 'DELETE', `/api/workspaces/${workspaceId}/invites/${invite.code}`);
    expect(await newest()).toMatchObject({ action: 'invite.revoke', targetId: invite.code });
  });

  it('a moderator deleting someone else’s message over the socket, from the socket’s address; deleting your own is not recorded', async () => {
    const open = async (user: User, address: string) => {
      const { lastSeq } = await history(user, workspaceId, generalChannelId);
      const request = new Request(new URL(socketPath(workspaceId, generalChannelId, `after=${lastSeq}`), ORIGIN), {
        headers: { Upgrade: 'websocket', Cookie: user.cookie, [ACCOUNT_HEADER]: user.account.id, Origin: ORIGIN },
        cf: { clientIp: `${address}:4444` },
      });
      const socket = track(new ChannelSocket((await fetchWorker(request)).webSocket!));
      await socket.expect('hello');
      return socket;
    };
    const poster = await open(staff.member, '10.9.9.1');
    const moderator = await open(staff.moderator, '10.9.9.2');
    const message = await poster.post('rude words');
    await moderator.expect('message');
    const own = await moderator.post('my own');
    await poster.expect('message');

    moderator.send({ type: 'delete', seq: own.seq });
    await moderator.expect('message');
    moderator.send({ type: 'delete', seq: message.seq });
    await moderator.expect('message');
    await expect.poll(async () => (await newest('action=message.delete'))?.detail.seq).toBe(message.seq);
    expect(await newest('action=message.delete')).toMatchObject({
      actorId: staff.moderator.account.id,
      targetId: staff.member.account.id,
      channelId: generalChannelId,
      address: '10.9.9.2',
    });
    expect((await audit(staff.owner, 'action=message.delete')).entries).toHaveLength(1);
  });

  it('removals and bans', async () => {
    const extra = await staffedWorkspace();
    await addMember(staff.owner, workspaceId, extra.member);
    await addMember(staff.owner, workspaceId, extra.peer);
    await from('10.3.3.3', staff.moderator, 'DELETE', memberPath(workspaceId, extra.member));
    expect(await newest()).toMatchObject({ action: 'member.remove', targetId: extra.member.account.id, address: '10.3.3.3' });
    await as(staff.admin, 'PUT', banPath(workspaceId, extra.peer), { reason: 'spam' });
    expect(await newest()).toMatchObject({ action: 'member.ban', targetId: extra.peer.account.id, detail: { reason: 'spam' } });
    await as(staff.admin, 'DELETE', banPath(workspaceId, extra.peer));
    expect(await newest()).toMatchObject({ action: 'member.unban', targetId: extra.peer.account.id });
  });

  it('entries about a private channel are shown only to those in it, like the channel itself', async () => {
    const channelId = await privateChannel(workspaceId, 'audited-private', staff.admin);
    await as(staff.admin, 'PATCH', channelUrl(workspaceId, channelId), { topic: 'secret plans' });
    expect((await newest('action=channel.topic'))?.channelId).not.toBe(channelId);
    const seenByAdmin = (await audit(staff.admin)).entries.filter((e) => e.channelId === channelId);
    expect(seenByAdmin.map((e) => e.action)).toEqual(['channel.topic', 'channel.create']);
    expect(seenByAdmin[0].detail).toMatchObject({ topic: 'secret plans', private: true });
    expect((await audit(staff.owner)).entries.some((e) => e.channelId === channelId)).toBe(false);

    await as(staff.admin, 'PUT', channelPath(workspaceId, channelId, `members/${staff.owner.account.id}`), {});
    expect((await audit(staff.owner)).entries.filter((e) => e.channelId === channelId)).toHaveLength(3);
  });
});

describe('reading the log', () => {
  it('is for admins and the owner', async () => {
    expect((await as(staff.admin, 'GET', `/api/workspaces/${workspaceId}/audit`)).status).toBe(200);
    expectError(await as(staff.moderator, 'GET', `/api/workspaces/${workspaceId}/audit`), 403, 'forbidden');
    expectError(await as(staff.member, 'GET', `/api/workspaces/${workspaceId}/audit`), 403, 'forbidden');
  });

  it('filters by action, actor and target, newest first', async () => {
    const byAction = (await audit(staff.owner, 'action=member.role')).entries;
    expect(byAction.length).toBeGreaterThan(0);
    expect(byAction.every((e) => e.action === 'member.role')).toBe(true);
    const byActor = (await audit(staff.owner, `actorId=${staff.moderator.account.id}`)).entries;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorId === staff.moderator.account.id)).toBe(true);
    const byTarget = (await audit(staff.owner, `targetId=${staff.member.account.id}&action=member.timeout`)).entries;
    expect(byTarget.map((e) => e.action)).toEqual(['member.timeout']);
    const ids = (await audit(staff.owner)).entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('pages with `before`, to the end', async () => {
    const all = (await audit(staff.owner, 'limit=200')).entries;
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page: AuditPage = await audit(staff.owner, `limit=3${before ? `&before=${before}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore;
    } while (before !== null);
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it('refuses an unknown action or a bad limit', async () => {
    expectError(await as(staff.owner, 'GET', `/api/workspaces/${workspaceId}/audit?action=member.hug`), 400, 'bad_request');
    expectError(await as(staff.owner, 'GET', `/api/workspaces/${workspaceId}/audit?limit=1000`), 400, 'bad_request');
  });
});
