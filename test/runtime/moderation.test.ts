/** Roles, timeouts, removals and bans: who may do them to whom, and what they do to open sockets. */
import { describe, expect, it } from 'vitest';
import type { Member, Role } from '../../src/shared/model';
import { ACCESS_REVOKED_CLOSE, PROTOCOL_VERSION } from '../../src/shared/wire';
import { gatewaysClosedAfterEach } from './gateway-helpers';
import { IDENTITY_HEADER } from '../../src/durable/channel/identity';
import {
  addMember,
  as,
  ChannelSocket,
  channelStub,
  closeSocketsAfterEach,
  createInvite,
  expectError,
  newClientId,
  requestSocket,
  signUp,
  type User,
} from './helpers';
import { banPath, expectChangesRefused, memberPath, openAtEnd, setRole, staffedWorkspace } from './moderation-helpers';

const gateways = gatewaysClosedAfterEach();
const track = closeSocketsAfterEach();

type Staffed = Awaited<ReturnType<typeof staffedWorkspace>>;
type Who = 'owner' | 'admin' | 'moderator' | 'member' | 'peer';
type Case = [actor: Who, target: Who, allowed: boolean];

/** Each test gets a fresh workspace, so one test's removals and bans cannot change another's. */
async function fresh(): Promise<Staffed> {
  return staffedWorkspace();
}

async function memberOf(w: Staffed, user: User): Promise<Member> {
  const result = await as(w.owner, 'GET', memberPath(w.workspaceId, user));
  expect(result.status).toBe(200);
  return result.body.member;
}

describe('looking members up', () => {
  it('any member may look another up; someone outside the workspace is not found', async () => {
    const w = await fresh();
    const result = await as(w.peer, 'GET', memberPath(w.workspaceId, w.moderator));
    expect(result.body.member).toMatchObject({
      userId: w.moderator.account.id,
      role: 'moderator',
      timedOutUntil: null,
      avatarVersion: null,
      status: null,
      nameColor: null,
    });
    const stranger = await signUp(`stranger-${newClientId().slice(0, 8)}`);
    expectError(await as(w.peer, 'GET', memberPath(w.workspaceId, stranger)), 404, 'not_found');
    expectError(await as(stranger, 'GET', memberPath(w.workspaceId, w.peer)), 404, 'not_found');
  });
});

describe('changing roles', () => {
  const cases: Array<[actor: Who, target: Who, role: Role, allowed: boolean]> = [
    ['owner', 'member', 'admin', true],
    ['admin', 'member', 'moderator', true],
    ['admin', 'member', 'admin', true],
    ['admin', 'moderator', 'member', true],
    ['admin', 'admin', 'member', false],
    ['admin', 'owner', 'admin', false],
    ['moderator', 'member', 'moderator', false],
    ['member', 'peer', 'moderator', false],
    ['owner', 'admin', 'owner', false],
  ];
  it.each(cases)('%s changing %s to %s: allowed %s', async (actor, target, role, allowed) => {
    const w = await fresh();
    const result = await as(w[actor], 'PATCH', memberPath(w.workspaceId, w[target]), { role });
    if (allowed) expect(result.body.member.role).toBe(role);
    else expectError(result, 403, 'forbidden');
  });

  it('everyone’s gateway hears of the change', async () => {
    const w = await fresh();
    const { gateway } = await gateways.open(w.peer, w.workspaceId, { ignore: ['presence'] });
    await setRole(w.admin, w.workspaceId, w.member, 'moderator');
    expect((await gateway.expect('member')).member).toMatchObject({ userId: w.member.account.id, role: 'moderator' });
  });

  it('reaches a socket opened before it: a demoted moderator can no longer delete others’ messages', async () => {
    const w = await fresh();
    const poster = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    const moderator = track(await openAtEnd(w.moderator, w.workspaceId, w.generalChannelId));
    const first = await poster.post('first');
    const second = await poster.post('second');
    await moderator.expect('message');
    await moderator.expect('message');

    await setRole(w.admin, w.workspaceId, w.moderator, 'member');
    moderator.send({ type: 'delete', seq: first.seq });
    expect(await moderator.expect('error')).toMatchObject({ code: 'forbidden', seq: first.seq });

    await setRole(w.admin, w.workspaceId, w.moderator, 'moderator');
    moderator.send({ type: 'delete', seq: second.seq });
    expect((await moderator.expect('message')).message).toMatchObject({ seq: second.seq, deletedAt: expect.any(Number) });
  });
});

