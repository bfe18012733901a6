import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import type { Message, ThreadPage } from '../../src/shared/model';
import {
  as,
  channelPath,
  channelRoom,
  type ChannelSocket,
  channelStub,
  expectError,
  history,
  newClientId,
  nextMessages,
  signUp,
  type User,
} from './helpers';

let alice: User; // owner
let bob: User;
let carol: User;
let dave: User;
let erin: User;
let frank: User;
const room = channelRoom('threads', async () => {
  alice = await signUp('alice');
  [bob, carol, dave, erin, frank] = await Promise.all(['bob', 'carol', 'dave', 'erin', 'frank'].map((name) => signUp(name)));
  return { owner: alice, members: [bob, carol, dave, erin, frank] };
});

/** Posts into a thread and reads the sender's ack, the reply and the root's update, in that order. */
async function reply(socket: ChannelSocket, rootSeq: number, body: string, extra: Record<string, unknown> = {}) {
  const clientId = newClientId();
  socket.send({ type: 'send', clientId, body, threadRoot: rootSeq, ...extra });
  const ack = await socket.expect('ack');
  const [message, root] = await nextMessages(socket, 2);
  expect(message.seq).toBe(ack.seq);
  return { reply: message, root };
}

function threadOf(user: User, seq: number) {
  return as(user, 'GET', channelPath(room.workspaceId, room.channelId, `messages/${seq}/thread`));
}

describe('replying in a thread', () => {
  it('everyone gets the reply, then its root with the new summary; each takes its own sequence number', async () => {
    const bobs = await room.connect(bob);
    const alices = await room.connect(alice);
    const root = await bobs.post('Who moved the pallet jack?');
    await alices.expect('message');

    const first = await reply(alices, root.seq, 'I did, it is by dock 3');
    expect(first.reply).toMatchObject({ seq: root.seq + 1, updatedSeq: root.seq + 1, threadRoot: root.seq, alsoInChannel: false, thread: null });
    expect(first.root).toMatchObject({
      seq: root.seq,
      updatedSeq: root.seq + 2,
      body: 'Who moved the pallet jack?',
      thread: { replyCount: 1, lastReplyAt: first.reply.createdAt, participants: [{ id: alice.account.id, name: 'alice' }] },
    });
    expect(await nextMessages(bobs, 2)).toEqual([first.reply, first.root]);

    const second = await reply(bobs, root.seq, 'thanks');
    expect(second.reply.seq).toBe(root.seq + 3);
    expect(second.root.thread).toEqual({
      replyCount: 2,
      lastReplyAt: second.reply.createdAt,
      participants: [
        { id: bob.account.id, name: 'bob' },
        { id: alice.account.id, name: 'alice' },
      ],
    });

    // The channel's last event is the root's update, so the next post follows it.
    const { socket: carols, hello } = await room.open(carol);
    expect(hello.lastSeq).toBe(second.root.updatedSeq);
    expect((await bobs.post('next topic')).seq).toBe(second.root.updatedSeq + 1);
  });

  it('names the five most recent repliers, newest first, each once', async () => {
    const root = await (await room.connect(alice)).post('Lunch order thread');
    let latest: Message = root;
    for (const user of [bob, carol, dave, erin, frank, alice, carol]) {
      const socket = await room.connect(user, `after=${latest.updatedSeq}`);
      latest = (await reply(socket, root.seq, `count me in (${user.account.username})`)).root;
      socket.close();
    }
    expect(latest.thread!.replyCount).toBe(7);
    expect(latest.thread!.participants.map((p) => p.name)).toEqual(['carol', 'alice', 'frank', 'erin', 'dave']);
  });

  it('a retried reply is stored once and counted once', async () => {
    const socket = await room.connect(bob);
    const root = await socket.post('root');
    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'reply', threadRoot: root.seq });
    const ack = await socket.expect('ack');
    const [, counted] = await nextMessages(socket, 2);

    socket.send({ type: 'send', clientId, body: 'reply', threadRoot: root.seq });
    expect(await socket.expect('ack')).toEqual(ack);
    expect((await socket.expect('message')).message.seq).toBe(ack.seq);
    await socket.expectQuiet();
    const page = (await threadOf(bob, root.seq)).body as ThreadPage;
    expect(page.replies).toHaveLength(1);
    expect(page.root).toEqual(counted);
  });
});

