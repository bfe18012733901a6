import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors';
import { addMember, as, call, channelPath, createWorkspace, expectError, openSocket, PASSWORD, signUp, type User } from './helpers';
import { download, eventually, fetchBytes, MB, onDisk, patterned, sendFiles, storage, text, upload, uploaded } from './file-helpers';

/** alice owns the workspace and the private channel; bob is in it; carol is in the workspace only; erin is elsewhere. */
let alice: User;
let bob: User;
let carol: User;
let erin: User;
let workspaceId: string;
let erinsWorkspaceId: string;
let channelId: string;
let count = 0;

beforeAll(async () => {
  [alice, bob, carol, erin] = await Promise.all(['alice', 'bob', 'carol', 'erin'].map((name) => signUp(name)));
  ({ workspaceId } = await createWorkspace(alice, 'Files'));
  for (const user of [bob, carol]) await addMember(alice, workspaceId, user);
  ({ workspaceId: erinsWorkspaceId } = await createWorkspace(erin, 'Elsewhere'));
  ({ id: channelId } = await privateChannel(bob));
});

async function privateChannel(...members: User[]) {
  const name = `secret-${++count}`;
  const created = await as(alice, 'POST', `/api/workspaces/${workspaceId}/channels`, { name, private: true });
  expect(created.status).toBe(201);
  const id: string = created.body.channel.id;
  for (const member of members) expect((await as(alice, 'PUT', channelPath(workspaceId, id, `members/${member.account.id}`), {})).status).toBe(200);
  return { id, name };
}

async function newMember(name: string) {
  const user = await signUp(`${name}-${++count}`);
  await addMember(alice, workspaceId, user);
  return user;
}

/** A file `by` sent to the channel. */
async function sentFile(by: User, inChannel = channelId, bytes = text('secret plans')) {
  const file = await uploaded(by, workspaceId, inChannel, bytes, { name: 'plans.txt' });
  // Resuming after any possible sequence: no replay of history, only what happens now.
  const { socket } = await openSocket(by, workspaceId, inChannel, `after=${Number.MAX_SAFE_INTEGER}`);
  await socket.expect('resync');
  await sendFiles(socket, [file.id]);
  socket.close();
  return file;
}

/** Every way to read a file, as `user` (null: signed out). */
async function reads(user: User | null, fileId: string, ws = workspaceId, ch = channelId) {
  return [
    await fetchBytes('GET', channelPath(ws, ch, `files/${fileId}`), user),
    await fetchBytes('HEAD', channelPath(ws, ch, `files/${fileId}`), user),
    await fetchBytes('GET', channelPath(ws, ch, `files/${fileId}/plans.txt`), user),
    await fetchBytes('GET', channelPath(ws, ch, `thumbnails/${fileId}`), user),
  ];
}

let missingBody: ErrorBody;
beforeAll(async () => {
  missingBody = (await fetchBytes('GET', channelPath(workspaceId, channelId, 'files/abcdefghijklmnop'), bob)).body;
  expect(missingBody).toEqual({ error: { code: 'not_found', message: 'No such file' } });
});

/** Not found exactly as a file that does not exist is: same status, same body, same sandbox. */
function expectNothing(results: Awaited<ReturnType<typeof reads>>) {
  for (const [i, result] of results.entries()) {
    expect(result.status, `read ${i}`).toBe(404);
    if (result.bytes.byteLength > 0) expect(result.body).toEqual(missingBody); // HEAD answers without a body
    expect(result.response.headers.get('Content-Security-Policy')).toMatch(/^sandbox;/);
  }
}

