import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import {
  as,
  channelPath,
  channelRoom,
  history,
  signUp,
  type User,
} from './helpers';

let alice: User; // owner
let bob: User; // member
let carol: User; // moderator
const room = channelRoom('changes', async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
  carol = await signUp('carol');
  return { owner: alice, members: [bob, carol] };
});

beforeAll(async () => {
  const promoted = await as(alice, 'PATCH', `/api/workspaces/${room.workspaceId}/members/${carol.account.id}`, { role: 'moderator' });
  expect(promoted.status).toBe(200);
});

describe('editing', () => {
  it('an edit reaches everyone with the next sequence number and keeps the earlier version', async () => {
    const mine = await room.connect(bob);
    const theirs = await room.connect(alice);
    const posted = await mine.post('teh report');
    await theirs.expect('message');

    mine.send({ type: 'edit', seq: posted.seq, body: 'the report' });
    const seen = [(await mine.expect('message')).message, (await theirs.expect('message')).message];
    for (const message of seen) {
      expect(message).toMatchObject({ seq: posted.seq, updatedSeq: posted.seq + 1, body: 'the report', deletedAt: null });
      expect(message.editedAt).toEqual(expect.any(Number));
    }
    const edits = await as(bob, 'GET', `/api/workspaces/${room.workspaceId}/channels/${room.channelId}/messages/${posted.seq}/edits`);
    expect(edits.body).toEqual({ edits: [{ body: 'teh report', replacedAt: expect.any(Number) }] });
  });

  it("editing someone else's message is refused and changes nothing, even for the owner", async () => {
    const bobs = await room.connect(bob);
    const posted = await bobs.post('mine');
    const owner = await room.connect(alice, `after=${posted.updatedSeq}`);
    owner.send({ type: 'edit', seq: posted.seq, body: 'hijacked' });
    const error = await owner.expect('error');
    expect(error).toMatchObject({ code: 'forbidden', seq: posted.seq });
    await bobs.expectQuiet(50);
    expect((await history(bob, room.workspaceId, room.channelId)).messages.map((m) => m.body)).toEqual(['mine']);
  });

  it('an edit of a message that does not exist is not found', async () => {
    const socket = await room.connect(bob);
    socket.send({ type: 'edit', seq: 4242, body: 'forged' });
    expect(await socket.expect('error')).toMatchObject({ code: 'not_found', seq: 4242 });
  });

  it('an edit is validated like a send', async () => {
    const socket = await room.connect(bob);
    const posted = await socket.post('short');
    for (const body of ['', '   ', 'x'.repeat(LIMITS.messageBodyMax + 1)]) {
      socket.send({ type: 'edit', seq: posted.seq, body });
      expect((await socket.expect('error')).code).toBe('bad_request');
    }
    socket.send({ type: 'edit', seq: -1, body: 'x' });
    expect((await socket.expect('error')).code).toBe('bad_request');
    expect((await history(bob, room.workspaceId, room.channelId)).messages[0].body).toBe('short');
  });
});

describe('deleting', () => {
  it('deleting your own message leaves a tombstone for everyone and erases its text and versions', async () => {
    const mine = await room.connect(bob);
    const theirs = await room.connect(alice);
    const posted = await mine.post('oops, wrong channel');
    await theirs.expect('message');
    mine.send({ type: 'edit', seq: posted.seq, body: 'oops, still wrong' });
    await mine.expect('message');
    await theirs.expect('message');

    mine.send({ type: 'delete', seq: posted.seq });
    for (const socket of [mine, theirs]) {
      const { message } = await socket.expect('message');
      expect(message).toMatchObject({ seq: posted.seq, updatedSeq: posted.seq + 2, body: '', deletedAt: expect.any(Number) });
    }
    const page = await history(alice, room.workspaceId, room.channelId);
    expect(page.messages).toHaveLength(1);
    expect(page.messages[0].body).toBe('');
    const edits = await as(bob, 'GET', `/api/workspaces/${room.workspaceId}/channels/${room.channelId}/messages/${posted.seq}/edits`);
    expect(edits.status).toBe(404);
  });

  it("a member cannot delete someone else's message", async () => {
    const alices = await room.connect(alice);
    const posted = await alices.post('keep me');
    const bobs = await room.connect(bob, `after=${posted.updatedSeq}`);
    bobs.send({ type: 'delete', seq: posted.seq });
    expect(await bobs.expect('error')).toMatchObject({ code: 'forbidden', seq: posted.seq });
    expect((await history(bob, room.workspaceId, room.channelId)).messages[0].body).toBe('keep me');
  });

  it("a moderator deletes anyone's message", async () => {
    const bobs = await room.connect(bob);
    const posted = await bobs.post('spam spam spam');
    const moderator = await room.connect(carol, `after=${posted.updatedSeq}`);
    moderator.send({ type: 'delete', seq: posted.seq });
    expect((await moderator.expect('message')).message.deletedAt).toEqual(expect.any(Number));
    expect((await bobs.expect('message')).message.body).toBe('');
  });

  it('a deleted message cannot be edited or deleted again', async () => {
    const socket = await room.connect(bob);
    const posted = await socket.post('gone soon');
    socket.send({ type: 'delete', seq: posted.seq });
    await socket.expect('message');
    socket.send({ type: 'edit', seq: posted.seq, body: 'back?' });
    expect((await socket.expect('error')).code).toBe('not_found');
    socket.send({ type: 'delete', seq: posted.seq });
    expect((await socket.expect('error')).code).toBe('not_found');
  });
});

