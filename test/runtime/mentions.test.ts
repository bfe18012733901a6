import { runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostActivity, RosterEntry } from '../../src/durable/activity';
import { resolveMentions, ROSTER_FRESH_MS, RosterCache } from '../../src/durable/channel/mentions';
import { LIMITS } from '../../src/shared/limits';
import { mentionTokens, parseMentions } from '../../src/shared/mentions';
import {
  as,
  channelRoom,
  type ChannelSocket,
  history,
  newClientId,
  nextMessages,
  signUp,
  type User,
  workspaceStub,
} from './helpers';

describe('finding mentions in text', () => {
  const names = (text: string) => mentionTokens(text).map((token) => token.name);

  it.each([
    ['@ana hi', ['ana']],
    ['hi @ana', ['ana']],
    ['ping @ana, @bob!', ['ana', 'bob']],
    ['(@ana) [@bob] "@carol"', ['ana', 'bob', 'carol']],
    ['end of a sentence, @ana.', ['ana']],
    ['trailing dots @ana...', ['ana']],
    ['@ana.lee and @bob_o and @x-ray', ['ana.lee', 'bob_o', 'x-ray']],
    ['@ana.lee. then', ['ana.lee']],
    ['@Ana in capitals', ['ana']],
    ["@ana's idea", ['ana']],
    ['line\n@ana', ['ana']],
    ['@@ana', ['ana']],
  ])('%j names %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ['an email address', 'write to ana@example.com'],
    ['an @ inside a word', 'x@ana'],
    ['an @ after a letter outside ASCII', 'josé@ana'],
    ['a bare @', 'meet @ 5'],
    ['an @ at the end', 'ends with @'],
    ['a name that cannot start a username', '@_ana @.ana @-ana'],
    ['a name too long to be a username', `@${'a'.repeat(LIMITS.usernameMax + 1)}`],
  ])('%s is not a mention', (_what, text) => {
    expect(mentionTokens(text)).toEqual([]);
  });

  it('a token spans the @ and the name, for highlighting', () => {
    const text = 'Thanks @Ana. And @here!';
    const tokens = mentionTokens(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['@Ana', '@here']);
    expect(tokens.map((t) => t.broadcast)).toEqual([null, 'here']);
  });

  it('names and broadcasts are each listed once, in order of first use', () => {
    expect(parseMentions('@here @bob @channel @ana @bob @here @everyone')).toEqual({
      names: ['bob', 'ana'],
      broadcasts: ['here', 'channel', 'everyone'],
    });
    expect(parseMentions('no mentions at all')).toEqual({ names: [], broadcasts: [] });
  });
});

describe('resolving names to channel members', () => {
  const entry = (username: string): RosterEntry => ({ userId: `id-${username}`, username, displayName: username.toUpperCase() });
  const rosterOf = (...usernames: string[]) => new Map(usernames.map((u) => [u, entry(u)]));

  it('keeps members, in order, and leaves other names as text', async () => {
    const resolved = await resolveMentions('@carol @nobody @ana @carol @here', async () => rosterOf('ana', 'carol'));
    expect(resolved).toEqual({
      mentions: [
        { userId: 'id-carol', username: 'carol' },
        { userId: 'id-ana', username: 'ana' },
      ],
      broadcasts: ['here'],
    });
  });

  it('asks for the roster only when the text names someone', async () => {
    let asked = 0;
    const roster = async () => (asked++, rosterOf('ana'));
    await resolveMentions('no names', roster);
    await resolveMentions('@channel @everyone', roster);
    await resolveMentions('mail ana@example.com', roster);
    expect(asked).toBe(0);
    await resolveMentions('@ana', roster);
    expect(asked).toBe(1);
  });

  it(`resolves at most ${LIMITS.mentionsPerMessageMax} people`, async () => {
    const usernames = Array.from({ length: LIMITS.mentionsPerMessageMax + 5 }, (_, i) => `user${i}`);
    const resolved = await resolveMentions(usernames.map((u) => `@${u}`).join(' '), async () => rosterOf(...usernames));
    expect(resolved.mentions.map((m) => m.username)).toEqual(usernames.slice(0, LIMITS.mentionsPerMessageMax));
  });

  it(`a roster is fetched again only after ${ROSTER_FRESH_MS} ms`, async () => {
    let fetched = 0;
    const cache = new RosterCache(async () => (fetched++, [entry('ana')]));
    expect((await cache.get(1000)).get('ana')).toEqual(entry('ana'));
    await cache.get(1000 + ROSTER_FRESH_MS - 1);
    expect(fetched).toBe(1);
    await cache.get(1000 + ROSTER_FRESH_MS);
    expect(fetched).toBe(2);
  });
});

