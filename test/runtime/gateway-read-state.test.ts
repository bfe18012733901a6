/**
 * Unread state and mentions over the gateway, fed by recordPost / forgetPost as
 * the channel object calls them. Invariant 3: nobody outside a channel hears of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import type { ChannelReadState } from '../../src/shared/model';
import { as, channelWith, createChannel, signUp, workspaceStub, type User, workspaceWith } from './helpers';
import { gatewaysClosedAfterEach, postActivity, recordPost } from './gateway-helpers';

let alice: User;
let bob: User;
let carol: User;
let dave: User;
const gateways = gatewaysClosedAfterEach();

beforeAll(async () => {
  alice = await signUp('alice', { displayName: 'Alice A.' });
  bob = await signUp('bob');
  carol = await signUp('carol');
  dave = await signUp('dave');
});

/** A workspace with alice, bob and carol, and #room with alice and bob only; gateways ignore presence. */
async function setUp() {
  const { workspaceId, generalChannelId } = await workspaceWith(alice, bob, carol);
  const roomId = await channelWith(workspaceId, 'room', alice, bob);
  const open = (user: User) => gateways.open(user, workspaceId, { ignore: ['presence'] });
  return { workspaceId, generalChannelId, roomId, open };
}

const state = (channelId: string, more: Partial<ChannelReadState>): ChannelReadState => ({
  channelId,
  lastPostSeq: 0,
  lastPostAt: null,
  readSeq: 0,
  mentionCount: 0,
  level: 'mentions',
  muted: false,
  ...more,
});

describe('unread and mentions', () => {
  it('a post reaches every member with their own state: unread for others, read for its author', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway: aliceGateway } = await open(alice);
    const { gateway: bobGateway } = await open(bob);
    const post = postActivity(roomId, 4, alice, { body: 'x'.repeat(LIMITS.activityPreviewMax + 50), createdAt: 777 });
    await recordPost(workspaceId, post);

    const event = {
      channelId: roomId,
      seq: 4,
      authorId: alice.account.id,
      authorName: 'Alice A.',
      preview: 'x'.repeat(LIMITS.activityPreviewMax),
      threadRoot: null,
      mentionsYou: false,
    };
    expect(await bobGateway.expect('activity')).toEqual({ type: 'activity', event, state: state(roomId, { lastPostSeq: 4, lastPostAt: 777 }) });
    expect(await aliceGateway.expect('activity')).toEqual({
      type: 'activity',
      event,
      state: state(roomId, { lastPostSeq: 4, lastPostAt: 777, readSeq: 4 }),
    });
  });

  it('counts survive reconnecting', async () => {
    const { workspaceId, roomId, open } = await setUp();
    await recordPost(workspaceId, postActivity(roomId, 1, alice, { mentionedUserIds: [bob.account.id] }));
    await recordPost(workspaceId, postActivity(roomId, 2, alice));
    await recordPost(workspaceId, postActivity(roomId, 3, alice, { mentionedUserIds: [bob.account.id] }));
    const first = await open(bob);
    expect(first.hello.channels.find((c) => c.channelId === roomId)).toMatchObject({ lastPostSeq: 3, readSeq: 0, mentionCount: 2 });
    first.gateway.send({ type: 'read', channelId: roomId, seq: 1 });
    expect((await first.gateway.expect('state')).state).toMatchObject({ readSeq: 1, mentionCount: 1 });
    first.gateway.close();
    await first.gateway.closed();
    const second = await open(bob);
    expect(second.hello.channels.find((c) => c.channelId === roomId)).toMatchObject({ lastPostSeq: 3, readSeq: 1, mentionCount: 1 });
  });

  it('reading on one device updates every device of that person, and no one else', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway: laptop } = await open(bob);
    const { gateway: phone } = await open(bob);
    const { gateway: aliceGateway } = await open(alice);
    await recordPost(workspaceId, postActivity(roomId, 5, alice, { mentionedUserIds: [bob.account.id] }));
    for (const device of [laptop, phone]) expect((await device.expect('activity')).state).toMatchObject({ mentionCount: 1, readSeq: 0 });
    await aliceGateway.expect('activity');

    laptop.send({ type: 'read', channelId: roomId, seq: 5 });
    const read = state(roomId, { lastPostSeq: 5, lastPostAt: expect.any(Number), readSeq: 5 });
    expect(await laptop.expect('state')).toEqual({ type: 'state', state: read });
    expect(await phone.expect('state')).toEqual({ type: 'state', state: read });
    await aliceGateway.expectQuiet();
  });

  it('reads only move forward, never past the newest post the workspace has heard of', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway } = await open(bob);
    await recordPost(workspaceId, postActivity(roomId, 10, alice));
    await gateway.expect('activity');

    gateway.send({ type: 'read', channelId: roomId, seq: 6 });
    expect((await gateway.expect('state')).state.readSeq).toBe(6);
    gateway.send({ type: 'read', channelId: roomId, seq: 4 });
    gateway.send({ type: 'read', channelId: roomId, seq: 6 });
    await gateway.expectQuiet();
    gateway.send({ type: 'read', channelId: roomId, seq: 1_000_000 });
    expect((await gateway.expect('state')).state.readSeq).toBe(10);
    // A later post is unread although the client claimed to have read far ahead.
    await recordPost(workspaceId, postActivity(roomId, 11, alice));
    expect((await gateway.expect('activity')).state).toMatchObject({ lastPostSeq: 11, readSeq: 10 });
  });

  it('reading a channel you are not in is refused and changes nothing', async () => {
    const { workspaceId, roomId, open } = await setUp();
    await recordPost(workspaceId, postActivity(roomId, 2, alice));
    const { gateway, hello } = await open(carol);
    gateway.send({ type: 'read', channelId: roomId, seq: 2 });
    expect(await gateway.expect('error')).toMatchObject({ code: 'forbidden' });
    gateway.send({ type: 'read', channelId: 'abcdefghijklmnop', seq: 2 });
    expect(await gateway.expect('error')).toMatchObject({ code: 'not_found' });
    await gateway.expectQuiet();
    expect((await open(carol)).hello.channels).toEqual(hello.channels);
    // Joining later starts from the channel's newest post, not from that refused read.
    await as(carol, 'POST', `/api/workspaces/${workspaceId}/channels/${roomId}/members`);
    expect(await gateway.expect('channels-changed')).toBeTruthy();
    expect((await gateway.expect('state')).state).toEqual(state(roomId, { lastPostSeq: 2, lastPostAt: expect.any(Number), readSeq: 2 }));
  });
});

