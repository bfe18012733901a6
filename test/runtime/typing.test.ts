import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import {
  as,
  channelRoom,
  createChannel,
  history,
  newClientId,
  nextMessages,
  openSocket,
  requestSocket,
  signUp,
  type User,
} from './helpers';

let alice: User;
let bob: User;
let carol: User; // in the workspace, not in the channel
const room = channelRoom('typing', async () => {
  alice = await signUp('alice', { displayName: 'Alice A.' });
  [bob, carol] = await Promise.all([signUp('bob'), signUp('carol')]);
  return { owner: alice, members: [bob, carol], joiners: [bob] };
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('typing', () => {
  it("reaches everyone else in the channel, never the typist's own sockets, and is not stored", async () => {
    const alicesLaptop = await room.connect(alice);
    const alicesPhone = await room.connect(alice);
    const bobs = await room.connect(bob);
    alicesLaptop.send({ type: 'typing' });
    expect(await bobs.next()).toEqual({ type: 'typing', userId: alice.account.id, name: 'Alice A.', threadRoot: null });
    await alicesLaptop.expectQuiet();
    await alicesPhone.expectQuiet(0);

    const page = await history(bob, room.workspaceId, room.channelId);
    expect(page).toEqual({ messages: [], hasMore: false, lastSeq: 0 });
  });

  it('names the thread when typing in one', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const root = await alices.post('root');
    await bobs.expect('message');
    bobs.send({ type: 'typing', threadRoot: root.seq });
    expect(await alices.next()).toEqual({ type: 'typing', userId: bob.account.id, name: 'bob', threadRoot: root.seq });
  });

  it('does not leave the channel: people elsewhere, and people not in it, hear nothing', async () => {
    const elsewhere = await createChannel(alice, room.workspaceId, 'elsewhere');
    await as(carol, 'POST', `/api/workspaces/${room.workspaceId}/channels/${elsewhere}/members`);
    const carols = room.track((await openSocket(carol, room.workspaceId, elsewhere)).socket);
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    bobs.send({ type: 'typing' });
    await alices.expect('typing');
    await carols.expectQuiet();
    // Not in the channel, carol cannot open its socket to begin with.
    expect((await requestSocket(carol, room.workspaceId, room.channelId)).status).not.toBe(101);
  });

  it(`repeats from one person within ${LIMITS.typingThrottleMs} ms are dropped; others still get through`, async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    bobs.send({ type: 'typing' });
    bobs.send({ type: 'typing' });
    bobs.send({ type: 'typing' });
    await alices.expect('typing');
    await alices.expectQuiet();

    alices.send({ type: 'typing' });
    await bobs.expect('typing');

    await pause(LIMITS.typingThrottleMs + 50);
    bobs.send({ type: 'typing' });
    expect(await alices.next()).toMatchObject({ type: 'typing', userId: bob.account.id });
  });

  it('a post ends the burst: typing the next message right away is relayed', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    bobs.send({ type: 'typing' });
    await alices.expect('typing');
    bobs.send({ type: 'send', clientId: newClientId(), body: 'first' });
    await alices.expect('message');
    bobs.send({ type: 'typing' });
    expect(await alices.next()).toMatchObject({ type: 'typing', userId: bob.account.id });
  });

  it('takes no sequence number: messages around it number on', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const first = await alices.post('one');
    await bobs.expect('message');
    bobs.send({ type: 'typing' });
    await alices.expect('typing');
    const second = await alices.post('two');
    expect(second.seq).toBe(first.seq + 1);
  });
});

describe('malformed typing', () => {
  it.each([
    ['a threadRoot that is not a number', { threadRoot: 'one' }],
    ['a threadRoot of zero', { threadRoot: 0 }],
    ['a fractional threadRoot', { threadRoot: 1.5 }],
  ])('%s gets an error naming no message, and nobody hears it', async (_what, extra) => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    bobs.send({ type: 'typing', ...extra });
    const error = await bobs.expect('error');
    expect(error).toEqual({ type: 'error', code: 'bad_request', message: expect.stringMatching(/^threadRoot:/) });
    await alices.expectQuiet();
  });

  it('typing in the thread of a message that is missing, or is a reply, is refused', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const root = await alices.post('root');
    alices.send({ type: 'send', clientId: newClientId(), body: 'reply', threadRoot: root.seq });
    await alices.expect('ack');
    const [reply] = await nextMessages(alices, 2);
    await nextMessages(bobs, 3);

    bobs.send({ type: 'typing', threadRoot: 4242 });
    expect(await bobs.expect('error')).toEqual({ type: 'error', code: 'not_found', message: expect.any(String) });
    bobs.send({ type: 'typing', threadRoot: reply.seq });
    expect(await bobs.expect('error')).toEqual({ type: 'error', code: 'bad_request', message: expect.stringContaining(`${root.seq}`) });
    await alices.expectQuiet();
  });
});
