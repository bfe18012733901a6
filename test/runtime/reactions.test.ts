import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import type { Message } from '../../src/shared/model';
import {
  as,
  channelPath,
  channelRoom,
  type ChannelSocket,
  channelStub,
  history,
  nextMessages,
  signUp,
  type User,
} from './helpers';

let alice: User;
let bob: User;
const room = channelRoom('reactions', async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
  return { owner: alice, members: [bob] };
});

function react(socket: ChannelSocket, seq: number, emoji: string, on = true) {
  socket.send({ type: 'react', seq, emoji, on });
}

/** Every frame that arrives within a short while. */
async function drain(socket: ChannelSocket) {
  const frames = [];
  for (;;) {
    try {
      frames.push(await socket.next(200));
    } catch {
      return frames;
    }
  }
}

/** Distinct single-code-point emoji: the Emoticons block. */
const faces = Array.from({ length: LIMITS.reactionsPerMessageMax + 2 }, (_, i) => String.fromCodePoint(0x1f600 + i));

const person = (user: User) => ({ id: user.account.id, name: user.account.username });

/** A message of alice's that bob's and alice's sockets have both read. */
async function postedByAlice(alices: ChannelSocket, bobs: ChannelSocket, body = 'Forklift is back') {
  const message = await alices.post(body);
  await bobs.expect('message');
  return message;
}

describe('adding and removing', () => {
  it('a reaction reaches everyone: by emoji in the order first used, people in the order they reacted', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const posted = await postedByAlice(alices, bobs);

    react(bobs, posted.seq, '👍');
    for (const socket of [alices, bobs]) {
      const { message } = await socket.expect('message');
      expect(message).toMatchObject({ seq: posted.seq, updatedSeq: posted.seq + 1, reactions: [{ emoji: '👍', users: [person(bob)] }] });
    }
    react(alices, posted.seq, '🎉');
    react(alices, posted.seq, '👍');
    await nextMessages(bobs, 2);
    const [, last] = await nextMessages(alices, 2);
    expect(last.updatedSeq).toBe(posted.seq + 3);
    expect(last.reactions).toEqual([
      { emoji: '👍', users: [person(bob), person(alice)] },
      { emoji: '🎉', users: [person(alice)] },
    ]);
    expect((await history(bob, room.workspaceId, room.channelId)).messages).toEqual([last]);
    expect((await as(bob, 'GET', channelPath(room.workspaceId, room.channelId, `messages/${posted.seq}`))).body).toEqual({ message: last });
  });

  it('removing takes the person out, and the emoji once nobody is left', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const posted = await postedByAlice(alices, bobs);
    react(bobs, posted.seq, '👍');
    react(alices, posted.seq, '👍');
    react(alices, posted.seq, '🔥');
    await nextMessages(alices, 3);
    await nextMessages(bobs, 3);

    react(bobs, posted.seq, '👍', false);
    expect((await alices.expect('message')).message.reactions).toEqual([
      { emoji: '👍', users: [person(alice)] },
      { emoji: '🔥', users: [person(alice)] },
    ]);
    react(alices, posted.seq, '👍', false);
    const { message } = await alices.expect('message');
    expect(message.reactions).toEqual([{ emoji: '🔥', users: [person(alice)] }]);
    expect(message.updatedSeq).toBe(posted.seq + 5);
  });

  it('asking for what is already so changes nothing and answers only the asker', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const posted = await postedByAlice(alices, bobs);
    react(bobs, posted.seq, '👍');
    const reacted = (await bobs.expect('message')).message;
    await alices.expect('message');

    react(bobs, posted.seq, '👍');
    expect((await bobs.expect('message')).message).toEqual(reacted);
    react(bobs, posted.seq, '🎉', false);
    expect((await bobs.expect('message')).message).toEqual(reacted);
    await alices.expectQuiet();
    const resumed = await room.open(alice, `after=${reacted.updatedSeq}`);
    expect(resumed.hello.lastSeq).toBe(reacted.updatedSeq);
  });

  it('skin tones, sequences and flags are single emoji', async () => {
    const socket = await room.connect(bob);
    const posted = await socket.post('diversity');
    for (const emoji of ['👍🏽', '👩‍💻', '🇳🇴', '❤️']) react(socket, posted.seq, emoji);
    const [, , , last] = await nextMessages(socket, 4);
    expect(last.reactions.map((r) => r.emoji)).toEqual(['👍🏽', '👩‍💻', '🇳🇴', '❤️']);
  });

  it('a history page carries the reactions of each of its messages', async () => {
    const socket = await room.connect(bob);
    const one = await socket.post('one');
    const two = await socket.post('two');
    const three = await socket.post('three');
    react(socket, three.seq, '🎉');
    react(socket, one.seq, '👍');
    react(socket, one.seq, '🎉');
    await nextMessages(socket, 3);
    const page = await history(alice, room.workspaceId, room.channelId);
    expect(page.messages.map((m) => [m.seq, m.reactions.map((r) => r.emoji)])).toEqual([
      [one.seq, ['👍', '🎉']],
      [two.seq, []],
      [three.seq, ['🎉']],
    ]);
  });
});