/** Who may time out or remove whom: a moderator or above, and only someone ranked below them. */
const BELOW_YOURS: Case[] = [
  ['moderator', 'member', true],
  ['admin', 'moderator', true],
  ['owner', 'admin', true],
  ['member', 'peer', false],
  ['moderator', 'admin', false],
  ['admin', 'owner', false],
];

describe('timeouts', () => {
  it.each(BELOW_YOURS)('%s timing out %s: allowed %s', async (actor, target, allowed) => {
    const w = await fresh();
    const before = Date.now();
    const result = await as(w[actor], 'PUT', memberPath(w.workspaceId, w[target], 'timeout'), { seconds: 600 });
    if (!allowed) {
      expectError(result, 403, 'forbidden');
      expect((await memberOf(w, w[target])).timedOutUntil).toBeNull();
      return;
    }
    expect(result.status).toBe(200);
    expect(result.body.member.timedOutUntil).toBeGreaterThanOrEqual(before + 600_000);
    expect(result.body.member.timedOutUntil).toBeLessThanOrEqual(Date.now() + 600_000);
  });

  it('nobody times themselves out; the length is bounded', async () => {
    const w = await fresh();
    expectError(await as(w.admin, 'PUT', memberPath(w.workspaceId, w.admin, 'timeout'), { seconds: 600 }), 403, 'forbidden');
    expectError(await as(w.admin, 'PUT', memberPath(w.workspaceId, w.member, 'timeout'), { seconds: 5 }), 400, 'invalid_body');
    expectError(await as(w.admin, 'PUT', memberPath(w.workspaceId, w.member, 'timeout'), { seconds: 29 * 24 * 3600 }), 400, 'invalid_body');
  });

  it('stops a socket opened before it from posting, editing, deleting, reacting and pinning, saying until when; lifting it lets them post again', async () => {
    const w = await fresh();
    const { gateway } = await gateways.open(w.peer, w.workspaceId, { ignore: ['presence', 'activity'] });
    const socket = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    const mine = await socket.post('before the timeout');

    const timedOut = await as(w.moderator, 'PUT', memberPath(w.workspaceId, w.member, 'timeout'), { seconds: 300, reason: 'cool down' });
    const until = timedOut.body.member.timedOutUntil as number;
    expect((await gateway.expect('member')).member).toMatchObject({ userId: w.member.account.id, timedOutUntil: until });

    const clientId = newClientId();
    socket.send({ type: 'send', clientId, body: 'during' });
    expect(await socket.expect('error')).toEqual({ type: 'error', code: 'timed_out', message: `You are timed out until ${new Date(until).toISOString()}`, clientId });
    await expectChangesRefused(socket, mine.seq, 'timed_out');
    socket.send({ type: 'typing' });
    await socket.expectQuiet();

    // A socket opened now learns it from the worker.
    const later = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    later.send({ type: 'send', clientId: newClientId(), body: 'still during' });
    expect((await later.expect('error')).code).toBe('timed_out');

    const cleared = await as(w.moderator, 'DELETE', memberPath(w.workspaceId, w.member, 'timeout'));
    expect(cleared.body.member.timedOutUntil).toBeNull();
    expect((await gateway.expect('member')).member.timedOutUntil).toBeNull();
    await socket.post('after');
  });

  it('a retried send that was stored before the timeout is still answered', async () => {
    const w = await fresh();
    const socket = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    const clientId = newClientId();
    const stored = await socket.post('once', clientId);
    await as(w.moderator, 'PUT', memberPath(w.workspaceId, w.member, 'timeout'), { seconds: 300 });
    socket.send({ type: 'send', clientId, body: 'once' });
    expect(await socket.expect('ack')).toEqual({ type: 'ack', clientId, seq: stored.seq });
  });
});

