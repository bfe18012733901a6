/** Saved messages: personal, for channels you are in, bounded, and following deletes. */
import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import type { SavedItem } from '../../src/shared/model';
import {
  as,
  call,
  channelWith,
  closeSocketsAfterEach,
  expectError,
  openSocket,
  signUp,
  workspaceStub,
  workspaceWith,
  type ChannelSocket,
  type User,
} from './helpers';

let alice: User;
let bob: User;
let outsider: User;
const track = closeSocketsAfterEach();

beforeAll(async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
  outsider = await signUp('outsider');
});

const savedPath = (ws: string, ch: string, seq: number | string) => `/api/workspaces/${ws}/channels/${ch}/messages/${seq}/saved`;
const listPath = (ws: string) => `/api/workspaces/${ws}/saved`;

/** A workspace of alice and bob; #room has alice only. Returns a socket on each channel for alice. */
async function setUp() {
  const { workspaceId, generalChannelId } = await workspaceWith(alice, bob);
  const roomId = await channelWith(workspaceId, 'room', alice);
  const general = track((await openSocket(alice, workspaceId, generalChannelId)).socket);
  const room = track((await openSocket(alice, workspaceId, roomId)).socket);
  return { workspaceId, generalChannelId, roomId, general, room };
}

async function list(user: User, workspaceId: string): Promise<SavedItem[]> {
  const result = await as(user, 'GET', listPath(workspaceId));
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.items;
}

async function deleteMessage(socket: ChannelSocket, seq: number) {
  socket.send({ type: 'delete', seq });
  expect((await socket.expect('message')).message.deletedAt).not.toBeNull();
}

/** Waits until `check` passes: the channel tells the workspace about deletes after the fact. */
async function eventually(check: () => Promise<void>) {
  const deadline = Date.now() + 2000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe('saving', () => {
  it('saves messages from any channel you are in; the list has them with their channel, newest saved first', async () => {
    const { workspaceId, generalChannelId, roomId, general, room } = await setUp();
    const first = await general.post('remember this');
    const second = await room.post('and this');
    const saved = await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, first.seq));
    expect(saved.status).toBe(200);
    expect(saved.body.item).toEqual({ channelId: generalChannelId, channelName: 'general', savedAt: expect.any(Number), message: first });
    await new Promise((resolve) => setTimeout(resolve, 5)); // saved in a later millisecond
    expect((await as(alice, 'PUT', savedPath(workspaceId, roomId, second.seq))).status).toBe(200);

    const items = await list(alice, workspaceId);
    expect(items.map((i) => [i.channelName, i.message.body])).toEqual([
      ['room', 'and this'],
      ['general', 'remember this'],
    ]);
    expect(items[1]).toEqual(saved.body.item);
  });

  it('saving again keeps the first save; unsaving twice is fine', async () => {
    const { workspaceId, generalChannelId, general } = await setUp();
    const message = await general.post('once');
    const first = (await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, message.seq))).body.item;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = (await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, message.seq))).body.item;
    expect(again.savedAt).toBe(first.savedAt);
    expect(await list(alice, workspaceId)).toHaveLength(1);

    expect((await as(alice, 'DELETE', savedPath(workspaceId, generalChannelId, message.seq))).status).toBe(204);
    expect((await as(alice, 'DELETE', savedPath(workspaceId, generalChannelId, message.seq))).status).toBe(204);
    expect(await list(alice, workspaceId)).toEqual([]);
  });

  it('saved messages are personal', async () => {
    const { workspaceId, generalChannelId, general } = await setUp();
    const message = await general.post('mine');
    await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, message.seq));
    expect(await list(bob, workspaceId)).toEqual([]);
    // Bob unsaving it changes nothing of alice's.
    await as(bob, 'DELETE', savedPath(workspaceId, generalChannelId, message.seq));
    expect(await list(alice, workspaceId)).toHaveLength(1);
  });
});