describe('recording posts', () => {
  it('a repeated report changes nothing and tells no one again', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway } = await open(bob);
    const post = postActivity(roomId, 3, alice, { broadcasts: ['channel'] });
    await recordPost(workspaceId, post);
    expect((await gateway.expect('activity')).state.mentionCount).toBe(1);
    await recordPost(workspaceId, post);
    await recordPost(workspaceId, { ...post, body: 'a different body', mentionedUserIds: [bob.account.id] });
    await gateway.expectQuiet();
    expect((await open(bob)).hello.channels.find((c) => c.channelId === roomId)?.mentionCount).toBe(1);
  });

  it('posts reported out of order each count once; the newest stays the last post', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway } = await open(bob);
    await recordPost(workspaceId, postActivity(roomId, 8, alice, { createdAt: 800 }));
    expect((await gateway.expect('activity')).state).toMatchObject({ lastPostSeq: 8, lastPostAt: 800 });
    await recordPost(workspaceId, postActivity(roomId, 7, alice, { createdAt: 700, mentionedUserIds: [bob.account.id] }));
    const late = await gateway.expect('activity');
    expect(late.event).toMatchObject({ seq: 7, mentionsYou: true });
    expect(late.state).toMatchObject({ lastPostSeq: 8, lastPostAt: 800, mentionCount: 1 });
  });

  it('a late post that mentions you, older than what you have read, is not a new mention', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway } = await open(bob);
    await recordPost(workspaceId, postActivity(roomId, 9, alice));
    await gateway.expect('activity');
    gateway.send({ type: 'read', channelId: roomId, seq: 9 });
    await gateway.expect('state');
    await recordPost(workspaceId, postActivity(roomId, 8, alice, { mentionedUserIds: [bob.account.id] }));
    expect((await gateway.expect('activity')).state).toMatchObject({ readSeq: 9, mentionCount: 0 });
  });

  it('a post in a channel the workspace does not have is ignored', async () => {
    const { workspaceId, open } = await setUp();
    const { gateway } = await open(bob);
    await recordPost(workspaceId, postActivity('abcdefghijklmnop', 1, alice, { broadcasts: ['everyone'] }));
    await gateway.expectQuiet();
  });

  it('posting marks the channel read for its author, up to that post', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway } = await open(bob);
    await recordPost(workspaceId, postActivity(roomId, 1, alice, { mentionedUserIds: [bob.account.id] }));
    await gateway.expect('activity');
    await recordPost(workspaceId, postActivity(roomId, 2, bob));
    expect((await gateway.expect('activity')).state).toMatchObject({ lastPostSeq: 2, readSeq: 2, mentionCount: 0 });
  });
});

