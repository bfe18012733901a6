/** End to end: what is posted and deleted on a real channel socket reaches the members' gateways, and only theirs. */
import { beforeAll, expect, it } from 'vitest';
import { channelWith, closeSocketsAfterEach, newClientId, openSocket, signUp, type ChannelSocket, type User, workspaceWith } from './helpers';
import { gatewaysClosedAfterEach } from './gateway-helpers';

let alice: User;
let bob: User;
let carol: User;
const gateways = gatewaysClosedAfterEach();
const track = closeSocketsAfterEach();

beforeAll(async () => {
  alice = await signUp('alice', { displayName: 'Alice A.' });
  bob = await signUp('bob');
  carol = await signUp('carol');
});

/** #room of alice and bob in a workspace with carol too; alice's channel socket on it and everyone's gateway. */
async function setUp() {
  const { workspaceId } = await workspaceWith(alice, bob, carol);
  const roomId = await channelWith(workspaceId, 'room', alice, bob);
  const ignore = { ignore: ['presence' as const] };
  const aliceGateway = (await gateways.open(alice, workspaceId, ignore)).gateway;
  const bobGateway = (await gateways.open(bob, workspaceId, ignore)).gateway;
  const carolGateway = (await gateways.open(carol, workspaceId, ignore)).gateway;
  const channel = track((await openSocket(alice, workspaceId, roomId)).socket);
  return { workspaceId, roomId, channel, aliceGateway, bobGateway, carolGateway };
}

/** Sends on the channel socket and returns the ack, passing over the message frames the channel sends around it. */
async function send(channel: ChannelSocket, frame: Record<string, unknown>) {
  const clientId = newClientId();
  channel.send({ type: 'send', clientId, ...frame });
  for (;;) {
    const next = await channel.next();
    if (next.type === 'ack' && next.clientId === clientId) return next;
  }
}

it('a message mentioning @bob reaches the members’ gateways with a preview; bob’s as a mention', async () => {
  const { roomId, channel, aliceGateway, bobGateway, carolGateway } = await setUp();
  const message = await channel.post('hello @bob, see the plan');

  const toBob = await bobGateway.expect('activity');
  expect(toBob.event).toEqual({
    channelId: roomId,
    seq: message.seq,
    authorId: alice.account.id,
    authorName: 'Alice A.',
    preview: 'hello @bob, see the plan',
    threadRoot: null,
    mentionsYou: true,
  });
  expect(toBob.state).toMatchObject({ lastPostSeq: message.seq, lastPostAt: message.createdAt, readSeq: 0, mentionCount: 1 });
  const toAlice = await aliceGateway.expect('activity');
  expect(toAlice.event.mentionsYou).toBe(false);
  expect(toAlice.state).toMatchObject({ readSeq: message.seq, mentionCount: 0 });
  await carolGateway.expectQuiet();
});

it('deleting the message takes the mention back', async () => {
  const { channel, bobGateway, aliceGateway, carolGateway } = await setUp();
  const message = await channel.post('@bob look');
  expect((await bobGateway.expect('activity')).state.mentionCount).toBe(1);
  await aliceGateway.expect('activity');

  channel.send({ type: 'delete', seq: message.seq });
  await channel.expect('message');
  expect((await bobGateway.expect('state')).state.mentionCount).toBe(0);
  await aliceGateway.expectQuiet();
  await carolGateway.expectQuiet();
});

it('a thread reply leaves the channel read but counts its mention; sent to the channel too, it is unread', async () => {
  const { roomId, channel, bobGateway, carolGateway } = await setUp();
  const root = await channel.post('a root');
  const first = await bobGateway.expect('activity');
  bobGateway.send({ type: 'read', channelId: roomId, seq: root.seq });
  expect((await bobGateway.expect('state')).state).toMatchObject({ readSeq: root.seq, lastPostSeq: root.seq });

  await send(channel, { body: 'in the thread, @bob', threadRoot: root.seq });
  const reply = await bobGateway.expect('activity');
  expect(reply.event).toMatchObject({ threadRoot: root.seq, mentionsYou: true });
  expect(reply.state).toMatchObject({ lastPostSeq: first.state.lastPostSeq, readSeq: root.seq, mentionCount: 1 });

  const { seq } = await send(channel, { body: 'for everyone', threadRoot: root.seq, alsoToChannel: true });
  const shown = await bobGateway.expect('activity');
  expect(shown.state).toMatchObject({ lastPostSeq: seq, readSeq: root.seq });
  await carolGateway.expectQuiet();
});