describe('refusals', () => {
  it('a message of a channel you are not in cannot be saved; outside the workspace nothing is found', async () => {
    const { workspaceId, roomId, room } = await setUp();
    const message = await room.post('alice only');
    expectError(await as(bob, 'PUT', savedPath(workspaceId, roomId, message.seq)), 403, 'forbidden');
    expectError(await as(outsider, 'PUT', savedPath(workspaceId, roomId, message.seq)), 404, 'not_found');
    expectError(await as(outsider, 'GET', listPath(workspaceId)), 404, 'not_found');
    expectError(await as(outsider, 'DELETE', savedPath(workspaceId, roomId, message.seq)), 404, 'not_found');
    expect(await list(bob, workspaceId)).toEqual([]);
  });

  it('a message that does not exist, or a malformed seq, is not found', async () => {
    const { workspaceId, generalChannelId } = await setUp();
    expectError(await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, 999)), 404, 'not_found');
    expectError(await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, 0)), 404, 'not_found');
    expectError(await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, 'abc')), 404, 'not_found');
    expectError(await as(alice, 'PUT', savedPath(workspaceId, 'abcdefghijklmnop', 1)), 404, 'not_found');
    expect(await list(alice, workspaceId)).toEqual([]);
  });

  it('needs a session and the same origin', async () => {
    const { workspaceId, generalChannelId } = await setUp();
    expectError(await call('GET', listPath(workspaceId)), 401, 'unauthenticated');
    const crossSite = await call('PUT', savedPath(workspaceId, generalChannelId, 1), {
      cookie: alice.cookie,
      as: alice.account.id,
      headers: { Origin: 'http://evil.test' },
    });
    expectError(crossSite, 403, 'cross_site');
  });

  it(`at most ${LIMITS.savedPerWorkspaceMax} saved messages a person; the refusal says so`, async () => {
    const { workspaceId, generalChannelId, general } = await setUp();
    // Saves of messages that no longer exist still count: fill up to one short of the limit directly.
    await runInDurableObject(workspaceStub(workspaceId), (_instance, state) => {
      for (let i = 0; i < LIMITS.savedPerWorkspaceMax - 1; i++) {
        state.storage.sql.exec(
          'insert into saved_messages (user_id, channel_id, seq, saved_at) values (?, ?, ?, ?)',
          alice.account.id,
          generalChannelId,
          100_000 + i,
          i,
        );
      }
    });
    const [last, over] = [await general.post('the last one'), await general.post('one too many')];
    expect((await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, last.seq))).status).toBe(200);
    const refused = await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, over.seq));
    expectError(refused, 409, 'conflict');
    expect(refused.body.error.message).toMatch(`at most ${LIMITS.savedPerWorkspaceMax} saved messages`);
    // The missing messages are left out of the list.
    expect((await list(alice, workspaceId)).map((i) => i.message.seq)).toEqual([last.seq]);
    // Others are not limited by alice's saves.
    expect((await as(bob, 'PUT', savedPath(workspaceId, generalChannelId, over.seq))).status).toBe(200);
  });
});

describe('what the list leaves out', () => {
  it('a deleted message leaves the list, and cannot be saved', async () => {
    const { workspaceId, generalChannelId, general } = await setUp();
    const [kept, gone] = [await general.post('kept'), await general.post('gone')];
    for (const m of [kept, gone]) await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, m.seq));
    await deleteMessage(general, gone.seq);
    expect((await list(alice, workspaceId)).map((i) => i.message.seq)).toEqual([kept.seq]);
    expectError(await as(alice, 'PUT', savedPath(workspaceId, generalChannelId, gone.seq)), 404, 'not_found');
    // The workspace forgets the save too, so it no longer counts against the limit.
    await eventually(async () => {
      const rows = await runInDurableObject(workspaceStub(workspaceId), (_instance, state) =>
        state.storage.sql.exec('select seq from saved_messages where user_id = ?', alice.account.id).toArray(),
      );
      expect(rows).toEqual([{ seq: kept.seq }]);
    });
  });

  it('messages of a channel you are no longer in are left out', async () => {
    const { workspaceId, generalChannelId, roomId, general, room } = await setUp();
    const inGeneral = await general.post('general news');
    const inRoom = await room.post('room news');
    await as(bob, 'POST', `/api/workspaces/${workspaceId}/channels/${roomId}/members`);
    await as(bob, 'PUT', savedPath(workspaceId, generalChannelId, inGeneral.seq));
    expect((await as(bob, 'PUT', savedPath(workspaceId, roomId, inRoom.seq))).status).toBe(200);
    expect(await list(bob, workspaceId)).toHaveLength(2);

    // There is no way to leave a channel over the API yet; leave it in storage.
    await runInDurableObject(workspaceStub(workspaceId), (_instance, state) => {
      state.storage.sql.exec('delete from channel_members where channel_id = ? and user_id = ?', roomId, bob.account.id);
    });
    expect((await list(bob, workspaceId)).map((i) => i.channelId)).toEqual([generalChannelId]);
  });
});