describe('at the same time', () => {
  it('toggles from two sockets at once are each applied once, one sequence number each', async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const posted = await postedByAlice(alices, bobs);

    for (const on of [true, true, false, true]) {
      react(alices, posted.seq, '👍', on);
      react(bobs, posted.seq, '👍', on);
    }
    // Per person: on (change), on (no-op, to the asker only), off (change), on (change).
    const seenByAlice = (await drain(alices)) as Array<{ type: string; message: Message }>;
    const seenByBob = (await drain(bobs)) as Array<{ type: string; message: Message }>;
    for (const seen of [seenByAlice, seenByBob]) {
      expect(seen).toHaveLength(7);
      const changes = [...new Set(seen.map((frame) => frame.message.updatedSeq))].sort((a, b) => a - b);
      expect(changes).toEqual([1, 2, 3, 4, 5, 6].map((n) => posted.seq + n));
    }
    const [stored] = (await history(alice, room.workspaceId, room.channelId)).messages;
    expect(stored.updatedSeq).toBe(posted.seq + 6);
    expect(stored.reactions).toHaveLength(1);
    expect(stored.reactions[0].users.map((u) => u.name).sort()).toEqual(['alice', 'bob']);
  });

  it(`a message takes at most ${LIMITS.reactionsPerMessageMax} different emoji; of two racing for the last, one wins`, async () => {
    const alices = await room.connect(alice);
    const bobs = await room.connect(bob);
    const posted = await postedByAlice(alices, bobs);
    for (const face of faces.slice(0, LIMITS.reactionsPerMessageMax - 1)) react(bobs, posted.seq, face);
    await nextMessages(bobs, LIMITS.reactionsPerMessageMax - 1);
    await nextMessages(alices, LIMITS.reactionsPerMessageMax - 1);

    react(alices, posted.seq, faces[LIMITS.reactionsPerMessageMax - 1]);
    react(bobs, posted.seq, faces[LIMITS.reactionsPerMessageMax]);
    const frames = [...(await drain(alices)), ...(await drain(bobs))];
    const errors = frames.filter((frame) => frame.type === 'error');
    expect(errors).toEqual([
      { type: 'error', code: 'bad_request', message: expect.stringContaining(`at most ${LIMITS.reactionsPerMessageMax}`), seq: posted.seq },
    ]);
    expect(frames.filter((frame) => frame.type === 'message')).toHaveLength(2);

    // A full message still takes more people on the emoji it has.
    react(alices, posted.seq, faces[0]);
    const { message } = await alices.expect('message');
    expect(message.reactions).toHaveLength(LIMITS.reactionsPerMessageMax);
    expect(message.reactions[0].users).toEqual([person(bob), person(alice)]);
  });
});

describe('refused', () => {
  it('a deleted message takes no reactions, and its reactions are erased with it', async () => {
    const socket = await room.connect(bob);
    const posted = await socket.post('soon gone');
    react(socket, posted.seq, '👍');
    await socket.expect('message');
    socket.send({ type: 'delete', seq: posted.seq });
    expect((await socket.expect('message')).message.reactions).toEqual([]);
    react(socket, posted.seq, '👍');
    expect(await socket.expect('error')).toMatchObject({ code: 'not_found', seq: posted.seq });
    react(socket, posted.seq, '👍', false);
    expect(await socket.expect('error')).toMatchObject({ code: 'not_found', seq: posted.seq });

    expect((await history(bob, room.workspaceId, room.channelId)).messages[0].reactions).toEqual([]);
    const stored = await runInDurableObject(channelStub(room.channelId), (_instance, state) =>
      state.storage.sql.exec('select count(*) as n from reactions').one(),
    );
    expect(stored.n).toBe(0);
  });

  it('a reaction to a message that does not exist is not found', async () => {
    const socket = await room.connect(bob);
    react(socket, 4242, '👍');
    expect(await socket.expect('error')).toMatchObject({ code: 'not_found', seq: 4242 });
  });

  it.each([
    ['a letter', { emoji: 'a' }, /one emoji/],
    ['a digit', { emoji: '1' }, /one emoji/],
    ['two emoji', { emoji: '😀😀' }, /one emoji/],
    ['an emoji with text', { emoji: '👍 yes' }, /one emoji/],
    ['nothing', { emoji: '' }, /one emoji/],
    ['an oversized string', { emoji: '😀'.repeat(LIMITS.emojiMax) }, /^emoji:/],
    ['a huge string', { emoji: 'x'.repeat(LIMITS.frameMax - 100) }, /^emoji:/],
    ['a number', { emoji: 42 }, /^emoji:/],
    ['no on', { on: undefined }, /^on:/],
    ['an on that is not a boolean', { on: 'yes' }, /^on:/],
    ['a seq that cannot be one', { seq: 0 }, /^seq:/],
  ])('%s is refused and changes nothing', async (_what, change, message) => {
    const socket = await room.connect(bob);
    const posted = await socket.post('react to me');
    socket.send({ type: 'react', seq: posted.seq, emoji: '👍', on: true, ...change });
    const error = await socket.expect('error');
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(message);
    await socket.expectQuiet(50);
    expect((await history(bob, room.workspaceId, room.channelId)).messages).toEqual([posted]);
  });
});
