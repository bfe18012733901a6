import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { FileDisk } from '../../src/durable/file-disk';
import { LIMITS } from '../../src/shared/limits';
import { addMember, as, channelPath, channelRoom, channelStub, expectError, signUp, type User } from './helpers';
import {
  channelFiles,
  download,
  eventually,
  MAX_FILE,
  MB,
  onDisk,
  patterned,
  QUOTA,
  sendFiles,
  storage,
  sweep,
  text,
  upload,
  uploaded,
} from './file-helpers';

let owner: User;
const room = channelRoom('limits', async () => {
  owner = await signUp('owner');
  return { owner, members: [] };
});

let people = 0;
/** Someone new in the workspace and this test's channel, with the whole quota to spend. */
async function newcomer(): Promise<User> {
  const user = await signUp(`person-${++people}`);
  await addMember(owner, room.workspaceId, user);
  const joined = await as(user, 'POST', channelPath(room.workspaceId, room.channelId, 'members'));
  expect(joined.status).toBe(200);
  return user;
}

describe('the size limit', () => {
  it('refuses a file over it before a byte is stored, saying the limit', async () => {
    const user = await newcomer();
    const result = await upload(user, room.workspaceId, room.channelId, patterned(MAX_FILE + 1));
    expectError(result, 413, 'file_too_large');
    expect(result.body.error.message).toMatch(/the limit on this server is 1 MB/);
    expect(result.body.error.storage).toEqual({ usedBytes: 0, quotaBytes: QUOTA, maxFileBytes: MAX_FILE, maxAttachments: LIMITS.attachmentsPerMessageMax });
    expect((await channelFiles(room.channelId)).files).toEqual([]);
  });

  it('takes a file of exactly the limit', async () => {
    const user = await newcomer();
    const file = await uploaded(user, room.workspaceId, room.channelId, patterned(MAX_FILE));
    expect(file.size).toBe(MAX_FILE);
  });

  it('refuses an upload that declares no length', async () => {
    const user = await newcomer();
    const body = new ReadableStream({ start: (c) => (c.enqueue(text('hello')), c.close()) });
    expectError(await upload(user, room.workspaceId, room.channelId, body, { length: null }), 411, 'length_required');
  });

  it.each([
    ['longer than its Content-Length', 10, 20],
    ['shorter than its Content-Length', 20, 10],
  ])('refuses a body %s and keeps nothing', async (_what, declared, sent) => {
    const user = await newcomer();
    const body = new ReadableStream({ start: (c) => (c.enqueue(patterned(sent)), c.close()) });
    expectError(await upload(user, room.workspaceId, room.channelId, body, { length: declared }), 400, 'upload_incomplete');
    expect((await channelFiles(room.channelId)).files).toEqual([]);
    await sweep(room.channelId);
    expect((await storage(user)).usedBytes).toBe(0);
  });
});

