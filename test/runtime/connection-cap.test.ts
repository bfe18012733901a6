/**
 * The worker refuses sockets cleanly at MAX_CONNECTIONS instead of letting
 * workerd run out of file descriptors. vitest.config.ts sets a small cap for
 * the runtime tests; each test file runs in its own process, so only this
 * file's sockets count here.
 */
import { evictDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  as,
  channelStub,
  ChannelSocket,
  createChannel,
  createWorkspace,
  openSocket,
  requestSocket,
  signUp,
  type User,
} from './helpers';

const CAP = Number(env.MAX_CONNECTIONS);
let alice: User;
let workspaceId: string;
let channels: string[];
const sockets: ChannelSocket[] = [];

beforeAll(async () => {
  expect(CAP).toBeGreaterThan(2);
  expect(CAP).toBeLessThan(50);
  alice = await signUp('alice');
  let generalChannelId: string;
  ({ workspaceId, generalChannelId } = await createWorkspace(alice));
  channels = [generalChannelId, await createChannel(alice, workspaceId, 'second')];
  // The cap is for the whole process: fill it from two channel objects.
  for (let i = 0; i < CAP; i++) sockets.push((await openSocket(alice, workspaceId, channels[i % 2])).socket);
});

afterAll(() => {
  for (const socket of sockets) socket.close();
});

async function expectRefused(channelId: string) {
  const response = await requestSocket(alice, workspaceId, channelId);
  expect(response.status).toBe(503);
  expect(response.webSocket).toBeNull();
  expect(response.headers.get('Retry-After')).toBe('10');
  expect(await response.json()).toEqual({ error: { code: 'server_busy', message: expect.stringMatching(/connection limit/) } });
}

/** Opens a socket once the server has noticed a close; closes are reported asynchronously. */
async function openWhenRoom(channelId: string): Promise<ChannelSocket> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const response = await requestSocket(alice, workspaceId, channelId);
    if (response.status === 101) {
      const socket = new ChannelSocket(response.webSocket!);
      await socket.expect('hello');
      return socket;
    }
    expect(response.status).toBe(503);
    if (Date.now() > deadline) throw new Error('no room opened up after a socket closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('the next socket past the cap gets 503 server_busy, on any channel', async () => {
  await expectRefused(channels[0]);
  await expectRefused(channels[1]);
  const third = await createChannel(alice, workspaceId, 'third');
  await expectRefused(third);
});

it('at the cap, the HTTP API keeps working', async () => {
  const result = await as(alice, 'GET', `/api/workspaces/${workspaceId}`);
  expect(result.status).toBe(200);
  expect(result.body.workspace.channels).toHaveLength(3);
});

it('at the cap, open sockets keep sending and receiving', async () => {
  const [first, second] = [sockets[0], sockets[2]]; // both on channels[0]
  const message = await first.post('still flowing');
  expect((await second.expect('message')).message).toEqual(message);
});

it('evicting the channel objects does not reset the count of their sockets', async () => {
  await evictDurableObject(channelStub(channels[0]));
  await evictDurableObject(channelStub(channels[1]));
  await expectRefused(channels[0]);
  await expectRefused(channels[1]);
});

it('closing a socket makes room for exactly one more', async () => {
  sockets.shift()!.close();
  sockets.push(await openWhenRoom(channels[1]));
  await expectRefused(channels[0]);
});