describe('what the channel shows', () => {
  it('history leaves out thread-only replies and keeps replies also sent to the channel', async () => {
    const socket = await room.connect(bob);
    const root = await socket.post('root');
    const hidden = await reply(socket, root.seq, 'only in the thread');
    const shown = await reply(socket, root.seq, 'in the thread and the channel', { alsoToChannel: true });
    expect(shown.reply.alsoInChannel).toBe(true);
    const after = await socket.post('after');

    const page = await history(alice, room.workspaceId, room.channelId);
    expect(page.messages.map((m) => m.seq)).toEqual([root.seq, shown.reply.seq, after.seq]);
    expect(page.messages[0]).toEqual(shown.root);
    expect(page.lastSeq).toBe(after.seq);

    // A single message, pins and resume still include thread-only replies.
    const single = await as(alice, 'GET', channelPath(room.workspaceId, room.channelId, `messages/${hidden.reply.seq}`));
    expect(single.body).toEqual({ message: hidden.reply });
    socket.send({ type: 'pin', seq: hidden.reply.seq, pinned: true });
    await socket.expect('message');
    const pins = await as(alice, 'GET', channelPath(room.workspaceId, room.channelId, 'pins'));
    expect(pins.body.messages.map((m: Message) => m.seq)).toEqual([hidden.reply.seq]);
  });

  it('history pages count only what the channel shows', async () => {
    const socket = await room.connect(bob);
    const root = await socket.post('root');
    for (let i = 0; i < 3; i++) await reply(socket, root.seq, `reply ${i}`);
    const before = await socket.post('before');
    const page = await history(bob, room.workspaceId, room.channelId, `limit=1&before=${before.seq}`);
    expect(page.messages.map((m) => m.seq)).toEqual([root.seq]);
    expect(page.hasMore).toBe(false);
  });
});

describe('the thread route', () => {
  it('returns the root and its replies oldest first, with the last sequence', async () => {
    const bobs = await room.connect(bob);
    const carols = await room.connect(carol);
    const root = await bobs.post('Forklift inspection on Friday');
    await carols.expect('message');
    const one = await reply(carols, root.seq, 'which one?');
    await nextMessages(bobs, 2);
    const two = await reply(bobs, root.seq, 'all of them', { alsoToChannel: true });
    await nextMessages(carols, 2);
    await carols.post('unrelated');

    const result = await threadOf(alice, root.seq);
    expect(result.status).toBe(200);
    const page = result.body as ThreadPage;
    expect(page.root).toEqual(two.root);
    expect(page.replies).toEqual([one.reply, two.reply]);
    expect(page.lastSeq).toBe(two.root.updatedSeq + 1);
  });

  it(`a long thread returns its newest ${LIMITS.threadRepliesMax} replies, oldest first`, async () => {
    const socket = await room.connect(bob);
    const root = await socket.post('a busy thread');
    const count = LIMITS.threadRepliesMax + 1;
    await runInDurableObject(channelStub(room.channelId), (_instance, state) => {
      state.storage.sql.exec(
        `insert into messages (seq, updated_seq, client_id, author_id, author_name, body, created_at, thread_root)
         with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
         select ? + i, ? + i, 'bulk-' || i, 'someone', 'someone', 'reply ' || i, 0, ? from n`,
        count,
        root.seq,
        root.seq,
        root.seq,
      );
    });
    const page = (await threadOf(bob, root.seq)).body as ThreadPage;
    expect(page.replies).toHaveLength(LIMITS.threadRepliesMax);
    expect(page.replies[0].body).toBe('reply 2');
    expect(page.replies.at(-1)!.body).toBe(`reply ${count}`);
  });

  it('a message without replies is a thread of its own with none', async () => {
    const socket = await room.connect(bob);
    const lonely = await socket.post('anyone?');
    expect((await threadOf(bob, lonely.seq)).body).toEqual({ root: lonely, replies: [], lastSeq: lonely.seq });
  });

  it('the thread of a reply is not found and says to open its root', async () => {
    const socket = await room.connect(bob);
    const root = await socket.post('root');
    const { reply: child } = await reply(socket, root.seq, 'child');
    const result = await threadOf(bob, child.seq);
    expectError(result, 404, 'not_found');
    expect(result.body.error.message).toBe('That message is a thread reply; open its root');
  });

  it('an unknown message, or a seq that cannot be one, is not found', async () => {
    expectError(await threadOf(bob, 4242), 404, 'not_found');
    expectError(await threadOf(bob, 0), 404, 'not_found');
  });

  it('is not found for someone outside the workspace', async () => {
    const socket = await room.connect(bob);
    const root = await socket.post('members only');
    await reply(socket, root.seq, 'secret reply');
    const outsider = await signUp('outsider');
    const result = await threadOf(outsider, root.seq);
    expect(result.status).toBe(404);
    expect(JSON.stringify(result.body)).not.toContain('secret');
  });
});

