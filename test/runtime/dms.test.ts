/** Direct messages: one conversation per set of people, private to them, hidden and shown again per person. */
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { gatewaysClosedAfterEach } from './gateway-helpers';
import { addMember, as, channelPath, closeSocketsAfterEach, expectError, requestSocket, signUp, type User, workspaceWith } from './helpers';
import { channelUrl, listed, openAtEnd, openDm } from './moderation-helpers';

const gateways = gatewaysClosedAfterEach();
const track = closeSocketsAfterEach();

let alice: User;
let bob: User;
let carol: User;
/** Nine more people, for group DMs at and past the cap. */
let crowd: User[];
let workspaceId: string;

beforeAll(async () => {
  alice = await signUp('alice', { displayName: 'Alice' });
  bob = await signUp('bob', { displayName: 'Bob' });
  carol = await signUp('carol', { displayName: 'Carol' });
  crowd = [];
  for (let i = 0; i < LIMITS.dmMembersMax; i++) crowd.push(await signUp(`crowd-${i}`));
  ({ workspaceId } = await workspaceWith(alice, bob, carol, ...crowd));
});

const dmsPath = () => `/api/workspaces/${workspaceId}/dms`;

describe('opening a DM', () => {
  it('makes a conversation of the two people, named after them rather than with a name', async () => {
    const { status, channel } = await openDm(workspaceId, alice, bob);
    expect(status).toBe(201);
    expect(channel).toMatchObject({ kind: 'dm', name: '', joined: true, memberCount: 2, hidden: false, createdBy: alice.account.id });
    expect(channel.dmMembers!.map((p) => p.userId).sort()).toEqual([alice.account.id, bob.account.id].sort());
    expect(channel.dmMembers![0]).toEqual({ userId: expect.any(String), username: expect.any(String), displayName: expect.any(String) });
    expect(await listed(bob, workspaceId, channel.id)).toMatchObject({ kind: 'dm', joined: true });
  });

  it('finds the same DM again, whoever opens it and however the people are listed', async () => {
    const first = await openDm(workspaceId, alice, carol);
    const again = await openDm(workspaceId, carol, alice);
    expect(again.status).toBe(200);
    expect(again.channel.id).toBe(first.channel.id);
    const withSelf = await as(alice, 'POST', dmsPath(), { userIds: [carol.account.id, alice.account.id, carol.account.id] });
    expect(withSelf.status).toBe(200);
    expect(withSelf.body.channel.id).toBe(first.channel.id);
  });

  it('a group is a different conversation from each pair in it', async () => {
    const pair = await openDm(workspaceId, alice, bob);
    const group = await openDm(workspaceId, alice, bob, carol);
    expect(group.channel.id).not.toBe(pair.channel.id);
    expect(group.channel.memberCount).toBe(3);
  });

  it(`holds at most ${LIMITS.dmMembersMax} people, the opener included`, async () => {
    const full = await openDm(workspaceId, alice, ...crowd.slice(0, LIMITS.dmMembersMax - 1));
    expect(full.channel.memberCount).toBe(LIMITS.dmMembersMax);
    const tooMany = await as(alice, 'POST', dmsPath(), { userIds: crowd.map((u) => u.account.id) });
    expectError(tooMany, 400, 'invalid_body');
    expect(tooMany.body.error.message).toMatch(/at most 9 people/);
  });

  it('needs someone else, and everyone in it must be a member of the workspace', async () => {
    expectError(await as(alice, 'POST', dmsPath(), { userIds: [alice.account.id] }), 400, 'bad_request');
    expectError(await as(alice, 'POST', dmsPath(), { userIds: [] }), 400, 'invalid_body');
    const stranger = await signUp('stranger');
    expectError(await as(alice, 'POST', dmsPath(), { userIds: [stranger.account.id] }), 404, 'not_found');
    expectError(await as(stranger, 'POST', dmsPath(), { userIds: [alice.account.id] }), 404, 'not_found');
  });

  it('notifies its members of every message by default', async () => {
    const { gateway } = await gateways.open(bob, workspaceId, { ignore: ['presence', 'member'] });
    const dan = await signUp('dan');
    await addMember(alice, workspaceId, dan);
    await gateway.expect('channels-changed'); // dan joined #general
    const { channel } = await openDm(workspaceId, dan, bob);
    await gateway.expect('state').then((frame) => expect(frame.state).toMatchObject({ channelId: channel.id, level: 'all' }));
    await gateway.expect('channels-changed');
  });
});

