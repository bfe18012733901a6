/** Per-channel notification settings: PUT /api/workspaces/:ws/channels/:ch/notifications. */
import { beforeAll, describe, expect, it } from 'vitest';
import { as, call, channelWith, expectError, signUp, type User, workspaceWith } from './helpers';
import { gatewaysClosedAfterEach, postActivity, recordPost } from './gateway-helpers';

let alice: User;
let bob: User;
let outsider: User;
let workspaceId: string;
let roomId: string;
const gateways = gatewaysClosedAfterEach();

const settingsPath = (channelId = roomId, ws = workspaceId) => `/api/workspaces/${ws}/channels/${channelId}/notifications`;

beforeAll(async () => {
  alice = await signUp('alice');
  bob = await signUp('bob');
  outsider = await signUp('outsider');
  ({ workspaceId } = await workspaceWith(alice, bob));
  roomId = await channelWith(workspaceId, 'room', alice);
});

describe('changing settings', () => {
  it('mentions only and unmuted until changed; each change answers the new state', async () => {
    const { hello } = await gateways.open(alice, workspaceId);
    expect(hello.channels.find((c) => c.channelId === roomId)).toMatchObject({ level: 'mentions', muted: false });

    const loud = await as(alice, 'PUT', settingsPath(), { level: 'all' });
    expect(loud.status).toBe(200);
    expect(loud.body.state).toMatchObject({ channelId: roomId, level: 'all', muted: false });
    const muted = await as(alice, 'PUT', settingsPath(), { muted: true });
    expect(muted.body.state).toMatchObject({ level: 'all', muted: true });
    const both = await as(alice, 'PUT', settingsPath(), { level: 'nothing', muted: false });
    expect(both.body.state).toMatchObject({ level: 'nothing', muted: false });
  });

  it('every device of the person gets the new state; nobody else does', async () => {
    const options = { ignore: ['presence' as const] };
    const { gateway: laptop } = await gateways.open(alice, workspaceId, options);
    const { gateway: phone } = await gateways.open(alice, workspaceId, options);
    const { gateway: bobGateway } = await gateways.open(bob, workspaceId, options);
    const result = await as(alice, 'PUT', settingsPath(), { level: 'all', muted: true });
    for (const device of [laptop, phone]) expect(await device.expect('state')).toEqual({ type: 'state', state: result.body.state });
    await bobGateway.expectQuiet();
  });

  it('settings are kept across reconnects and reads, and do not change counts', async () => {
    await as(alice, 'PUT', settingsPath(), { level: 'mentions', muted: true });
    await recordPost(workspaceId, postActivity(roomId, 1, bob, { mentionedUserIds: [alice.account.id] }));
    const { gateway, hello } = await gateways.open(alice, workspaceId);
    expect(hello.channels.find((c) => c.channelId === roomId)).toMatchObject({ level: 'mentions', muted: true, mentionCount: 1 });
    gateway.send({ type: 'read', channelId: roomId, seq: 1 });
    expect((await gateway.expect('state')).state).toMatchObject({ level: 'mentions', muted: true, mentionCount: 0, readSeq: 1 });
  });
});

describe('refusals', () => {
  it.each([
    ['an empty body', {}, /level, muted/],
    ['an unknown level', { level: 'loud' }, /level/],
    ['muted that is not a boolean', { muted: 'yes' }, /muted/],
  ])('%s is refused with a clear error and changes nothing', async (_what, body, message) => {
    const before = (await as(alice, 'PUT', settingsPath(), { level: 'all' })).body.state;
    const result = await as(alice, 'PUT', settingsPath(), body);
    expectError(result, 400, 'invalid_body');
    expect(result.body.error.message).toMatch(message);
    const { hello } = await gateways.open(alice, workspaceId);
    expect(hello.channels.find((c) => c.channelId === roomId)).toEqual(before);
  });

  it('a workspace member not in the channel is forbidden; nothing is created for them', async () => {
    expectError(await as(bob, 'PUT', settingsPath(), { level: 'all' }), 403, 'forbidden');
    const { hello } = await gateways.open(bob, workspaceId);
    expect(hello.channels.map((c) => c.channelId)).not.toContain(roomId);
  });

  it('someone outside the workspace, or a channel that does not exist, is not found', async () => {
    expectError(await as(outsider, 'PUT', settingsPath(), { level: 'all' }), 404, 'not_found');
    expectError(await as(alice, 'PUT', settingsPath('abcdefghijklmnop'), { level: 'all' }), 404, 'not_found');
    expectError(await as(alice, 'PUT', settingsPath('not-an-id'), { level: 'all' }), 404, 'not_found');
  });

  it('needs a session and the same origin', async () => {
    expectError(await call('PUT', settingsPath(), { json: { level: 'all' } }), 401, 'unauthenticated');
    const crossSite = await call('PUT', settingsPath(), {
      cookie: alice.cookie,
      as: alice.account.id,
      json: { level: 'all' },
      headers: { Origin: 'http://evil.test' },
    });
    expectError(crossSite, 403, 'cross_site');
  });
});