describe('the quota', () => {
  it('takes uploads up to it, then refuses with what is used and the limit', async () => {
    const user = await newcomer();
    for (let i = 0; i < 3; i++) await uploaded(user, room.workspaceId, room.channelId, patterned(MAX_FILE, i));
    const result = await upload(user, room.workspaceId, room.channelId, text('one byte too many'));
    expectError(result, 413, 'quota_exceeded');
    expect(result.body.error.storage).toMatchObject({ usedBytes: QUOTA, quotaBytes: QUOTA });
    expect(result.body.error.message).toMatch(/only 0 bytes of your 3 MB file storage is left \(3 MB used\)/);
    expect(await storage(user)).toEqual({ usedBytes: QUOTA, quotaBytes: QUOTA, maxFileBytes: MAX_FILE, maxAttachments: LIMITS.attachmentsPerMessageMax });
  });

  it('parallel uploads racing for it cannot pass it together', async () => {
    const user = await newcomer();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => upload(user, room.workspaceId, room.channelId, patterned(MAX_FILE, i))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 413, 413]);
    expect(results.filter((r) => r.status === 413).every((r) => r.body.error.code === 'quota_exceeded')).toBe(true);
    expect((await storage(user)).usedBytes).toBe(QUOTA);
  });

  it('counts across channels', async () => {
    const user = await newcomer();
    await uploaded(user, room.workspaceId, room.channelId, patterned(MAX_FILE));
    const other = await as(user, 'POST', `/api/workspaces/${room.workspaceId}/channels`, { name: `mine-${people}` });
    for (let i = 0; i < 2; i++) await uploaded(user, room.workspaceId, other.body.channel.id, patterned(MAX_FILE));
    expectError(await upload(user, room.workspaceId, other.body.channel.id, text('x')), 413, 'quota_exceeded');
  });

  it('gets back what a deleted message carried, and its files are unreadable at once', async () => {
    const user = await newcomer();
    const files = [await uploaded(user, room.workspaceId, room.channelId, patterned(MB)), await uploaded(user, room.workspaceId, room.channelId, patterned(MB))];
    const socket = await room.connect(user);
    const message = await sendFiles(socket, files.map((f) => f.id), 'two');
    socket.send({ type: 'delete', seq: message.seq });
    expect((await socket.expect('message')).message).toMatchObject({ seq: message.seq, attachments: [], deletedAt: expect.any(Number) });
    for (const file of files) expectError(await download(user, room.workspaceId, room.channelId, file.id), 404, 'not_found');
    await eventually(async () => (await storage(user)).usedBytes === 0, 'the quota is given back');
    for (const file of files) expect(await onDisk(file.id)).toBe(false);
    expect((await channelFiles(room.channelId)).purges).toEqual([]);
  });

  it("gets the uploader's quota back when a moderator deletes their message", async () => {
    const user = await newcomer();
    const file = await uploaded(user, room.workspaceId, room.channelId, patterned(MB));
    const message = await sendFiles(await room.connect(user), [file.id]);
    const moderator = await room.connect(owner);
    moderator.send({ type: 'delete', seq: message.seq });
    await moderator.expect('message');
    await eventually(async () => (await storage(user)).usedBytes === 0, 'the quota is given back');
  });
});

describe('concurrent uploads', () => {
  it('from several people at once all arrive intact', async () => {
    const users = await Promise.all([newcomer(), newcomer(), newcomer()]);
    const sent = users.flatMap((user, u) => [0, 1].map((i) => ({ user, bytes: patterned(200_000 + u * 1000 + i, u * 10 + i) })));
    const files = await Promise.all(sent.map(({ user, bytes }) => uploaded(user, room.workspaceId, room.channelId, bytes)));
    for (const [i, file] of files.entries()) {
      expect((await download(sent[i].user, room.workspaceId, room.channelId, file.id)).bytes).toEqual(sent[i].bytes);
    }
  });
});

describe('cancelling', () => {
  it('an upload aborted half-way leaves no row, no bytes and no quota used', async () => {
    const user = await newcomer();
    const chunk = patterned(64 * 1024);
    let abort!: (reason: Error) => void;
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent < 4) {
          sent++;
          controller.enqueue(chunk);
          return;
        }
        await aborted.catch((reason) => controller.error(reason));
      },
    });
    const pending = upload(user, room.workspaceId, room.channelId, body, { length: 8 * chunk.byteLength });
    // The upload is recorded before its bytes stream in; this is the moment a person cancels.
    await eventually(async () => (await channelFiles(room.channelId)).files.length === 1, 'the upload is under way');
    const [{ id }] = (await channelFiles(room.channelId)).files;
    expect((await storage(user)).usedBytes).toBe(8 * chunk.byteLength);
    abort(new Error('the person cancelled'));

    expectError(await pending, 400, 'upload_incomplete');
    expect((await channelFiles(room.channelId)).files).toEqual([]);
    expect(await onDisk(id)).toBe(false);
    await eventually(async () => (await storage(user)).usedBytes === 0, 'the reservation is given back');
  });

  it('the uploader removes an upload before sending it, and only they can', async () => {
    const user = await newcomer();
    const file = await uploaded(user, room.workspaceId, room.channelId, patterned(MB));
    const path = channelPath(room.workspaceId, room.channelId, `files/${file.id}`);
    expectError(await as(owner, 'DELETE', path), 404, 'not_found');
    expect((await as(user, 'DELETE', path)).status).toBe(204);
    expectError(await download(user, room.workspaceId, room.channelId, file.id), 404, 'not_found');
    await eventually(async () => (await storage(user)).usedBytes === 0, 'the quota is given back');
    expect(await onDisk(file.id)).toBe(false);
    expectError(await as(user, 'DELETE', path), 404, 'not_found');
  });

  it('a sent file cannot be removed on its own: deleting the message does that', async () => {
    const user = await newcomer();
    const file = await uploaded(user, room.workspaceId, room.channelId, text('x'));
    await sendFiles(await room.connect(user), [file.id]);
    expectError(await as(user, 'DELETE', channelPath(room.workspaceId, room.channelId, `files/${file.id}`)), 404, 'not_found');
  });
});

