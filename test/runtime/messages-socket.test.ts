import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import {
  as,
  channelRoom,
  ChannelSocket,
  channelStub,
  expectError,
  fetchWorker,
  history,
  newClientId,
  ORIGIN,
  PASSWORD,
  requestSocket,
  signIn,
  signUp,
  socketPath,
  type User,
} from './helpers';

let alice: User;
let bob: User;
/** Each test has a new channel both people are in, so its sequence numbers start at 1. */
const room = channelRoom('room', async () => {
  alice = await signUp('alice', { displayName: 'Alice A.' });
  bob = await signUp('bob');
  return { owner: alice, members: [bob] };
});

describe('connecting', () => {
  it('the first frame is hello with the protocol, the channel and its last sequence', async () => {
    const { hello, socket } = await room.open(alice);
    expect(hello).toEqual({ type: 'hello', protocol: PROTOCOL_VERSION, channelId: room.channelId, lastSeq: 0 });
    await socket.expectQuiet();
  });

  it('answers a bare ping with pong', async () => {
    const { socket } = await room.open(alice);
    socket.send('ping');
    expect(await socket.next()).toEqual({ type: 'text', data: 'pong' });
  });

  it('refuses a protocol version it does not speak, saying so before closing', async () => {
    const response = await requestSocket(alice, room.workspaceId, room.channelId, `protocol=${PROTOCOL_VERSION + 1}`);
    expect(response.status).toBe(101);
    const socket = room.track(new ChannelSocket(response.webSocket!));
    expect(await socket.expect('error')).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/reload/) });
    expect(await socket.closed()).toBe(4400);
  });

  it('in a browser with several accounts, ?account= picks who the socket acts as', async () => {
    // Bob signed in last, so without ?account= the socket would act as him.
    const both = await signIn('bob', PASSWORD, alice.cookie);
    const response = await fetchWorker(
      new Request(new URL(socketPath(room.workspaceId, room.channelId, `account=${alice.account.id}`), ORIGIN), {
        headers: { Upgrade: 'websocket', Cookie: both.cookie, Origin: ORIGIN },
      }),
    );
    expect(response.status).toBe(101);
    const socket = room.track(new ChannelSocket(response.webSocket!));
    await socket.expect('hello');
    expect((await socket.post('which one am I?')).authorId).toBe(alice.account.id);
  });

  it('a request without the upgrade is refused with JSON', async () => {
    const result = await as(alice, 'GET', `/api/workspaces/${room.workspaceId}/channels/${room.channelId}/socket`);
    expectError(result, 400, 'bad_request');
  });

  it.each(['after=-1', 'after=abc', 'protocol=0'])('a bad query (%s) is refused with 400 before upgrading', async (query) => {
    const response = await requestSocket(alice, room.workspaceId, room.channelId, query);
    expect(response.status).toBe(400);
    expect(response.webSocket).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });
});