describe('mentions', () => {
  it('@name marks the named channel members only: not the author, not people outside the channel', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway: aliceGateway } = await open(alice);
    const { gateway: bobGateway } = await open(bob);
    const { gateway: carolGateway } = await open(carol);
    const mentionedUserIds = [alice.account.id, bob.account.id, carol.account.id, dave.account.id];
    await recordPost(workspaceId, postActivity(roomId, 1, alice, { mentionedUserIds }));
    expect(await bobGateway.expect('activity')).toMatchObject({ event: { mentionsYou: true }, state: { mentionCount: 1 } });
    expect(await aliceGateway.expect('activity')).toMatchObject({ event: { mentionsYou: false }, state: { mentionCount: 0 } });
    await carolGateway.expectQuiet();
  });

  it.each(['channel', 'everyone'] as const)('@%s marks every member of the channel but the author', async (broadcast) => {
    const { workspaceId, generalChannelId, open } = await setUp();
    const gateways = [await open(alice), await open(bob), await open(carol)].map((g) => g.gateway);
    await recordPost(workspaceId, postActivity(generalChannelId, 1, carol, { broadcasts: [broadcast] }));
    const [toAlice, toBob, toCarol] = await Promise.all(gateways.map((g) => g.expect('activity')));
    expect([toAlice, toBob, toCarol].map((f) => f.event.mentionsYou)).toEqual([true, true, false]);
    expect([toAlice, toBob, toCarol].map((f) => f.state.mentionCount)).toEqual([1, 1, 0]);
  });

  it('@here marks the members online now: not those offline', async () => {
    const { workspaceId, generalChannelId, open } = await setUp();
    const { gateway } = await open(bob);
    await recordPost(workspaceId, postActivity(generalChannelId, 1, carol, { broadcasts: ['here'] }));
    expect((await gateway.expect('activity')).event.mentionsYou).toBe(true);
    const { hello } = await open(alice);
    expect(hello.channels.find((c) => c.channelId === generalChannelId)).toMatchObject({ lastPostSeq: 1, mentionCount: 0 });
  });

  it('a thread-only reply does not make the channel unread, but a mention in it counts and can be read', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway } = await open(bob);
    await recordPost(workspaceId, postActivity(roomId, 1, alice));
    await gateway.expect('activity');
    gateway.send({ type: 'read', channelId: roomId, seq: 1 });
    await gateway.expect('state');

    await recordPost(workspaceId, postActivity(roomId, 2, alice, { threadRoot: 1, inChannel: false, mentionedUserIds: [bob.account.id] }));
    const reply = await gateway.expect('activity');
    expect(reply.event).toMatchObject({ seq: 2, threadRoot: 1, mentionsYou: true });
    expect(reply.state).toMatchObject({ lastPostSeq: 1, readSeq: 1, mentionCount: 1 });
    gateway.send({ type: 'read', channelId: roomId, seq: 2 });
    expect((await gateway.expect('state')).state).toMatchObject({ lastPostSeq: 1, readSeq: 2, mentionCount: 0 });

    // Also sent to the channel, a reply is a channel post.
    await recordPost(workspaceId, postActivity(roomId, 3, alice, { threadRoot: 1, inChannel: true }));
    expect((await gateway.expect('activity')).state).toMatchObject({ lastPostSeq: 3, readSeq: 2 });
  });

  it('a deleted post no longer mentions anyone; those it mentioned get their new state', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway: aliceGateway } = await open(alice);
    const { gateway: bobGateway } = await open(bob);
    await recordPost(workspaceId, postActivity(roomId, 1, alice, { mentionedUserIds: [bob.account.id] }));
    await recordPost(workspaceId, postActivity(roomId, 2, alice, { mentionedUserIds: [bob.account.id] }));
    for (const _ of [1, 2]) {
      await bobGateway.expect('activity');
      await aliceGateway.expect('activity');
    }
    await workspaceStub(workspaceId).forgetPost(roomId, 1);
    expect((await bobGateway.expect('state')).state).toMatchObject({ mentionCount: 1 });
    await workspaceStub(workspaceId).forgetPost(roomId, 1);
    await aliceGateway.expectQuiet();
    await bobGateway.expectQuiet();
  });

  it('a post reported after its deletion is ignored', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway } = await open(bob);
    await workspaceStub(workspaceId).forgetPost(roomId, 4);
    await recordPost(workspaceId, postActivity(roomId, 4, alice, { mentionedUserIds: [bob.account.id] }));
    await gateway.expectQuiet();
  });
});