describe('a DM is private to its people', () => {
  it('someone not in it cannot see, read or open it: 404, as for no such channel', async () => {
    const { channel } = await openDm(workspaceId, alice, bob);
    expect(await listed(carol, workspaceId, channel.id)).toBeUndefined();
    for (const rest of ['', '/messages', '/members', '/pins']) {
      expectError(await as(carol, 'GET', `${channelUrl(workspaceId, channel.id)}${rest}`), 404, 'not_found');
    }
    expectError(await as(carol, 'POST', channelPath(workspaceId, channel.id, 'members'), {}), 404, 'not_found');
    expect((await requestSocket(carol, workspaceId, channel.id)).status).toBe(404);
  });

  it('nothing about it reaches the gateway of someone not in it', async () => {
    const { gateway: outsider } = await gateways.open(carol, workspaceId, { ignore: ['presence'] });
    const { gateway: insider } = await gateways.open(bob, workspaceId, { ignore: ['presence'] });
    const dan = await signUp('dan-2');
    await addMember(alice, workspaceId, dan);
    await outsider.expect('member');
    await outsider.expect('channels-changed');
    await insider.expect('member');
    await insider.expect('channels-changed');

    const { channel } = await openDm(workspaceId, dan, bob);
    await insider.expect('state');
    await insider.expect('channels-changed');
    const socket = track(await openAtEnd(dan, workspaceId, channel.id));
    socket.send({ type: 'typing' });
    await socket.post(`hi @${bob.account.username} and @${carol.account.username}`);
    expect((await insider.expect('activity')).event).toMatchObject({ channelId: channel.id, mentionsYou: true });
    await outsider.expectQuiet(300);
  });

  it('cannot be left, renamed, archived, deleted, given slow mode, or joined by others', async () => {
    const { channel } = await openDm(workspaceId, alice, bob);
    const self = `members/${alice.account.id}`;
    expectError(await as(alice, 'DELETE', channelPath(workspaceId, channel.id, self)), 400, 'bad_request');
    expectError(await as(alice, 'PUT', channelPath(workspaceId, channel.id, `members/${carol.account.id}`), {}), 400, 'bad_request');
    expectError(await as(alice, 'PATCH', channelUrl(workspaceId, channel.id), { name: 'ours' }), 400, 'bad_request');
    expectError(await as(alice, 'PUT', channelPath(workspaceId, channel.id, 'archived'), {}), 400, 'bad_request');
    expectError(await as(alice, 'PUT', channelPath(workspaceId, channel.id, 'slow-mode'), { seconds: 5 }), 400, 'bad_request');
    expectError(await as(alice, 'DELETE', channelUrl(workspaceId, channel.id), { confirmName: '' }), 400, 'bad_request');
    expect((await listed(alice, workspaceId, channel.id))?.memberCount).toBe(2);
  });
});

describe('hiding a DM', () => {
  it('hides it for the person who hid it only; a new message shows it again and tells their gateway', async () => {
    const { channel } = await openDm(workspaceId, alice, carol);
    const hidden = await as(carol, 'PUT', channelPath(workspaceId, channel.id, 'hidden'), {});
    expect(hidden.status).toBe(200);
    expect(hidden.body.channel).toMatchObject({ id: channel.id, hidden: true });
    expect(await listed(carol, workspaceId, channel.id)).toMatchObject({ hidden: true });
    expect(await listed(alice, workspaceId, channel.id)).toMatchObject({ hidden: false });

    const { gateway } = await gateways.open(carol, workspaceId, { ignore: ['presence', 'member'] });
    const socket = track(await openAtEnd(alice, workspaceId, channel.id));
    await socket.post('are you there?');
    await gateway.expect('channels-changed');
    expect((await gateway.expect('activity')).event.channelId).toBe(channel.id);
    expect(await listed(carol, workspaceId, channel.id)).toMatchObject({ hidden: false });
  });

  it('can be undone, and opening the DM again shows it too', async () => {
    const { channel } = await openDm(workspaceId, bob, carol);
    await as(carol, 'PUT', channelPath(workspaceId, channel.id, 'hidden'), {});
    expect((await as(carol, 'DELETE', channelPath(workspaceId, channel.id, 'hidden'))).body.channel.hidden).toBe(false);
    await as(carol, 'PUT', channelPath(workspaceId, channel.id, 'hidden'), {});
    expect((await openDm(workspaceId, carol, bob)).channel).toMatchObject({ id: channel.id, hidden: false });
  });

  it('is for DMs only', async () => {
    const general = (await as(alice, 'GET', `/api/workspaces/${workspaceId}/channels`)).body.channels.find((c: { name: string }) => c.name === 'general');
    expectError(await as(alice, 'PUT', channelPath(workspaceId, general.id, 'hidden'), {}), 400, 'bad_request');
  });
});

describe('a DM with someone who is gone', () => {
  it('still names everyone it was opened with: a banned person by the name on the ban, someone who left as a former member', async () => {
    const dana = await signUp('dana', { displayName: 'Dana' });
    const eli = await signUp('eli', { displayName: 'Eli' });
    await addMember(alice, workspaceId, dana);
    await addMember(alice, workspaceId, eli);
    const { channel } = await openDm(workspaceId, alice, dana, eli);

    expect((await as(alice, 'PUT', `/api/workspaces/${workspaceId}/bans/${dana.account.id}`, { reason: 'test' })).status).toBe(200);
    expect((await as(eli, 'DELETE', `/api/workspaces/${workspaceId}/members/${eli.account.id}`)).status).toBe(204);

    const people = (await listed(alice, workspaceId, channel.id))!.dmMembers!;
    expect(people.map((p) => p.displayName)).toEqual(['Alice', 'Dana', 'Former member']);
    // The same set of people still has one DM: opening it with the banned person is refused, not duplicated.
    expectError(await as(alice, 'POST', dmsPath(), { userIds: [dana.account.id, eli.account.id] }), 404, 'not_found');
  });
});
