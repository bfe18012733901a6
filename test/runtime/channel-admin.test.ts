/** Managing channels: renaming, topics, archiving, slow mode, deleting, and the system messages that record them. */
import { evictDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/shared/model';
import { ACCESS_REVOKED_CLOSE } from '../../src/shared/wire';
import { gatewaysClosedAfterEach } from './gateway-helpers';
import { as, channelPath, channelStub, channelWith, closeSocketsAfterEach, expectError, history, newClientId, type User } from './helpers';
import { channelUrl, expectChangesRefused, listed, openAtEnd, privateChannel, type Staff, staffedWorkspace } from './moderation-helpers';

const gateways = gatewaysClosedAfterEach();
const track = closeSocketsAfterEach();

let staff: Staff;
let workspaceId: string;
let generalChannelId: string;
let channels = 0;

beforeAll(async () => {
  ({ workspaceId, generalChannelId, ...staff } = await staffedWorkspace());
});

/** A new public channel the member makes and everyone joins. */
async function room(creator: User = staff.member) {
  const others = [staff.owner, staff.admin, staff.moderator, staff.member, staff.peer].filter((u) => u !== creator);
  return channelWith(workspaceId, `room-${++channels}`, creator, ...others);
}

async function lastMessage(channelId: string): Promise<Message> {
  return (await history(staff.owner, workspaceId, channelId)).messages.at(-1)!;
}

describe('renaming', () => {
  it('its creator or a moderator may rename it; another member may not', async () => {
    const channelId = await room();
    const byCreator = await as(staff.member, 'PATCH', channelUrl(workspaceId, channelId), { name: `renamed-${channels}` });
    expect(byCreator.body.channel.name).toBe(`renamed-${channels}`);
    expectError(await as(staff.peer, 'PATCH', channelUrl(workspaceId, channelId), { name: 'peer-name' }), 403, 'forbidden');
    expect((await as(staff.moderator, 'PATCH', channelUrl(workspaceId, channelId), { name: `mod-${channels}` })).status).toBe(200);
  });

  it('records the rename as a system message, live and in history', async () => {
    const channelId = await room();
    const socket = track(await openAtEnd(staff.peer, workspaceId, channelId));
    const before = (await listed(staff.peer, workspaceId, channelId))!.name;
    await as(staff.moderator, 'PATCH', channelUrl(workspaceId, channelId), { name: `#Fresh Name ${channels}` });
    const { message } = await socket.expect('message');
    expect(message).toMatchObject({
      authorId: staff.moderator.account.id,
      authorName: staff.moderator.account.displayName,
      system: { type: 'renamed', from: before, to: `fresh-name-${channels}` },
    });
    expect(await lastMessage(channelId)).toEqual(message);
  });

  it('refuses a name in use, and #general keeps its name', async () => {
    const channelId = await room();
    expectError(await as(staff.member, 'PATCH', channelUrl(workspaceId, channelId), { name: 'general' }), 409, 'channel_name_taken');
    expectError(await as(staff.owner, 'PATCH', channelUrl(workspaceId, generalChannelId), { name: 'lobby' }), 400, 'bad_request');
    expectError(await as(staff.owner, 'PATCH', channelUrl(workspaceId, channelId), {}), 400, 'invalid_body');
  });
});

describe('the topic', () => {
  it('any member of the channel sets it; someone who has not joined may not', async () => {
    const channelId = await room();
    const set = await as(staff.peer, 'PATCH', channelUrl(workspaceId, channelId), { topic: 'Plans for Q3' });
    expect(set.body.channel.topic).toBe('Plans for Q3');
    expect((await lastMessage(channelId)).system).toEqual({ type: 'topic', topic: 'Plans for Q3' });
    const unjoined = (await as(staff.member, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: `lonely-${++channels}` })).body.channel.id;
    expectError(await as(staff.peer, 'PATCH', channelUrl(workspaceId, unjoined), { topic: 'mine now' }), 403, 'forbidden');
  });

  it('setting the same topic again changes nothing', async () => {
    const channelId = await room();
    await as(staff.peer, 'PATCH', channelUrl(workspaceId, channelId), { topic: 'same' });
    const { lastSeq } = await history(staff.peer, workspaceId, channelId);
    await as(staff.peer, 'PATCH', channelUrl(workspaceId, channelId), { topic: 'same' });
    expect((await history(staff.peer, workspaceId, channelId)).lastSeq).toBe(lastSeq);
  });
});