describe('between equals', () => {
  it('a moderator cannot time out, remove or ban another moderator; an admin can time them out and remove them', async () => {
    const w = await fresh();
    await setRole(w.admin, w.workspaceId, w.peer, 'moderator');
    expectError(await as(w.moderator, 'PUT', memberPath(w.workspaceId, w.peer, 'timeout'), { seconds: 60 }), 403, 'forbidden');
    const refused = await as(w.moderator, 'DELETE', memberPath(w.workspaceId, w.peer));
    expectError(refused, 403, 'forbidden');
    expect(refused.body.error.message).toMatch(/below yours/);
    expectError(await as(w.moderator, 'PUT', banPath(w.workspaceId, w.peer), {}), 403, 'forbidden');
    expect((await as(w.admin, 'PUT', memberPath(w.workspaceId, w.peer, 'timeout'), { seconds: 60 })).status).toBe(200);
    expect((await as(w.admin, 'DELETE', memberPath(w.workspaceId, w.peer))).status).toBe(204);
  });
});

describe('removing members', () => {
  it.each(BELOW_YOURS)('%s removing %s: allowed %s', async (actor, target, allowed) => {
    const w = await fresh();
    const result = await as(w[actor], 'DELETE', memberPath(w.workspaceId, w[target]));
    if (allowed) {
      expect(result.status).toBe(204);
      expectError(await as(w[target], 'GET', `/api/workspaces/${w.workspaceId}`), 404, 'not_found');
    } else {
      expectError(result, 403, 'forbidden');
      expect((await as(w[target], 'GET', `/api/workspaces/${w.workspaceId}`)).status).toBe(200);
    }
  });

  it('closes the removed person’s gateway and channel sockets at once, and everyone hears they are gone', async () => {
    const w = await fresh();
    const { gateway: theirs } = await gateways.open(w.member, w.workspaceId, { ignore: ['presence'] });
    const { gateway: others } = await gateways.open(w.peer, w.workspaceId, { ignore: ['presence'] });
    const socket = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));

    expect((await as(w.moderator, 'DELETE', memberPath(w.workspaceId, w.member))).status).toBe(204);
    expect(await theirs.expect('removed')).toEqual({ type: 'removed', reason: 'removed', message: expect.stringContaining('removed') });
    expect(await theirs.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect(await others.expect('member-removed')).toEqual({ type: 'member-removed', userId: w.member.account.id });

    expect((await requestSocket(w.member, w.workspaceId, w.generalChannelId)).status).toBe(404);
    const workspaces = (await as(w.member, 'GET', '/api/workspaces')).body.workspaces.map((x: { id: string }) => x.id);
    expect(workspaces).not.toContain(w.workspaceId);
  });

  it('a socket the worker authorized just before the removal reached the channel is closed as it opens', async () => {
    const w = await fresh();
    const authorizedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await channelStub(w.generalChannelId).closeSocketsOf(w.member.account.id, 'removed');
    const identity = {
      userId: w.member.account.id,
      displayName: w.member.account.displayName,
      role: 'member',
      workspaceId: w.workspaceId,
      channelId: w.generalChannelId,
      timedOutUntil: null,
      address: '',
      issuedAt: authorizedAt,
    };
    const response = await channelStub(w.generalChannelId).fetch(
      new Request(`https://channel/socket?after=0&protocol=${PROTOCOL_VERSION}`, { headers: { Upgrade: 'websocket', [IDENTITY_HEADER]: JSON.stringify(identity) } }),
    );
    const late = new ChannelSocket(response.webSocket!);
    expect(await late.closed()).toBe(ACCESS_REVOKED_CLOSE);
    // Someone else's socket, authorized just as early, opens as usual.
    const other = new ChannelSocket(
      (
        await channelStub(w.generalChannelId).fetch(
          new Request(`https://channel/socket?after=0&protocol=${PROTOCOL_VERSION}`, {
            headers: { Upgrade: 'websocket', [IDENTITY_HEADER]: JSON.stringify({ ...identity, userId: w.peer.account.id }) },
          }),
        )
      ).webSocket!,
    );
    track(other);
    expect((await other.expect('hello')).type).toBe('hello');
  });

  it('your own id leaves the workspace; the owner cannot leave', async () => {
    const w = await fresh();
    expect((await as(w.peer, 'DELETE', memberPath(w.workspaceId, w.peer))).status).toBe(204);
    expectError(await as(w.peer, 'GET', `/api/workspaces/${w.workspaceId}`), 404, 'not_found');
    const refused = await as(w.owner, 'DELETE', memberPath(w.workspaceId, w.owner));
    expectError(refused, 403, 'forbidden');
    expect(refused.body.error.message).toMatch(/owner/i);
  });

  it('a removed member may come back with a new invite', async () => {
    const w = await fresh();
    await as(w.moderator, 'DELETE', memberPath(w.workspaceId, w.member));
    await addMember(w.owner, w.workspaceId, w.member);
    expect((await memberOf(w, w.member)).role).toBe('member');
  });
});