describe('reading a file', () => {
  it('members of the channel read it', async () => {
    const file = await sentFile(bob);
    expect((await download(alice, workspaceId, channelId, file.id)).body).toBe('secret plans');
  });

  it('signed out: 401', async () => {
    const file = await sentFile(bob);
    for (const result of await reads(null, file.id)) expect(result.status).toBe(401);
  });

  it('a workspace member outside the private channel: not found, as if it did not exist', async () => {
    expectNothing(await reads(carol, (await sentFile(bob)).id));
  });

  it('someone of another workspace: not found, by this workspace or their own', async () => {
    const file = await sentFile(bob);
    expectNothing(await reads(erin, file.id));
    expectNothing(await reads(erin, file.id, erinsWorkspaceId));
  });

  it('a file asked for under another channel the person reads: not found', async () => {
    const file = await sentFile(bob);
    const { id: other } = await privateChannel(bob);
    expectNothing(await reads(bob, file.id, workspaceId, other));
  });

  it('with several accounts in one browser, `account=` in the URL picks who reads (img and video send no headers)', async () => {
    const file = await sentFile(bob);
    // One browser with carol (outside the channel) and another account that is in it.
    const both = await signUp(`bob-too-${++count}`, { cookie: carol.cookie });
    await addMember(alice, workspaceId, both);
    expect((await as(alice, 'PUT', channelPath(workspaceId, channelId, `members/${both.account.id}`), {})).status).toBe(200);
    const path = channelPath(workspaceId, channelId, `files/${file.id}`);
    expect((await fetchBytes('GET', `${path}?account=${carol.account.id}`, null, { Cookie: both.cookie })).status).toBe(404);
    expect((await fetchBytes('GET', `${path}?account=${both.account.id}`, null, { Cookie: both.cookie })).body).toBe('secret plans');
  });

  it('a malformed id: not found, the same answer', async () => {
    expectNothing(await reads(bob, '..%2F..%2Fetc%2Fpasswd'));
    expectNothing(await reads(bob, 'ABCDEFGHIJKLMNOP'));
  });

  it('someone removed from the channel loses access; what they sent stays readable to the others', async () => {
    const dave = await newMember('dave');
    const { id } = await privateChannel(bob, dave);
    const theirs = await sentFile(dave, id);
    const others = await sentFile(bob, id);
    expect((await as(alice, 'DELETE', channelPath(workspaceId, id, `members/${dave.account.id}`))).status).toBe(204);
    expectNothing(await reads(dave, others.id, workspaceId, id));
    expectNothing(await reads(dave, theirs.id, workspaceId, id));
    expect((await download(bob, workspaceId, id, theirs.id)).body).toBe('secret plans');
  });

  it('someone banned from the workspace: not found', async () => {
    const frank = await newMember('frank');
    const { id } = await privateChannel(bob, frank);
    const file = await sentFile(bob, id);
    expect((await download(frank, workspaceId, id, file.id)).status).toBe(200);
    expect((await as(alice, 'PUT', `/api/workspaces/${workspaceId}/bans/${frank.account.id}`, { reason: 'test' })).status).toBe(200);
    expectNothing(await reads(frank, file.id, workspaceId, id));
  });
});

describe('other file routes', () => {
  it('uploading, listing and removing are closed to those outside the channel', async () => {
    const bobs = await uploaded(bob, workspaceId, channelId, text('mine'));
    for (const outsider of [carol, erin]) {
      expectError(await upload(outsider, workspaceId, channelId, text('x')), 404, 'not_found');
      expectError(await as(outsider, 'GET', channelPath(workspaceId, channelId, 'files')), 404, 'not_found');
      expectError(await as(outsider, 'DELETE', channelPath(workspaceId, channelId, `files/${bobs.id}`)), 404, 'not_found');
    }
    expect((await upload(null, workspaceId, channelId, text('x'))).status).toBe(401);
    expect((await call('GET', '/api/account/storage')).status).toBe(401);
  });

  it('a state-changing upload from another site is refused', async () => {
    const result = await call('POST', `${channelPath(workspaceId, channelId, 'files')}?name=x.txt`, {
      cookie: bob.cookie,
      as: bob.account.id,
      body: text('x'),
      headers: { 'Content-Type': 'text/plain', 'Content-Length': '1', Origin: 'http://evil.test' },
    });
    expectError(result, 403, 'cross_site');
  });
});

describe('when people or places go', () => {
  it('an account deleted keeping its messages: its files stay, under "Deleted user"', async () => {
    const gina = await newMember('gina');
    const { id } = await privateChannel(bob, gina);
    const file = await sentFile(gina, id);
    const deleted = await call('DELETE', '/api/account', { cookie: gina.cookie, as: gina.account.id, json: { password: PASSWORD, mode: 'soft' } });
    expect(deleted.status).toBe(204);
    expect((await download(bob, workspaceId, id, file.id)).body).toBe('secret plans');
    const listed = await as(bob, 'GET', channelPath(workspaceId, id, 'files'));
    expect(listed.body.files[0]).toMatchObject({ id: file.id, uploaderId: gina.account.id, uploaderName: 'Deleted user' });
  });

  it('an account deleted with its messages: its files go too', async () => {
    const hal = await newMember('hal');
    const { id } = await privateChannel(bob, hal);
    const file = await sentFile(hal, id);
    const deleted = await call('DELETE', '/api/account', { cookie: hal.cookie, as: hal.account.id, json: { password: PASSWORD, mode: 'hard' } });
    expect(deleted.status).toBe(204);
    expectNothing(await reads(bob, file.id, workspaceId, id));
    await eventually(async () => !(await onDisk(file.id)), 'the bytes are deleted');
  });

  it('a deleted channel takes its files with it and gives the quota back', async () => {
    const ivy = await newMember('ivy');
    const { id, name } = await privateChannel(ivy);
    const sent = await sentFile(ivy, id, patterned(MB));
    const unsent = await uploaded(ivy, workspaceId, id, patterned(1000));
    expect((await storage(ivy)).usedBytes).toBe(MB + 1000);
    const deleted = await as(alice, 'DELETE', `/api/workspaces/${workspaceId}/channels/${id}`, { confirmName: name });
    expect(deleted.status).toBe(204);
    for (const file of [sent, unsent]) expect(await onDisk(file.id)).toBe(false);
    expect((await storage(ivy)).usedBytes).toBe(0);
  });
});