describe('system messages', () => {
  it('are not unread, do not notify, and cannot be edited, reacted to, pinned, replied to, threaded or deleted', async () => {
    const channelId = await room();
    const { gateway } = await gateways.open(staff.peer, workspaceId, { ignore: ['presence', 'member'] });
    await as(staff.member, 'PATCH', channelUrl(workspaceId, channelId), { topic: 'quiet' });
    await gateway.expect('channels-changed');
    await gateway.expectQuiet();
    const system = await lastMessage(channelId);
    const state = (await gateways.open(staff.peer, workspaceId, { ignore: ['presence'] })).hello.channels.find((c) => c.channelId === channelId)!;
    expect(state.lastPostSeq).toBeLessThan(system.seq);

    const socket = track(await openAtEnd(staff.moderator, workspaceId, channelId));
    await expectChangesRefused(socket, system.seq, 'bad_request');
    for (const extra of [{ replyTo: system.seq }, { threadRoot: system.seq }]) {
      socket.send({ type: 'send', clientId: newClientId(), body: 'hm', ...extra });
      expect((await socket.expect('error')).code).toBe('bad_request');
    }
  });
});

describe('archiving', () => {
  it('moderators and above archive; members may not; #general cannot be', async () => {
    const channelId = await room();
    expectError(await as(staff.member, 'PUT', channelPath(workspaceId, channelId, 'archived'), {}), 403, 'forbidden');
    const archived = await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'archived'), {});
    expect(archived.body.channel.archivedAt).toEqual(expect.any(Number));
    expect((await lastMessage(channelId)).system).toEqual({ type: 'archived' });
    expectError(await as(staff.owner, 'PUT', channelPath(workspaceId, generalChannelId, 'archived'), {}), 400, 'bad_request');
  });

  it('makes the channel read-only (no posts, edits, reactions, pins or deletes) for a socket open at the time, and after the object restarts; unarchiving opens it again', async () => {
    const channelId = await room();
    const socket = track(await openAtEnd(staff.member, workspaceId, channelId));
    const mine = await socket.post('before');
    await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'archived'), {});
    expect((await socket.expect('message')).message.system).toEqual({ type: 'archived' });

    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'during' });
    expect(await socket.expect('error')).toMatchObject({ code: 'channel_archived', clientId });
    await expectChangesRefused(socket, mine.seq, 'channel_archived');
    expect((await history(staff.peer, workspaceId, channelId)).messages.some((m) => m.seq === mine.seq)).toBe(true);

    socket.close();
    await evictDurableObject(channelStub(channelId));
    const reopened = track(await openAtEnd(staff.member, workspaceId, channelId));
    reopened.send({ type: 'send', clientId: newClientId(), body: 'still during' });
    expect((await reopened.expect('error')).code).toBe('channel_archived');

    const unarchived = await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, 'archived'));
    expect(unarchived.body.channel.archivedAt).toBeNull();
    expect((await reopened.expect('message')).message.system).toEqual({ type: 'unarchived' });
    await reopened.post('after');
  });

  it('archiving what is archived changes nothing', async () => {
    const channelId = await room();
    await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'archived'), {});
    const { lastSeq } = await history(staff.peer, workspaceId, channelId);
    const again = await as(staff.admin, 'PUT', channelPath(workspaceId, channelId, 'archived'), {});
    expect(again.status).toBe(200);
    expect((await history(staff.peer, workspaceId, channelId)).lastSeq).toBe(lastSeq);
  });
});

describe('slow mode', () => {
  it('moderators and above set it; members may not; it is bounded', async () => {
    const channelId = await room();
    expectError(await as(staff.member, 'PUT', channelPath(workspaceId, channelId, 'slow-mode'), { seconds: 30 }), 403, 'forbidden');
    expectError(await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'slow-mode'), { seconds: -1 }), 400, 'invalid_body');
    expectError(await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'slow-mode'), { seconds: 7 * 3600 }), 400, 'invalid_body');
    const set = await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'slow-mode'), { seconds: 30 });
    expect(set.body.channel.slowModeSeconds).toBe(30);
    expect((await lastMessage(channelId)).system).toEqual({ type: 'slow-mode', seconds: 30 });
  });

  it('holds each member to one message per interval, saying how long to wait; moderators are exempt; 0 turns it off', async () => {
    const channelId = await room();
    const member = track(await openAtEnd(staff.peer, workspaceId, channelId));
    const moderator = track(await openAtEnd(staff.moderator, workspaceId, channelId));
    moderator.ignore('message');
    await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'slow-mode'), { seconds: 60 });
    await member.expect('message'); // the system message

    await member.post('first');
    const clientId = newClientId();
    member.send({ type: 'send', clientId, body: 'second' });
    const refused = await member.expect('error');
    expect(refused).toMatchObject({ code: 'slow_mode', clientId });
    expect(refused.message).toMatch(/you can post again in (60|59) seconds/);

    moderator.send({ type: 'send', clientId: newClientId(), body: 'mod 1' });
    moderator.send({ type: 'send', clientId: newClientId(), body: 'mod 2' });
    expect((await moderator.expect('ack')).type).toBe('ack');
    expect((await moderator.expect('ack')).type).toBe('ack');
    await member.expect('message');
    await member.expect('message');

    await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, 'slow-mode'), { seconds: 0 });
    expect((await member.expect('message')).message.system).toEqual({ type: 'slow-mode', seconds: 0 });
    await member.post('second, now');
  });
});

