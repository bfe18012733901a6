/** Private channels: seen, read and opened only by their members; to everyone else they do not exist. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors';
import type { Message } from '../../src/shared/model';
import { ACCESS_REVOKED_CLOSE } from '../../src/shared/wire';
import { gatewaysClosedAfterEach } from './gateway-helpers';
import { as, channelPath, closeSocketsAfterEach, expectError, history, requestSocket } from './helpers';
import { channelUrl, listed, openAtEnd, privateChannel, type Staff, staffedWorkspace } from './moderation-helpers';

const gateways = gatewaysClosedAfterEach();
const track = closeSocketsAfterEach();

let staff: Staff;
let workspaceId: string;

beforeAll(async () => {
  ({ workspaceId, ...staff } = await staffedWorkspace());
});

const NO_SUCH_CHANNEL = 'aaaaaaaaaaaaaaaa';

describe('creating a private channel', () => {
  it('makes a channel only its creator sees, and no one else, whatever their role', async () => {
    const created = await as(staff.member, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: 'plans', topic: 'Quiet', private: true });
    expect(created.status).toBe(201);
    expect(created.body.channel).toMatchObject({
      kind: 'private',
      name: 'plans',
      topic: 'Quiet',
      joined: true,
      memberCount: 1,
      createdBy: staff.member.account.id,
      archivedAt: null,
      slowModeSeconds: 0,
      dmMembers: null,
      hidden: false,
    });
    const channelId = created.body.channel.id;
    expect(await listed(staff.member, workspaceId, channelId)).toBeDefined();
    for (const other of [staff.owner, staff.admin, staff.moderator, staff.peer]) expect(await listed(other, workspaceId, channelId)).toBeUndefined();
    const view = await as(staff.owner, 'GET', `/api/workspaces/${workspaceId}`);
    expect(view.body.workspace.channels.map((c: { id: string }) => c.id)).not.toContain(channelId);
  });

  it('takes its name from the same space as public channels', async () => {
    await privateChannel(workspaceId, 'taken-name', staff.member);
    expectError(await as(staff.peer, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: 'taken-name' }), 409, 'channel_name_taken');
  });
});

describe('to someone not in it, a private channel answers exactly like one that does not exist', () => {
  let channelId: string;
  let seq: number;

  beforeAll(async () => {
    channelId = await privateChannel(workspaceId, 'secret', staff.member, staff.moderator);
    const socket = track(await openAtEnd(staff.member, workspaceId, channelId));
    seq = (await socket.post('a secret')).seq;
    socket.close();
  });

  // Every route under a channel, with a body where it takes one.
  const routes: Array<[method: string, rest: string, json?: unknown]> = [
    ['GET', ''],
    ['PATCH', '', { topic: 'peek' }],
    ['DELETE', '', { confirmName: 'secret' }],
    ['GET', 'messages'],
    ['GET', 'messages/:seq'],
    ['GET', 'messages/:seq/edits'],
    ['GET', 'messages/:seq/thread'],
    ['PUT', 'messages/:seq/saved', {}],
    ['GET', 'pins'],
    ['GET', 'members'],
    ['POST', 'members', {}],
    ['PUT', 'members/:peer', {}],
    ['DELETE', 'members/:member'],
    ['PUT', 'notifications', { level: 'all' }],
    ['PUT', 'archived', {}],
    ['DELETE', 'archived'],
    ['PUT', 'slow-mode', { seconds: 10 }],
    ['PUT', 'hidden', {}],
  ];
  const path = (channelId: string, rest: string) =>
    `${channelUrl(workspaceId, channelId)}${rest ? '/' : ''}${rest.replace(':peer', staff.peer.account.id).replace(':member', staff.member.account.id).replace(':seq', String(seq))}`;

  it.each(routes)('%s /channels/:channelId/%s', async (method, rest, json) => {
    expect(seq).toBeGreaterThan(0);
    for (const outsider of [staff.owner, staff.admin, staff.peer]) {
      const secret = await as(outsider, method, path(channelId, rest), json);
      const missing = await as(outsider, method, path(NO_SUCH_CHANNEL, rest), json);
      expectError(secret, 404, 'not_found');
      expect((secret.body as ErrorBody).error.message).toBe((missing.body as ErrorBody).error.message);
    }
  });

  it('its socket is refused like a missing channel’s', async () => {
    const secret = await requestSocket(staff.admin, workspaceId, channelId);
    const missing = await requestSocket(staff.admin, workspaceId, NO_SUCH_CHANNEL);
    expect(secret.status).toBe(404);
    expect(secret.webSocket).toBeNull();
    expect(await secret.json()).toEqual(await missing.json());
  });

  it('marking it read over the gateway is refused like a missing channel', async () => {
    const { gateway } = await gateways.open(staff.peer, workspaceId, { ignore: ['presence'] });
    gateway.send({ type: 'read', channelId, seq });
    const secret = await gateway.expect('error');
    gateway.send({ type: 'read', channelId: NO_SUCH_CHANNEL, seq });
    expect(await gateway.expect('error')).toEqual(secret);
    expect(secret.code).toBe('not_found');
  });

  it('its members see it, read it and are counted', async () => {
    expect(await listed(staff.moderator, workspaceId, channelId)).toMatchObject({ kind: 'private', joined: true, memberCount: 2 });
    expect((await history(staff.moderator, workspaceId, channelId)).messages.some((m) => m.seq === seq)).toBe(true);
    const members = (await as(staff.moderator, 'GET', channelPath(workspaceId, channelId, 'members'))).body.members;
    expect(members.map((m: { userId: string }) => m.userId).sort()).toEqual([staff.member.account.id, staff.moderator.account.id].sort());
    expect(members[0]).toEqual(expect.objectContaining({ role: expect.any(String), timedOutUntil: null, avatarVersion: null }));
  });
});

describe('nothing about a private channel reaches the gateway of someone not in it', () => {
  it('no activity, mention, list change or state, while its members hear of everything', async () => {
    const ignore = { ignore: ['presence' as const, 'member' as const] };
    const { gateway: outsider, hello } = await gateways.open(staff.peer, workspaceId, ignore);
    const { gateway: insider } = await gateways.open(staff.moderator, workspaceId, ignore);

    const channelId = await privateChannel(workspaceId, 'hush', staff.member, staff.moderator);
    expect(hello.channels.map((c) => c.channelId)).not.toContain(channelId);
    expect((await insider.expect('channels-changed')).type).toBe('channels-changed');
    expect((await insider.expect('state')).state.channelId).toBe(channelId);

    const socket = track(await openAtEnd(staff.member, workspaceId, channelId));
    socket.send({ type: 'typing' });
    await socket.post(`psst @${staff.peer.account.username} and @${staff.moderator.account.username}`);
    const activity = await insider.expect('activity');
    expect(activity.event).toMatchObject({ channelId, mentionsYou: true });

    await as(staff.member, 'PATCH', channelUrl(workspaceId, channelId), { name: 'hush-renamed', topic: 'shh' });
    expect((await insider.expect('channels-changed')).type).toBe('channels-changed');
    await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'archived'), {});
    await insider.expect('channels-changed');

    await outsider.expectQuiet(300);
  });

  it('typing in it reaches only the sockets of its members', async () => {
    const channelId = await privateChannel(workspaceId, 'whispers', staff.member, staff.moderator);
    const typist = track(await openAtEnd(staff.member, workspaceId, channelId));
    const listener = track(await openAtEnd(staff.moderator, workspaceId, channelId));
    typist.send({ type: 'typing' });
    expect(await listener.expect('typing')).toMatchObject({ userId: staff.member.account.id });
    expect((await requestSocket(staff.peer, workspaceId, channelId)).status).toBe(404);
  });
});

describe('adding people', () => {
  it('any member of it may add a workspace member, who then sees it; a system message records who was added', async () => {
    const channelId = await privateChannel(workspaceId, 'growing', staff.member, staff.moderator);
    const { gateway } = await gateways.open(staff.peer, workspaceId, { ignore: ['presence', 'member'] });

    const added = await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`), {});
    expect(added.status).toBe(200);
    expect(added.body.channel).toMatchObject({ id: channelId, memberCount: 3, joined: true });
    await gateway.expect('channels-changed');
    expect((await gateway.expect('state')).state).toMatchObject({ channelId, level: 'mentions' });
    expect(await listed(staff.peer, workspaceId, channelId)).toMatchObject({ joined: true });

    const last = (await history(staff.peer, workspaceId, channelId)).messages.at(-1) as Message;
    expect(last).toMatchObject({
      authorId: staff.moderator.account.id,
      system: { type: 'added', userId: staff.peer.account.id, name: staff.peer.account.displayName },
    });
  });

  it('adding someone already in it changes nothing', async () => {
    const channelId = await privateChannel(workspaceId, 'steady', staff.member, staff.peer);
    const before = await history(staff.member, workspaceId, channelId);
    const again = await as(staff.member, 'PUT', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`), {});
    expect(again.body.channel.memberCount).toBe(2);
    expect((await history(staff.member, workspaceId, channelId)).lastSeq).toBe(before.lastSeq);
  });

  it('someone outside the workspace cannot be added', async () => {
    const channelId = await privateChannel(workspaceId, 'closed', staff.member);
    const stranger = (await staffedWorkspace()).member;
    expectError(await as(staff.member, 'PUT', channelPath(workspaceId, channelId, `members/${stranger.account.id}`), {}), 404, 'not_found');
  });
});

describe('leaving and being removed', () => {
  it('leaving records it, closes the leaver’s sockets to it, and it is gone for them', async () => {
    const channelId = await privateChannel(workspaceId, 'exit', staff.member, staff.peer);
    const { gateway } = await gateways.open(staff.peer, workspaceId, { ignore: ['presence', 'member'] });
    const socket = track(await openAtEnd(staff.peer, workspaceId, channelId));
    const left = await as(staff.peer, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`));
    expect(left.status).toBe(204);
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect(await gateway.expect('state-removed')).toEqual({ type: 'state-removed', channelId });
    await gateway.expect('channels-changed');
    expect(await listed(staff.peer, workspaceId, channelId)).toBeUndefined();
    expectError(await as(staff.peer, 'GET', channelPath(workspaceId, channelId, 'messages')), 404, 'not_found');
    const last = (await history(staff.member, workspaceId, channelId)).messages.at(-1) as Message;
    expect(last).toMatchObject({ authorId: staff.peer.account.id, system: { type: 'left' } });
  });

  it('a moderator in it may remove someone; a plain member may not', async () => {
    const channelId = await privateChannel(workspaceId, 'ejector', staff.member, staff.moderator, staff.peer);
    expectError(await as(staff.member, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`)), 403, 'forbidden');
    const socket = track(await openAtEnd(staff.peer, workspaceId, channelId));
    const removed = await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`));
    expect(removed.status).toBe(204);
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expectError(await as(staff.peer, 'GET', channelUrl(workspaceId, channelId)), 404, 'not_found');
    const last = (await history(staff.member, workspaceId, channelId)).messages.at(-1) as Message;
    expect(last.system).toEqual({ type: 'removed', userId: staff.peer.account.id, name: staff.peer.account.displayName });
  });

  it('a moderator not in it cannot reach it to remove anyone', async () => {
    const channelId = await privateChannel(workspaceId, 'unreachable', staff.member, staff.peer);
    expectError(await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`)), 404, 'not_found');
  });
});

describe('a public channel is still open to all', () => {
  it('is listed for everyone, and joined by anyone', async () => {
    const created = await as(staff.member, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: 'town-square' });
    expect(created.body.channel).toMatchObject({ kind: 'public', joined: true });
    const channelId = created.body.channel.id;
    expect(await listed(staff.peer, workspaceId, channelId)).toMatchObject({ kind: 'public', joined: false });
    expectError(await as(staff.peer, 'GET', channelPath(workspaceId, channelId, 'messages')), 403, 'forbidden');
    expect((await as(staff.peer, 'POST', channelPath(workspaceId, channelId, 'members'), {})).status).toBe(200);
  });

  it('#general cannot be left', async () => {
    const general = (await as(staff.peer, 'GET', `/api/workspaces/${workspaceId}/channels`)).body.channels.find((c: { name: string }) => c.name === 'general');
    const refused = await as(staff.peer, 'DELETE', channelPath(workspaceId, general.id, `members/${staff.peer.account.id}`));
    expectError(refused, 400, 'bad_request');
    expect(refused.body.error.message).toMatch(/general/);
  });
});
