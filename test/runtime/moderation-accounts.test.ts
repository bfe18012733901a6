/** What a workspace does when the accounts side tells it of a profile change, a deleted account or a deactivation. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETED_USER_NAME } from '../../src/shared/model';
import { ACCESS_REVOKED_CLOSE } from '../../src/shared/wire';
import { gatewaysClosedAfterEach } from './gateway-helpers';
import { addMember, as, closeSocketsAfterEach, history, nextMessages, openSocket, PASSWORD, signUp, type User, workspaceStub } from './helpers';
import { memberPath, openAtEnd, setRole, staffedWorkspace } from './moderation-helpers';

const gateways = gatewaysClosedAfterEach();
const track = closeSocketsAfterEach();

let instanceAdmin: User;

beforeAll(async () => {
  // The first account of the instance is its administrator (for deactivations).
  instanceAdmin = await signUp('instance-admin');
});

describe('a profile change', () => {
  it('reaches every gateway as a member frame, and a channel socket opened before posts under the new name', async () => {
    const w = await staffedWorkspace();
    const { gateway } = await gateways.open(w.peer, w.workspaceId, { ignore: ['presence', 'activity'] });
    const socket = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    const status = { text: 'In the lab', emoji: '🧪', expiresAt: null };
    const result = await as(w.member, 'PATCH', '/api/account/profile', { displayName: 'Renamed Member', status, nameColor: 'teal' });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect((await gateway.expect('member')).member).toMatchObject({ userId: w.member.account.id, displayName: 'Renamed Member', status, nameColor: 'teal' });
    expect((await socket.post('hello again')).authorName).toBe('Renamed Member');
    expect((await as(w.peer, 'GET', memberPath(w.workspaceId, w.member))).body.member).toMatchObject({ displayName: 'Renamed Member', status });
  });

  it('keeps the role and timeout a socket carries', async () => {
    const w = await staffedWorkspace();
    const socket = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    await as(w.moderator, 'PUT', memberPath(w.workspaceId, w.member, 'timeout'), { seconds: 300 });
    await as(w.member, 'PATCH', '/api/account/profile', { displayName: 'Still Timed Out' });
    socket.send({ type: 'send', clientId: crypto.randomUUID(), body: 'let me' });
    expect((await socket.expect('error')).code).toBe('timed_out');
  });
});

describe('a deleted account', () => {
  it('hard: a client that reconnects later gets each erased message as a delete, replies and reactions included', async () => {
    const w = await staffedWorkspace();
    const leaver = w.peer;
    const watcher = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    const writer = track(await openAtEnd(leaver, w.workspaceId, w.generalChannelId));
    const root = await watcher.post('a root');
    await writer.expect('message');
    writer.send({ type: 'send', clientId: crypto.randomUUID(), body: 'a reply', threadRoot: root.seq });
    await writer.expect('ack');
    await nextMessages(writer, 2);
    await nextMessages(watcher, 2);
    const own = await writer.post('my words');
    writer.send({ type: 'react', seq: root.seq, emoji: '👍', on: true });
    await writer.expect('message');
    await nextMessages(watcher, 2);
    const { lastSeq } = await history(w.member, w.workspaceId, w.generalChannelId);
    watcher.close();

    expect((await as(leaver, 'DELETE', '/api/account', { password: PASSWORD, mode: 'hard' })).status).toBe(204);
    expect(await writer.closed()).toBe(ACCESS_REVOKED_CLOSE);

    const { socket } = await openSocket(w.member, w.workspaceId, w.generalChannelId, `after=${lastSeq}`);
    track(socket);
    const changes = new Map<number, Awaited<ReturnType<typeof nextMessages>>[number]>();
    await expect
      .poll(async () => {
        while (true) {
          const frame = await socket.next(200).catch(() => null);
          if (!frame) break;
          if (frame.type === 'message') changes.set(frame.message.seq, frame.message);
        }
        return changes.get(own.seq)?.deletedAt ?? null;
      })
      .not.toBeNull();
    expect(changes.get(own.seq)).toMatchObject({ body: '', authorName: DELETED_USER_NAME });
    const rootNow = changes.get(root.seq)!;
    expect(rootNow.thread).toBeNull();
    expect(rootNow.reactions).toEqual([{ emoji: '👍', users: [{ id: leaver.account.id, name: DELETED_USER_NAME }] }]);
  });

  it('an owner’s workspace passes to the longest-standing admin', async () => {
    const w = await staffedWorkspace();
    const later = await signUp(`later-admin-${crypto.randomUUID().slice(0, 6)}`);
    await addMember(w.owner, w.workspaceId, later);
    await setRole(w.owner, w.workspaceId, later, 'admin');
    expect(await workspaceStub(w.workspaceId).accountDeletionBlocker(w.owner.account.id)).toBeNull();
    expect((await as(w.owner, 'DELETE', '/api/account', { password: PASSWORD, mode: 'soft' })).status).toBe(204);
    expect((await as(w.admin, 'GET', memberPath(w.workspaceId, w.admin))).body.member.role).toBe('owner');
    expect((await as(w.admin, 'GET', memberPath(w.workspaceId, later))).body.member.role).toBe('admin');
    const audit = await as(w.admin, 'GET', `/api/workspaces/${w.workspaceId}/audit?action=member.role&targetId=${w.admin.account.id}`);
    expect(audit.body.entries[0]).toMatchObject({ actorId: w.owner.account.id, detail: { to: 'owner', reason: 'account_deleted' } });
  });

  it('an owner with no admin to take over is a blocker', async () => {
    const w = await staffedWorkspace();
    await setRole(w.owner, w.workspaceId, w.admin, 'member');
    expect(await workspaceStub(w.workspaceId).accountDeletionBlocker(w.owner.account.id)).toMatch(/admin/);
    expect(await workspaceStub(w.workspaceId).accountDeletionBlocker(w.member.account.id)).toBeNull();
  });
});

describe('a deactivated account', () => {
  it('loses its open sockets at once but stays a member', async () => {
    const w = await staffedWorkspace();
    const { gateway } = await gateways.open(w.member, w.workspaceId, { ignore: ['presence'] });
    const socket = track(await openAtEnd(w.member, w.workspaceId, w.generalChannelId));
    const result = await as(instanceAdmin, 'PUT', `/api/admin/users/${w.member.account.id}/deactivated`, {});
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(await gateway.expect('removed')).toMatchObject({ reason: 'account_deactivated' });
    expect(await gateway.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect(await socket.closed()).toBe(ACCESS_REVOKED_CLOSE);
    expect((await as(w.owner, 'GET', memberPath(w.workspaceId, w.member))).status).toBe(200);
  });
});
