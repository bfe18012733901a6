/** The workspace gateway socket: who may open it, what its hello says, and how it treats bad frames. */
import { beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_PROTOCOL_VERSION } from '../../src/shared/gateway';
import { LIMITS } from '../../src/shared/limits';
import { buildRequest, channelWith, fetchWorker, signUp, type User, workspaceWith } from './helpers';
import {
  gatewayPath,
  gatewaysClosedAfterEach,
  GatewaySocket,
  postActivity,
  recordPost,
  requestGateway,
} from './gateway-helpers';

let alice: User;
let bob: User;
let outsider: User;
const gateways = gatewaysClosedAfterEach();

beforeAll(async () => {
  alice = await signUp('alice', { displayName: 'Alice A.' });
  bob = await signUp('bob');
  outsider = await signUp('outsider');
});

describe('connecting', () => {
  it('hello carries the caller, their state in each channel they belong to, who is connected and their override', async () => {
    const { workspaceId, generalChannelId } = await workspaceWith(alice, bob);
    const design = await channelWith(workspaceId, 'design', alice);
    await recordPost(workspaceId, postActivity(generalChannelId, 1, alice, { createdAt: 1234 }));

    const { gateway: aliceGateway } = await gateways.open(alice, workspaceId);
    const { hello } = await gateways.open(bob, workspaceId);
    expect(hello).toEqual({
      type: 'hello',
      protocol: GATEWAY_PROTOCOL_VERSION,
      userId: bob.account.id,
      // #design is alice's alone: bob gets no state for it.
      channels: [
        { channelId: generalChannelId, lastPostSeq: 1, lastPostAt: 1234, readSeq: 0, mentionCount: 0, level: 'mentions', muted: false },
      ],
      presence: { [alice.account.id]: 'online', [bob.account.id]: 'online' },
      statusOverride: 'auto',
    });
    expect(hello.channels.map((c) => c.channelId)).not.toContain(design);
    expect(await aliceGateway.expect('presence')).toEqual({ type: 'presence', userId: bob.account.id, presence: 'online' });
  });

  it('someone not in the workspace gets 404 like every other route, and no socket', async () => {
    const { workspaceId } = await workspaceWith(alice);
    const response = await requestGateway(outsider, workspaceId);
    expect(response.status).toBe(404);
    expect(response.webSocket).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    // A workspace that does not exist looks the same.
    expect((await requestGateway(outsider, 'aaaaaaaaaaaaaaaa')).status).toBe(404);
  });

  it('needs a session, the same origin and an upgrade', async () => {
    const { workspaceId } = await workspaceWith(alice);
    const anonymous = await fetchWorker(
      new Request(`http://hearth.test${gatewayPath(workspaceId)}`, { headers: { Upgrade: 'websocket', Origin: 'http://hearth.test' } }),
    );
    expect(anonymous.status).toBe(401);
    const crossSite = await requestGateway(alice, workspaceId, undefined, { Origin: 'http://evil.test' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.webSocket).toBeNull();
    const plain = await fetchWorker(buildRequest('GET', gatewayPath(workspaceId), { cookie: alice.cookie, as: alice.account.id }));
    expect(plain.status).toBe(400);
  });

  it.each(['protocol=0', 'protocol=abc'])('a bad query (%s) is refused with 400 before upgrading', async (query) => {
    const { workspaceId } = await workspaceWith(alice);
    const response = await requestGateway(alice, workspaceId, query);
    expect(response.status).toBe(400);
    expect(response.webSocket).toBeNull();
  });

  it('refuses a protocol version it does not speak, saying so before closing', async () => {
    const { workspaceId } = await workspaceWith(alice);
    const response = await requestGateway(alice, workspaceId, `protocol=${GATEWAY_PROTOCOL_VERSION + 1}`);
    expect(response.status).toBe(101);
    const gateway = gateways.track(new GatewaySocket(response.webSocket!));
    expect(await gateway.expect('error')).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/reload/) });
    expect(await gateway.closed()).toBe(4400);
  });

  it('answers a bare ping with pong', async () => {
    const { workspaceId } = await workspaceWith(alice);
    const { gateway } = await gateways.open(alice, workspaceId);
    gateway.send('ping');
    expect(await gateway.next()).toEqual({ type: 'text', data: 'pong' });
  });
});

describe('bad frames', () => {
  const anId = 'abcdefghijklmnop';
  it.each([
    ['a binary frame', new Uint8Array([123, 125]), 'bad_request', /binary/],
    ['text that is not JSON', '{"type": "read", ', 'bad_request', /valid JSON/],
    ['JSON null', 'null', 'bad_request', /./],
    ['an unknown frame type', { type: 'send', body: 'hi' }, 'bad_request', /type/],
    ['a read without a channel', { type: 'read', seq: 1 }, 'bad_request', /channelId/],
    ['a read of a malformed channel id', { type: 'read', channelId: 'nope', seq: 1 }, 'bad_request', /channelId/],
    ['a read of a negative seq', { type: 'read', channelId: anId, seq: -1 }, 'bad_request', /seq/],
    ['a read of a fractional seq', { type: 'read', channelId: anId, seq: 1.5 }, 'bad_request', /seq/],
    ['an activity that is neither active nor idle', { type: 'activity', state: 'asleep' }, 'bad_request', /state/],
    ['a status that is not an override', { type: 'status', override: 'invisible' }, 'bad_request', /override/],
    ['a frame over the size limit', { type: 'status', override: 'x'.repeat(LIMITS.frameMax) }, 'payload_too_large', /at most/],
  ])('%s gets an error frame, changes nothing, and the socket keeps working', async (_what, frame, code, message) => {
    const { workspaceId, generalChannelId } = await workspaceWith(alice, bob);
    await recordPost(workspaceId, postActivity(generalChannelId, 3, bob, { mentionedUserIds: [alice.account.id] }));
    const { gateway, hello } = await gateways.open(alice, workspaceId);

    gateway.send(frame);
    const error = await gateway.expect('error');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);

    // Still working: a good frame after the bad one is handled.
    gateway.send({ type: 'read', channelId: generalChannelId, seq: 3 });
    expect((await gateway.expect('state')).state).toMatchObject({ readSeq: 3, mentionCount: 0 });
    expect(hello.statusOverride).toBe('auto');
    const again = await gateways.open(alice, workspaceId);
    expect(again.hello.statusOverride).toBe('auto');
  });

  it('a frame of someone else changes nothing of theirs: a read names a channel, never a person', async () => {
    const { workspaceId, generalChannelId } = await workspaceWith(alice, bob);
    await recordPost(workspaceId, postActivity(generalChannelId, 1, alice));
    const { gateway } = await gateways.open(alice, workspaceId);
    gateway.send({ type: 'read', channelId: generalChannelId, seq: 1, userId: bob.account.id });
    await gateway.expectQuiet(); // alice read it already, as its author
    const { hello } = await gateways.open(bob, workspaceId);
    expect(hello.channels[0].readSeq).toBe(0);
  });
});