describe('sending', () => {
  it('acknowledges a message only once it is stored, then delivers it to the sender too', async () => {
    const { socket } = await room.open(alice);
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'hello, world' });

    const ack = await socket.expect('ack');
    expect(ack).toEqual({ type: 'ack', clientId, seq: 1 });
    // Acknowledged means stored: it survives the object being torn down right away.
    await evictDurableObject(channelStub(room.channelId));
    const page = await history(alice, room.workspaceId, room.channelId);
    expect(page.messages).toEqual([
      {
        seq: 1,
        updatedSeq: 1,
        clientId,
        authorId: alice.account.id,
        authorName: 'Alice A.',
        body: 'hello, world',
        createdAt: expect.any(Number),
        editedAt: null,
        deletedAt: null,
        replyTo: null,
        pinnedAt: null,
        pinnedBy: null,
        threadRoot: null,
        alsoInChannel: false,
        thread: null,
        reactions: [],
        mentions: [],
        broadcasts: [],
        system: null,
        attachments: [],
      },
    ]);

    const { message } = await socket.expect('message');
    expect(message).toEqual(page.messages[0]);
  });

  it('the server sets the author; nothing the client adds to a frame is kept', async () => {
    const { socket } = await room.open(bob);
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'as myself', authorId: alice.account.id, authorName: 'Alice A.', seq: 99 });
    await socket.expect('ack');
    const { message } = await socket.expect('message');
    expect(message).toMatchObject({ seq: 1, authorId: bob.account.id, authorName: 'bob', body: 'as myself' });
  });

  it('broadcasts a message to every socket on the channel', async () => {
    const { socket: sender } = await room.open(alice);
    const { socket: reader } = await room.open(bob);
    const { socket: readerTab2 } = await room.open(bob);

    const sent = await sender.post('to everyone');
    expect((await reader.expect('message')).message).toEqual(sent);
    expect((await readerTab2.expect('message')).message).toEqual(sent);
    // Readers get the message but not the sender's ack.
    await reader.expectQuiet();
  });

  it('does not deliver to sockets of other channels', async () => {
    const otherChannel = room.channelId;
    const { socket: elsewhere } = await room.open(bob);
    await room.newChannel();
    const { socket: sender } = await room.open(alice);
    await sender.post('only here');
    await elsewhere.expectQuiet();
    expect((await history(bob, room.workspaceId, otherChannel)).messages).toEqual([]);
  });

  it('many sends are stored, acknowledged and delivered in the order they were sent', async () => {
    const { socket: sender } = await room.open(alice);
    const { socket: reader } = await room.open(bob);
    const sent = Array.from({ length: 40 }, (_, i) => ({ clientId: newClientId(), body: `message ${i}` }));
    for (const { clientId, body } of sent) sender.send({ type: 'send', clientId, body });

    const acks: { clientId: string; seq: number }[] = [];
    while (acks.length < sent.length) {
      const frame = await sender.next();
      if (frame.type === 'ack') acks.push({ clientId: frame.clientId, seq: frame.seq });
      else expect(frame.type).toBe('message');
    }
    expect(acks).toEqual(sent.map((s, i) => ({ clientId: s.clientId, seq: i + 1 })));

    const received = [];
    for (let i = 0; i < sent.length; i++) received.push((await reader.expect('message')).message);
    expect(received.map((m) => [m.seq, m.body])).toEqual(sent.map((s, i) => [i + 1, s.body]));
    expect((await history(alice, room.workspaceId, room.channelId, 'limit=200')).messages.map((m) => m.body)).toEqual(sent.map((s) => s.body));
  });

  it('a retried send is stored once', async () => {
    const { socket: sender } = await room.open(alice);
    const { socket: reader } = await room.open(bob);
    const clientId = newClientId();

    const first = await sender.post('exactly once', clientId);
    // The retry (say, after a reconnect) is acknowledged with the original sequence...
    const retry = await sender.post('exactly once', clientId);
    expect(retry).toEqual(first);
    // ...even if the retried body differs, the stored message stays the first one.
    const changed = await sender.post('edited on retry', clientId);
    expect(changed).toEqual(first);

    expect((await reader.expect('message')).message).toEqual(first);
    await reader.expectQuiet();
    expect((await history(alice, room.workspaceId, room.channelId)).messages).toEqual([first]);
    expect((await sender.post('next one')).seq).toBe(2);
  });

  it('the same client id from two people is two messages', async () => {
    const { socket: a } = await room.open(alice);
    const { socket: b } = await room.open(bob);
    const clientId = newClientId();
    const fromAlice = await a.post('mine', clientId);
    await b.expect('message');
    const fromBob = await b.post('mine too', clientId);
    expect([fromAlice.seq, fromBob.seq]).toEqual([1, 2]);
    expect((await history(alice, room.workspaceId, room.channelId)).messages).toHaveLength(2);
  });

  it('a socket keeps working after the channel object is evicted', async () => {
    const { socket } = await room.open(alice);
    await socket.post('before');
    await evictDurableObject(channelStub(room.channelId));
    const after = await socket.post('after');
    expect(after.seq).toBe(2);
  });
});

describe('resuming', () => {
  it('?after=N replays exactly the messages after N, in order, after the hello', async () => {
    const { socket: sender } = await room.open(alice);
    const sent = [];
    for (let i = 1; i <= 7; i++) sent.push(await sender.post(`m${i}`));

    const { socket: resumed, hello } = await room.open(bob, 'after=3');
    expect(hello.lastSeq).toBe(7);
    const replayed = [];
    for (let i = 0; i < 4; i++) replayed.push((await resumed.expect('message')).message);
    expect(replayed).toEqual(sent.slice(3));
    await resumed.expectQuiet();

    // Live messages continue where the replay ended.
    const next = await sender.post('m8');
    expect((await resumed.expect('message')).message).toEqual(next);
  });

  it('the hello and the replay behind it arrive as one batch, in order', async () => {
    const { socket: sender } = await room.open(alice);
    const sent = [];
    for (let i = 1; i <= 5; i++) sent.push(await sender.post(`m${i}`));
    const { socket: resumed } = await room.open(bob, 'after=1');
    const replayed = [];
    for (let i = 0; i < 4; i++) replayed.push((await resumed.expect('message')).message);
    expect(replayed).toEqual(sent.slice(1));
    expect(resumed.messagesReceived).toBe(1);
  });

  it('a client that is up to date gets only the hello', async () => {
    const { socket: sender } = await room.open(alice);
    await sender.post('one');
    await sender.post('two');
    const { socket, hello } = await room.open(bob, 'after=2');
    expect(hello.lastSeq).toBe(2);
    await socket.expectQuiet();
  });

  it('a new client (after=0) gets the whole short history', async () => {
    const { socket: sender } = await room.open(alice);
    await sender.post('one');
    await sender.post('two');
    const { socket } = await room.open(bob);
    expect((await socket.expect('message')).message.body).toBe('one');
    expect((await socket.expect('message')).message.body).toBe('two');
    await socket.expectQuiet();
  });

  it('a client ahead of the server is told to resync', async () => {
    const { socket: sender } = await room.open(alice);
    await sender.post('one');
    const { socket } = await room.open(bob, 'after=5');
    expect(await socket.expect('resync')).toEqual({ type: 'resync', lastSeq: 1 });
    await socket.expectQuiet();
  });
});