let alice: User; // owner
let bob: User;
let ana: User;
let dave: User; // in the workspace, not in the channels unless a test adds him
const room = channelRoom('mentions', async () => {
  alice = await signUp('alice');
  [bob, ana, dave] = await Promise.all(['bob', 'ana.lee', 'dave'].map((name) => signUp(name)));
  return { owner: alice, members: [bob, ana, dave], joiners: [bob, ana] };
});

const mention = (user: User) => ({ userId: user.account.id, username: user.account.username });

describe('mentions in posts', () => {
  it('a post names the channel members it mentions; others stay text', async () => {
    const socket = await room.connect(alice);
    const posted = await socket.post('Ask @Bob and @ana.lee. Not @dave (not here), @nobody or bob@example.com');
    expect(posted.mentions).toEqual([mention(bob), mention(ana)]);
    expect(posted.broadcasts).toEqual([]);
    expect((await history(bob, room.workspaceId, room.channelId)).messages[0].mentions).toEqual([mention(bob), mention(ana)]);
  });

  it('broadcasts are stored once each, in order of use', async () => {
    const socket = await room.connect(alice);
    const posted = await socket.post('@here fire drill, @channel please read; @here again and @everyone');
    expect(posted.broadcasts).toEqual(['here', 'channel', 'everyone']);
    expect(posted.mentions).toEqual([]);
  });

  it('an edit resolves its mentions again; a delete clears them', async () => {
    const socket = await room.connect(alice);
    const posted = await socket.post('@bob can you check?');
    expect(posted.mentions).toEqual([mention(bob)]);
    socket.send({ type: 'edit', seq: posted.seq, body: '@ana.lee can you check? @here' });
    const edited = (await socket.expect('message')).message;
    expect(edited).toMatchObject({ mentions: [mention(ana)], broadcasts: ['here'] });
    socket.send({ type: 'edit', seq: posted.seq, body: 'never mind' });
    expect((await socket.expect('message')).message).toMatchObject({ mentions: [], broadcasts: [] });
    socket.send({ type: 'edit', seq: posted.seq, body: 'ping @bob' });
    await socket.expect('message');
    socket.send({ type: 'delete', seq: posted.seq });
    expect((await socket.expect('message')).message).toMatchObject({ body: '', mentions: [], broadcasts: [] });
  });

  it('thread replies resolve mentions too', async () => {
    const socket = await room.connect(alice);
    const root = await socket.post('root');
    socket.send({ type: 'send', clientId: newClientId(), body: 'over to you @bob', threadRoot: root.seq });
    await socket.expect('ack');
    const [reply] = await nextMessages(socket, 2);
    expect(reply.mentions).toEqual([mention(bob)]);
  });

  it('frames are stored in the order they arrive, even when resolving a mention waits for the workspace', async () => {
    const socket = await room.connect(alice);
    const bodies = ['@bob first', 'second', '@ana.lee third', 'fourth', '@dave fifth', 'sixth'];
    const clientIds = bodies.map(() => newClientId());
    bodies.forEach((body, i) => socket.send({ type: 'send', clientId: clientIds[i], body }));
    const acks = [];
    for (let i = 0; i < bodies.length; i++) {
      acks.push(await socket.expect('ack'));
      await socket.expect('message');
    }
    expect(acks.map((ack) => ack.clientId)).toEqual(clientIds);
    expect(acks.map((ack) => ack.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await history(alice, room.workspaceId, room.channelId)).messages.map((m) => m.body)).toEqual(bodies);
  });

  it('someone who joins the channel can be mentioned once the roster is fresh again', async () => {
    const socket = await room.connect(alice);
    expect((await socket.post('@dave?')).mentions).toEqual([]);
    await as(dave, 'POST', `/api/workspaces/${room.workspaceId}/channels/${room.channelId}/members`);
    await new Promise((resolve) => setTimeout(resolve, ROSTER_FRESH_MS + 100));
    expect((await socket.post('@dave!')).mentions).toEqual([mention(dave)]);
  });
});