describe('refused replies', () => {
  it('a reply to a reply, a deleted root or no message at all is refused and stores nothing', async () => {
    const socket = await room.connect(bob);
    const root = await socket.post('root');
    const { reply: child, root: counted } = await reply(socket, root.seq, 'child');
    const gone = await socket.post('soon gone');
    socket.send({ type: 'delete', seq: gone.seq });
    const deleted = (await socket.expect('message')).message;

    const attempts: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ threadRoot: child.seq }, 'bad_request', new RegExp(`thread of message ${root.seq}`)],
      [{ threadRoot: gone.seq }, 'not_found', /No such message/],
      [{ threadRoot: 4242 }, 'not_found', /No such message/],
      [{ alsoToChannel: true }, 'bad_request', /threadRoot/],
      [{ threadRoot: 0 }, 'bad_request', /threadRoot/],
      [{ threadRoot: root.seq, alsoToChannel: 'yes' }, 'bad_request', /alsoToChannel/],
    ];
    for (const [extra, code, message] of attempts) {
      const clientId = newClientId();
      socket.send({ type: 'send', clientId, body: 'refused', ...extra });
      const error = await socket.expect('error');
      expect(error, JSON.stringify(extra)).toMatchObject({ code, clientId });
      expect(error.message).toMatch(message);
    }
    await socket.expectQuiet();
    const page = (await threadOf(bob, root.seq)).body as ThreadPage;
    expect(page).toEqual({ root: counted, replies: [child], lastSeq: deleted.updatedSeq });
  });
});

describe('deleting in a thread', () => {
  it('deleting a root leaves its replies; the thread still opens and takes no new replies', async () => {
    const bobs = await room.connect(bob);
    const root = await bobs.post('root to delete');
    const { reply: child } = await reply(bobs, root.seq, 'stays');
    bobs.send({ type: 'delete', seq: root.seq });
    const tombstone = (await bobs.expect('message')).message;
    expect(tombstone).toMatchObject({ seq: root.seq, body: '', deletedAt: expect.any(Number), thread: { replyCount: 1 } });
    await bobs.expectQuiet();

    const page = (await threadOf(alice, root.seq)).body as ThreadPage;
    expect(page.root).toEqual(tombstone);
    expect(page.replies).toEqual([child]);
    bobs.send({ type: 'send', clientId: newClientId(), body: 'too late', threadRoot: root.seq });
    expect((await bobs.expect('error')).code).toBe('not_found');
  });

  it('deleting a reply takes it out of its root summary, and the root change follows the delete', async () => {
    const bobs = await room.connect(bob);
    const alices = await room.connect(alice);
    const root = await bobs.post('root');
    await alices.expect('message');
    const first = await reply(bobs, root.seq, 'first');
    await nextMessages(alices, 2);
    const second = await reply(alices, root.seq, 'second');
    await nextMessages(bobs, 2);

    alices.send({ type: 'delete', seq: second.reply.seq });
    for (const socket of [alices, bobs]) {
      const [deleted, rootNow] = await nextMessages(socket, 2);
      expect(deleted).toMatchObject({ seq: second.reply.seq, updatedSeq: second.root.updatedSeq + 1, deletedAt: expect.any(Number) });
      expect(rootNow).toMatchObject({
        seq: root.seq,
        updatedSeq: second.root.updatedSeq + 2,
        thread: { replyCount: 1, lastReplyAt: first.reply.createdAt, participants: [{ id: bob.account.id, name: 'bob' }] },
      });
    }

    bobs.send({ type: 'delete', seq: first.reply.seq });
    const [, emptied] = await nextMessages(bobs, 2);
    expect(emptied.thread).toBeNull();
  });
});

describe('resuming', () => {
  it('a client that reconnects after N gets the replies and their root, each once, in sequence order', async () => {
    const bobs = await room.connect(bob);
    const root = await bobs.post('root');
    const seen = root.updatedSeq;
    const one = await reply(bobs, root.seq, 'one');
    const two = await reply(bobs, root.seq, 'two');

    const { socket, hello } = await room.open(carol, `after=${seen}`);
    expect(hello.lastSeq).toBe(two.root.updatedSeq);
    const replayed = await nextMessages(socket, 3);
    expect(replayed).toEqual([one.reply, two.reply, two.root]);
    expect(replayed.map((m) => m.updatedSeq)).toEqual([seen + 1, seen + 3, seen + 4]);
    await socket.expectQuiet();

    // Resuming between a reply and its root's update still gets the root.
    const { socket: between } = await room.open(carol, `after=${two.reply.seq}`);
    expect(await nextMessages(between, 1)).toEqual([two.root]);
    await between.expectQuiet();
  });
});
