/**
 * Gateway sockets count against the same process-wide cap as channel sockets
 * (vitest.config.ts sets it small; each test file runs in its own process).
 */
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkspace, openSocket, requestSocket, signUp, type ChannelSocket, type User } from './helpers';
import { GatewaySocket, requestGateway } from './gateway-helpers';

const CAP = Number(env.MAX_CONNECTIONS);
let alice: User;
let workspaceId: string;
let generalChannelId: string;
const gateways: GatewaySocket[] = [];
let channelSocket: ChannelSocket;

async function openGateway(): Promise<GatewaySocket> {
  const response = await requestGateway(alice, workspaceId);
  expect(response.status).toBe(101);
  const gateway = new GatewaySocket(response.webSocket!).ignore('presence');
  await gateway.expect('hello');
  return gateway;
}

async function expectRefused(response: Response) {
  expect(response.status).toBe(503);
  expect(response.webSocket).toBeNull();
  expect(response.headers.get('Retry-After')).toBe('10');
  expect(await response.json()).toEqual({ error: { code: 'server_busy', message: expect.stringMatching(/connection limit/) } });
}

beforeAll(async () => {
  alice = await signUp('alice');
  ({ workspaceId, generalChannelId } = await createWorkspace(alice));
  channelSocket = (await openSocket(alice, workspaceId, generalChannelId)).socket;
  for (let i = 1; i < CAP; i++) gateways.push(await openGateway());
});

afterAll(() => {
  channelSocket.close();
  for (const gateway of gateways) gateway.close();
});

it('past the cap a gateway is refused with 503 server_busy, and so is a channel socket', async () => {
  await expectRefused(await requestGateway(alice, workspaceId));
  await expectRefused(await requestSocket(alice, workspaceId, generalChannelId));
});

it('open gateways keep working at the cap', async () => {
  gateways[0].send({ type: 'status', override: 'dnd' });
  for (const gateway of gateways) expect(await gateway.expect('status')).toEqual({ type: 'status', override: 'dnd' });
});

it('closing a gateway makes room for one more', async () => {
  const closing = gateways.shift()!;
  closing.close();
  await closing.closed();
  const deadline = Date.now() + 2000;
  for (;;) {
    const response = await requestGateway(alice, workspaceId);
    if (response.status === 101) {
      const gateway = new GatewaySocket(response.webSocket!);
      await gateway.expect('hello');
      gateways.push(gateway);
      break;
    }
    expect(response.status).toBe(503);
    if (Date.now() > deadline) throw new Error('no room opened up after a gateway closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await expectRefused(await requestGateway(alice, workspaceId));
});
