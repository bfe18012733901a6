/** Search finds exactly what history lets the caller read now: the channels and DMs they are in, archived ones included. */
import { beforeAll, describe, expect, it } from 'vitest';
import { as, channelPath, channelStub, channelWith, closeSocketsAfterEach, expectError, nextMessages, type User } from './helpers';
import { openAtEnd, openDm, privateChannel, type Staff, staffedWorkspace } from './moderation-helpers';

const track = closeSocketsAfterEach();

let staff: Staff;
let workspaceId: string;

beforeAll(async () => {
  ({ workspaceId, ...staff } = await staffedWorkspace());
});

async function post(user: User, channelId: string, body: string) {
  const socket = track(await openAtEnd(user, workspaceId, channelId));
  const message = await socket.post(body);
  socket.close();
  return message;
}

async function finds(user: User, q: string): Promise<string[]> {
  const result = await as(user, 'GET', `/api/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}`);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.hits.map((h: { message: { body: string } }) => h.message.body);
}

describe('who finds what', () => {
  it('a private channel is searched by its members only, and in: it answers non-members as for no channel', async () => {
    const channelId = await privateChannel(workspaceId, 'vault', staff.member, staff.moderator);
    await post(staff.member, channelId, 'the platypus plan is secret');
    expect(await finds(staff.member, 'platypus')).toEqual(['the platypus plan is secret']);
    expect(await finds(staff.moderator, 'platypus')).toHaveLength(1);
    for (const outsider of [staff.owner, staff.admin, staff.peer]) expect(await finds(outsider, 'platypus')).toEqual([]);
    const missing = await as(staff.peer, 'GET', `/api/workspaces/${workspaceId}/search?q=x+in:%23vault`);
    const none = await as(staff.peer, 'GET', `/api/workspaces/${workspaceId}/search?q=x+in:%23no-such-channel`);
    expectError(missing, 400, 'bad_request');
    expect(missing.body.error.message).toBe('in: you are in no channel named #vault');
    expect(none.body.error.message).toBe('in: you are in no channel named #no-such-channel');
  });

  it('a DM is searched by its people only', async () => {
    const { channel } = await openDm(workspaceId, staff.member, staff.peer);
    await post(staff.member, channel.id, 'meet me by the narwhal');
    expect(await finds(staff.peer, 'narwhal')).toEqual(['meet me by the narwhal']);
    const result = await as(staff.peer, 'GET', `/api/workspaces/${workspaceId}/search?q=narwhal`);
    expect(result.body.hits[0]).toMatchObject({ channelId: channel.id, channelName: '', channelKind: 'dm' });
    for (const outsider of [staff.owner, staff.admin, staff.moderator]) expect(await finds(outsider, 'narwhal')).toEqual([]);
  });

  it('a late joiner finds what history shows them (the whole history); a public channel not joined is not searched', async () => {
    const channelId = await channelWith(workspaceId, 'lobby', staff.member);
    await post(staff.member, channelId, 'the axolotl arrived before you joined');
    expect(await finds(staff.peer, 'axolotl')).toEqual([]);
    expect((await as(staff.peer, 'POST', channelPath(workspaceId, channelId, 'members'))).status).toBe(200);
    expect(await finds(staff.peer, 'axolotl')).toEqual(['the axolotl arrived before you joined']);
  });

  it('a removed member finds nothing there, and everything again once added back', async () => {
    const channelId = await privateChannel(workspaceId, 'inner', staff.moderator, staff.peer);
    await post(staff.moderator, channelId, 'quokka sighting at dawn');
    expect(await finds(staff.peer, 'quokka')).toHaveLength(1);
    expect((await as(staff.moderator, 'DELETE', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`))).status).toBe(204);
    expect(await finds(staff.peer, 'quokka')).toEqual([]);
    expect((await as(staff.moderator, 'PUT', channelPath(workspaceId, channelId, `members/${staff.peer.account.id}`), {})).status).toBe(200);
    expect(await finds(staff.peer, 'quokka')).toHaveLength(1);
  });

  it('an archived channel stays searchable', async () => {
    const channelId = await channelWith(workspaceId, 'old-times', staff.owner, staff.member);
    await post(staff.owner, channelId, 'remember the wombat release');
    expect((await as(staff.owner, 'PUT', channelPath(workspaceId, channelId, 'archived'), {})).status).toBe(200);
    expect(await finds(staff.member, 'wombat')).toEqual(['remember the wombat release']);
  });

  it('another workspace is not searched, and a non-member of the workspace gets 404', async () => {
    const other = await staffedWorkspace();
    expect(await finds(staff.member, 'wombat')).toHaveLength(1);
    const result = await as(other.owner, 'GET', `/api/workspaces/${workspaceId}/search?q=wombat`);
    expectError(result, 404, 'not_found');
  });
});

describe('what is indexed', () => {
  it('finds thread replies and pinned changes at once, never system messages', async () => {
    const channelId = await channelWith(workspaceId, 'threads-here', staff.member);
    const socket = track(await openAtEnd(staff.member, workspaceId, channelId));
    const root = await socket.post('the ibis migration');
    socket.send({ type: 'send', clientId: crypto.randomUUID(), body: 'an ibis reply in the thread', threadRoot: root.seq });
    await socket.expect('ack');
    await nextMessages(socket, 2); // the reply and its root's new summary
    expect((await finds(staff.member, 'ibis')).sort()).toEqual(['an ibis reply in the thread', 'the ibis migration']);
    expect(await finds(staff.member, 'ibis is:pinned')).toEqual([]);
    socket.send({ type: 'pin', seq: root.seq, pinned: true });
    await socket.expect('message');
    expect(await finds(staff.member, 'ibis is:pinned')).toEqual(['the ibis migration']);
    // Renaming posts a system message naming the channel; search never finds system messages.
    expect((await as(staff.member, 'PATCH', channelPath(workspaceId, channelId, '').replace(/\/$/, ''), { name: 'flamingo-room' })).status).toBe(200);
    expect(await finds(staff.member, 'flamingo')).toEqual([]);
  });

  it('a channel object answers nothing to a grant issued before the person lost access', async () => {
    const channelId = await privateChannel(workspaceId, 'revoked-here', staff.admin, staff.peer);
    await post(staff.admin, channelId, 'heron notes');
    const issuedAt = Date.now() - 1;
    const stub = channelStub(channelId);
    const query = { terms: [{ text: 'heron', phrase: false, excluded: false, prefix: false }], authorIds: null, has: [], pinned: false, sinceAt: null, untilAt: null, mode: 'newest' as const, now: Date.now(), after: null, limit: 21 };
    const grant = { channelId, userId: staff.peer.account.id, fromSeq: 1, issuedAt };
    expect((await stub.search(grant, query)).hits).toHaveLength(1);
    await stub.closeSocketsOf(staff.peer.account.id, 'removed');
    expect((await stub.search(grant, query)).hits).toEqual([]);
  });
});