describe('bans', () => {
  const cases: Case[] = [
    ['admin', 'member', true],
    ['admin', 'moderator', true],
    ['owner', 'admin', true],
    ['moderator', 'member', false],
    ['member', 'peer', false],
    ['admin', 'admin', false],
    ['admin', 'owner', false],
  ];
  it.each(cases)('%s banning %s: allowed %s', async (actor, target, allowed) => {
    const w = await fresh();
    const result = await as(w[actor], 'PUT', banPath(w.workspaceId, w[target]), { reason: 'spam' });
    if (allowed) {
      expect(result.body.ban).toMatchObject({ userId: w[target].account.id, bannedBy: w[actor].account.id, reason: 'spam' });
      expectError(await as(w[target], 'GET', `/api/workspaces/${w.workspaceId}`), 404, 'not_found');
    } else {
      expectError(result, 403, 'forbidden');
    }
  });

  it('drops the banned person’s sockets, keeps them out of invites until unbanned, and lists them for admins', async () => {
    const w = await fresh();
    const { gateway } = await gateways.open(w.member, w.workspaceId, { ignore: ['presence'] });
    const socket = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    await as(w.admin, 'PUT', banPath(w.workspaceId, w.member), { reason: 'trolling' });
    expect(await gateway.expect('removed')).toMatchObject({ reason: 'banned' });
    expect(await gateway.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);

    const invite = await createInvite(w.owner, w.workspaceId);
    const refused = await as(w.member, 'POST', `/api/invites/${invite.code}/redemptions`);
    expectError(refused, 403, 'banned');
    expect(refused.body.error.message).toMatch(/banned/);

    const bans = await as(w.admin, 'GET', `/api/workspaces/${w.workspaceId}/bans`);
    expect(bans.body.bans).toEqual([
      expect.objectContaining({ userId: w.member.account.id, username: w.member.account.username, bannedByName: w.admin.account.displayName, reason: 'trolling' }),
    ]);
    expectError(await as(w.moderator, 'GET', `/api/workspaces/${w.workspaceId}/bans`), 403, 'forbidden');
    expectError(await as(w.moderator, 'DELETE', banPath(w.workspaceId, w.member)), 403, 'forbidden');

    expect((await as(w.admin, 'DELETE', banPath(w.workspaceId, w.member))).status).toBe(204);
    expectError(await as(w.admin, 'DELETE', banPath(w.workspaceId, w.member)), 404, 'not_found');
    expect((await as(w.member, 'POST', `/api/invites/${invite.code}/redemptions`)).status).toBe(200);
  });

  it('someone who already left can be banned so they cannot come back; banning twice changes nothing', async () => {
    const w = await fresh();
    await as(w.peer, 'DELETE', memberPath(w.workspaceId, w.peer));
    const first = await as(w.admin, 'PUT', banPath(w.workspaceId, w.peer), { reason: 'left angry' });
    expect(first.body.ban).toMatchObject({ userId: w.peer.account.id, displayName: w.peer.account.displayName });
    const again = await as(w.owner, 'PUT', banPath(w.workspaceId, w.peer), { reason: 'other' });
    expect(again.body.ban).toEqual(first.body.ban);
    const invite = await createInvite(w.owner, w.workspaceId);
    expectError(await as(w.peer, 'POST', `/api/invites/${invite.code}/redemptions`), 403, 'banned');
  });

  it('an unknown person cannot be banned', async () => {
    const w = await fresh();
    expectError(await as(w.admin, 'PUT', `/api/workspaces/${w.workspaceId}/bans/aaaaaaaaaaaaaaaa`, {}), 404, 'not_found');
  });
});