describe('uploads nobody sends', () => {
  /** Moves the channel's files back in time, as if `hours` had passed. */
  const age = (hours: number) =>
    runInDurableObject(channelStub(room.channelId), (_instance, state) => {
      const ms = hours * 3600 * 1000;
      state.storage.sql.exec('update files set created_at = created_at - ?, stored_at = stored_at - ?', ms, ms);
    });

  it('set the alarm for when they expire', async () => {
    const user = await newcomer();
    const file = await uploaded(user, room.workspaceId, room.channelId, text('x'));
    const alarm = await runInDurableObject(channelStub(room.channelId), (_instance, state) => state.storage.getAlarm());
    // Set when the upload began (for the case it never finishes), moments before the expiry of the finished file.
    expect(alarm).toBeGreaterThanOrEqual(file.createdAt + LIMITS.uploadStaleMs);
    expect(alarm).toBeLessThanOrEqual(file.expiresAt);
  });

  it('are deleted a day later, giving their quota back; sent ones stay', async () => {
    const user = await newcomer();
    const unsent = await uploaded(user, room.workspaceId, room.channelId, patterned(MB));
    const sent = await uploaded(user, room.workspaceId, room.channelId, patterned(MB));
    await sendFiles(await room.connect(user), [sent.id]);
    await age(LIMITS.unattachedFileTtlMs / 3600_000 - 1);
    await sweep(room.channelId);
    expect((await download(user, room.workspaceId, room.channelId, unsent.id)).status).toBe(200);

    await age(2);
    await sweep(room.channelId);
    expectError(await download(user, room.workspaceId, room.channelId, unsent.id), 404, 'not_found');
    expect(await onDisk(unsent.id)).toBe(false);
    expect((await storage(user)).usedBytes).toBe(MB);
    expect((await download(owner, room.workspaceId, room.channelId, sent.id)).status).toBe(200);
  });

  it('an upload that never finished is given up, and its reservation with it', async () => {
    const user = await newcomer();
    // What the worker does before streaming, with the bytes never coming (the worker died, say).
    const id = 'stalleduploadaaa';
    const directory = env.DIRECTORY.get(env.DIRECTORY.idFromName('directory'));
    expect(await directory.reserveUpload(id, user.account.id, MB, QUOTA)).toEqual({ ok: true });
    await channelStub(room.channelId).beginUpload({
      id,
      storageKey: FileDisk.keyFor(id),
      name: 'stalled.bin',
      type: 'application/octet-stream',
      kind: 'other',
      size: MB,
      uploaderId: user.account.id,
      uploaderName: user.account.displayName,
      width: null,
      height: null,
    });
    expect((await storage(user)).usedBytes).toBe(MB);
    await age(LIMITS.uploadStaleMs / 3600_000 + 1);
    await sweep(room.channelId);
    expect((await channelFiles(room.channelId)).files).toEqual([]);
    expect((await storage(user)).usedBytes).toBe(0);
  });
});

describe('where people cannot post', () => {
  it('uploads are refused in an archived channel', async () => {
    const user = await newcomer();
    expect((await as(owner, 'PUT', channelPath(room.workspaceId, room.channelId, 'archived'), {})).status).toBe(200);
    expectError(await upload(user, room.workspaceId, room.channelId, text('x')), 409, 'channel_archived');
  });

  it('uploads are refused while timed out', async () => {
    const user = await newcomer();
    const timeout = await as(owner, 'PUT', `/api/workspaces/${room.workspaceId}/members/${user.account.id}/timeout`, { seconds: 600 });
    expect(timeout.status).toBe(200);
    expectError(await upload(user, room.workspaceId, room.channelId, text('x')), 403, 'timed_out');
  });
});