describe('members only (invariant 3)', () => {
  it('a workspace member outside the channel hears nothing of its posts, reads, mentions or deletions', async () => {
    const { workspaceId, roomId, open } = await setUp();
    const { gateway: bobGateway } = await open(bob);
    // Carol's gateway drops nothing: it must stay silent.
    const { gateway: carolGateway, hello } = await gateways.open(carol, workspaceId);
    expect(hello.channels.map((c) => c.channelId)).not.toContain(roomId);

    await recordPost(workspaceId, postActivity(roomId, 1, alice, { broadcasts: ['everyone', 'here'], mentionedUserIds: [carol.account.id] }));
    await bobGateway.expect('activity');
    bobGateway.send({ type: 'read', channelId: roomId, seq: 1 });
    await bobGateway.expect('state');
    await workspaceStub(workspaceId).forgetPost(roomId, 1);
    await as(bob, 'PUT', `/api/workspaces/${workspaceId}/channels/${roomId}/notifications`, { muted: true });
    await bobGateway.expect('state');
    await carolGateway.expectQuiet();
  });

  it("someone outside the workspace hears nothing, even with a gateway open to a workspace of their own", async () => {
    const { workspaceId, roomId, generalChannelId } = await setUp();
    const own = await workspaceWith(dave);
    const { gateway } = await gateways.open(dave, own.workspaceId);
    await recordPost(workspaceId, postActivity(roomId, 1, alice, { mentionedUserIds: [dave.account.id] }));
    await recordPost(workspaceId, postActivity(generalChannelId, 1, alice, { broadcasts: ['everyone'] }));
    await createChannel(alice, workspaceId, 'elsewhere');
    await gateway.expectQuiet();
  });
});

describe('the channel list', () => {
  it('creating a channel tells everyone to refetch the list; the creator gets its state', async () => {
    const { workspaceId, open } = await setUp();
    const { gateway: aliceGateway } = await open(alice);
    const { gateway: carolGateway } = await open(carol);
    const created = await createChannel(carol, workspaceId, 'new-one');
    expect(await aliceGateway.expect('channels-changed')).toEqual({ type: 'channels-changed' });
    await aliceGateway.expectQuiet();
    await carolGateway.expect('channels-changed');
    expect(await carolGateway.expect('state')).toEqual({ type: 'state', state: state(created, {}) });
  });

  it('joining tells everyone; joining again tells no one', async () => {
    const { workspaceId, roomId, open } = await setUp();
    await recordPost(workspaceId, postActivity(roomId, 5, alice, { createdAt: 500 }));
    await recordPost(workspaceId, postActivity(roomId, 6, alice, { threadRoot: 5, inChannel: false }));
    const { gateway: aliceGateway } = await open(alice);
    const { gateway: carolGateway } = await open(carol);
    const path = `/api/workspaces/${workspaceId}/channels/${roomId}/members`;
    await as(carol, 'POST', path);
    await aliceGateway.expect('channels-changed');
    await carolGateway.expect('channels-changed');
    // Nothing from before joining is unread, thread replies included.
    expect((await carolGateway.expect('state')).state).toEqual(state(roomId, { lastPostSeq: 5, lastPostAt: 500, readSeq: 6 }));
    await as(carol, 'POST', path);
    await aliceGateway.expectQuiet();
    await carolGateway.expectQuiet();
  });

  it('a new member joining through an invite changes the list for everyone', async () => {
    const { workspaceId, open } = await setUp();
    const { gateway } = await open(bob);
    const invite = (await as(alice, 'POST', `/api/workspaces/${workspaceId}/invites`, { maxUses: 1 })).body.invite;
    expect((await as(dave, 'POST', `/api/invites/${invite.code}/redemptions`)).status).toBe(200);
    expect((await gateway.expect('member')).member).toMatchObject({ userId: dave.account.id, role: 'member' });
    await gateway.expect('channels-changed');
    await gateway.expectQuiet();
  });
});