describe('deleting a channel', () => {
  it('is for admins and the owner, confirmed by typing the name', async () => {
    const channelId = await room();
    const name = (await listed(staff.admin, workspaceId, channelId))!.name;
    expectError(await as(staff.moderator, 'DELETE', channelUrl(workspaceId, channelId), { confirmName: name }), 403, 'forbidden');
    const wrong = await as(staff.admin, 'DELETE', channelUrl(workspaceId, channelId), { confirmName: 'not-it' });
    expectError(wrong, 400, 'bad_request');
    expect(wrong.body.error.message).toContain(name);
    expectError(await as(staff.admin, 'DELETE', channelUrl(workspaceId, channelId)), 400, 'bad_request');
    expect(await listed(staff.admin, workspaceId, channelId)).toBeDefined();
    expectError(await as(staff.owner, 'DELETE', channelUrl(workspaceId, generalChannelId), { confirmName: 'general' }), 400, 'bad_request');
  });

  it('closes its sockets, tells every gateway, and leaves nothing behind', async () => {
    const channelId = await room();
    const name = (await listed(staff.admin, workspaceId, channelId))!.name;
    const socket = track(await openAtEnd(staff.peer, workspaceId, channelId));
    await socket.post('soon gone');
    const { gateway } = await gateways.open(staff.peer, workspaceId, { ignore: ['presence', 'member'] });

    expect((await as(staff.admin, 'DELETE', channelUrl(workspaceId, channelId), { confirmName: `#${name}` })).status).toBe(204);
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect(await gateway.expect('state-removed')).toEqual({ type: 'state-removed', channelId });
    await gateway.expect('channels-changed');
    expect(await listed(staff.peer, workspaceId, channelId)).toBeUndefined();
    expectError(await as(staff.peer, 'GET', channelPath(workspaceId, channelId, 'messages')), 404, 'not_found');
    expect(await channelStub(channelId).lastSeq()).toBe(0);
  });

  it('an admin cannot delete a private channel they are not in: it does not exist for them', async () => {
    const channelId = await privateChannel(workspaceId, `private-${++channels}`, staff.member);
    expectError(await as(staff.admin, 'DELETE', channelUrl(workspaceId, channelId), { confirmName: `private-${channels}` }), 404, 'not_found');
  });
});

describe('people in a public channel', () => {
  it('a moderator removes someone, whose socket closes; they may join again', async () => {
    const channelId = await room();
    const socket = track(await openAtEnd(staff.peer, workspaceId, channelId));
    expect((await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`))).status).toBe(204);
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect(await listed(staff.peer, workspaceId, channelId)).toMatchObject({ joined: false });
    expect((await lastMessage(channelId)).system).toMatchObject({ type: 'removed', userId: staff.peer.account.id });
    expect((await as(staff.peer, 'POST', channelPath(workspaceId, channelId, 'members'), {})).body.channel.joined).toBe(true);
  });

  it('removing someone not in it is not found', async () => {
    const channelId = (await as(staff.member, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: `solo-${++channels}` })).body.channel.id;
    expectError(await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`)), 404, 'not_found');
  });

  it('a member adds someone who had not joined', async () => {
    const channelId = (await as(staff.member, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: `invited-${++channels}` })).body.channel.id;
    const added = await as(staff.member, 'PUT', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`), {});
    expect(added.body.channel.memberCount).toBe(2);
    expect(await listed(staff.peer, workspaceId, channelId)).toMatchObject({ joined: true });
  });
});