describe('telling the workspace', () => {
  type Told = { recordPost: PostActivity } | { forgetPost: [string, number] };
  let told: Told[] = [];
  let original: Record<'recordPost' | 'forgetPost' | 'channelRoster', unknown>;
  /** Replaces one of the workspace object's methods for this test (RPC calls methods of the class, not of the instance). */
  const replaceOnWorkspace = (name: keyof typeof original, method: (...args: any[]) => unknown) =>
    runInDurableObject(workspaceStub(room.workspaceId), (instance) => {
      (Object.getPrototypeOf(instance) as Record<string, unknown>)[name] = method;
    });

  beforeEach(async () => {
    told = [];
    await runInDurableObject(workspaceStub(room.workspaceId), (instance) => {
      const proto = Object.getPrototypeOf(instance);
      original = { recordPost: proto.recordPost, forgetPost: proto.forgetPost, channelRoster: proto.channelRoster };
    });
    await replaceOnWorkspace('recordPost', (post: PostActivity) => void told.push({ recordPost: post }));
    await replaceOnWorkspace('forgetPost', (channel: string, seq: number) => void told.push({ forgetPost: [channel, seq] }));
  });

  afterEach(async () => {
    await runInDurableObject(workspaceStub(room.workspaceId), (instance) => Object.assign(Object.getPrototypeOf(instance), original));
  });

  async function toldAtLeast(count: number) {
    for (let waited = 0; told.length < count && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    return told;
  }

  it('each new post is recorded once with its mentions; thread-only replies are not in the channel', async () => {
    const socket = await room.connect(bob);
    const clientId = newClientId();
    const posted = await socket.post('@ana.lee @here look', clientId);
    socket.send({ type: 'send', clientId, body: '@ana.lee @here look' });
    await socket.expect('ack');
    await socket.expect('message');
    socket.send({ type: 'send', clientId: newClientId(), body: 'in the thread, @bob', threadRoot: posted.seq });
    await socket.expect('ack');
    const [threadOnly] = await nextMessages(socket, 2);
    socket.send({ type: 'send', clientId: newClientId(), body: 'in both', threadRoot: posted.seq, alsoToChannel: true });
    await socket.expect('ack');
    const [inBoth] = await nextMessages(socket, 2);

    expect(await toldAtLeast(3)).toEqual([
      {
        recordPost: {
          channelId: room.channelId,
          seq: posted.seq,
          createdAt: posted.createdAt,
          authorId: bob.account.id,
          authorName: 'bob',
          body: '@ana.lee @here look',
          threadRoot: null,
          inChannel: true,
          mentionedUserIds: [ana.account.id],
          broadcasts: ['here'],
        },
      },
      { recordPost: expect.objectContaining({ seq: threadOnly.seq, threadRoot: posted.seq, inChannel: false, mentionedUserIds: [bob.account.id] }) },
      { recordPost: expect.objectContaining({ seq: inBoth.seq, threadRoot: posted.seq, inChannel: true }) },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(told).toHaveLength(3);
  });

  it('a delete is forgotten by the workspace', async () => {
    const socket = await room.connect(bob);
    const posted = await socket.post('@ana.lee oops');
    socket.send({ type: 'delete', seq: posted.seq });
    await socket.expect('message');
    expect((await toldAtLeast(2))[1]).toEqual({ forgetPost: [room.channelId, posted.seq] });
  });

  it('a slow or failing workspace neither delays nor fails a send', async () => {
    await replaceOnWorkspace('recordPost', () => new Promise((resolve) => setTimeout(resolve, 3000)));
    const socket = await room.connect(bob);
    const started = Date.now();
    await socket.post('quick');
    expect(Date.now() - started).toBeLessThan(1500);

    await replaceOnWorkspace('recordPost', () => {
      throw new Error('workspace is down');
    });
    await replaceOnWorkspace('forgetPost', () => {
      throw new Error('workspace is down');
    });
    const posted = await socket.post('still stored');
    socket.send({ type: 'delete', seq: posted.seq });
    expect((await socket.expect('message')).message.deletedAt).toEqual(expect.any(Number));
    expect((await history(bob, room.workspaceId, room.channelId)).messages.map((m) => m.body)).toEqual(['quick', '']);
  });

  it('when the roster cannot be had, the message is stored with its text and broadcasts', async () => {
    await replaceOnWorkspace('channelRoster', () => {
      throw new Error('workspace is down');
    });
    const socket: ChannelSocket = await room.connect(bob);
    const posted = await socket.post('@ana.lee @channel still going out');
    expect(posted).toMatchObject({ body: '@ana.lee @channel still going out', mentions: [], broadcasts: ['channel'] });
  });
});