describe('history', () => {
  it("a page says the channel's last event, so a client resumes after changes to older messages too", async () => {
    const socket = await room.connect(bob);
    const first = await socket.post('first');
    await socket.post('second');
    socket.send({ type: 'edit', seq: first.seq, body: 'first, edited' });
    await socket.expect('message');
    const page = await history(bob, room.workspaceId, room.channelId, 'before=2');
    expect(page.messages.map((m) => m.body)).toEqual(['first, edited']);
    expect(page.lastSeq).toBe(3);
  });
});

describe('resuming', () => {
  it('a client that reconnects after N gets each change after N once, in sequence order', async () => {
    const writer = await room.connect(bob);
    const first = await writer.post('one');
    const second = await writer.post('two');
    const seen = second.updatedSeq;

    writer.send({ type: 'edit', seq: first.seq, body: 'one, edited' });
    await writer.expect('message');
    const third = await writer.post('three');
    writer.send({ type: 'delete', seq: second.seq });
    await writer.expect('message');

    const { socket, hello } = await room.open(alice, `after=${seen}`);
    expect(hello.lastSeq).toBe(seen + 3);
    const replayed = [(await socket.expect('message')).message, (await socket.expect('message')).message, (await socket.expect('message')).message];
    expect(replayed.map((m) => [m.seq, m.updatedSeq, m.body])).toEqual([
      [first.seq, seen + 1, 'one, edited'],
      [third.seq, seen + 2, 'three'],
      [second.seq, seen + 3, ''],
    ]);
    await socket.expectQuiet(50);
  });
});

describe('replies', () => {
  it('a reply names the message it quotes, which anyone in the channel can fetch', async () => {
    const socket = await room.connect(bob);
    const parent = await socket.post('Who has the forklift key?');
    socket.send({ type: 'send', clientId: 'reply-000001', body: 'I do', replyTo: parent.seq });
    await socket.expect('ack');
    const { message } = await socket.expect('message');
    expect(message.replyTo).toBe(parent.seq);
    const fetched = await as(alice, 'GET', `/api/workspaces/${room.workspaceId}/channels/${room.channelId}/messages/${parent.seq}`);
    expect(fetched.body).toEqual({ message: parent });
  });

  it('a reply to a message that does not exist is refused and stores nothing', async () => {
    const socket = await room.connect(bob);
    socket.send({ type: 'send', clientId: 'reply-000002', body: 'to nowhere', replyTo: 999 });
    expect(await socket.expect('error')).toMatchObject({ code: 'not_found', clientId: 'reply-000002' });
    expect((await history(bob, room.workspaceId, room.channelId)).messages).toEqual([]);
  });

  it('a single message of a channel you are not in is not found', async () => {
    const socket = await room.connect(bob);
    const posted = await socket.post('members only');
    const outsider = await signUp('dave');
    const result = await as(outsider, 'GET', `/api/workspaces/${room.workspaceId}/channels/${room.channelId}/messages/${posted.seq}`);
    expect(result.status).toBe(404);
  });
});

describe('pins', () => {
  const pinsOf = async (user: User) =>
    (await as(user, 'GET', channelPath(room.workspaceId, room.channelId, 'pins'))).body as { messages: { seq: number; body: string }[] };

  it('anyone in the channel pins and unpins a message; everyone sees it live and in the pin list', async () => {
    const bobs = await room.connect(bob);
    const first = await bobs.post('Shift rota is on the wall');
    const second = await bobs.post('Fire drill at 10:00');
    const alices = await room.connect(alice, `after=${second.updatedSeq}`);

    alices.send({ type: 'pin', seq: first.seq, pinned: true });
    for (const socket of [alices, bobs]) {
      const { message } = await socket.expect('message');
      expect(message).toMatchObject({ seq: first.seq, pinnedBy: 'alice', pinnedAt: expect.any(Number), updatedSeq: second.updatedSeq + 1 });
    }
    bobs.send({ type: 'pin', seq: second.seq, pinned: true });
    await bobs.expect('message');
    expect((await pinsOf(alice)).messages.map((m) => m.body)).toEqual(['Fire drill at 10:00', 'Shift rota is on the wall']);

    bobs.send({ type: 'pin', seq: first.seq, pinned: false });
    expect((await bobs.expect('message')).message.pinnedAt).toBeNull();
    expect((await pinsOf(bob)).messages.map((m) => m.seq)).toEqual([second.seq]);
  });

  it('pinning a pinned message changes nothing; a deleted message leaves the pins', async () => {
    const socket = await room.connect(bob);
    const posted = await socket.post('pin me');
    socket.send({ type: 'pin', seq: posted.seq, pinned: true });
    const pinned = (await socket.expect('message')).message;
    socket.send({ type: 'pin', seq: posted.seq, pinned: true });
    expect((await socket.expect('message')).message.updatedSeq).toBe(pinned.updatedSeq);
    socket.send({ type: 'delete', seq: posted.seq });
    await socket.expect('message');
    expect((await pinsOf(bob)).messages).toEqual([]);
    socket.send({ type: 'pin', seq: posted.seq, pinned: true });
    expect((await socket.expect('error')).code).toBe('not_found');
  });

  it('the pins of a channel you are not in are not found', async () => {
    const outsider = await signUp('erin');
    const result = await as(outsider, 'GET', `/api/workspaces/${room.workspaceId}/channels/${room.channelId}/pins`);
    expect(result.status).toBe(404);
  });
});
