/** Invariant 4 on the socket: a bad frame gets a clear error, changes nothing, and the socket keeps working. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import {
  addMember,
  createWorkspace,
  history,
  newClientId,
  openSocket,
  signUp,
  type ChannelSocket,
  type User,
} from './helpers';

let alice: User;
let workspaceId: string;
let channelId: string;
let sender: ChannelSocket;
let reader: ChannelSocket;
let lastSeq = 0;

beforeAll(async () => {
  alice = await signUp('alice');
  const bob = await signUp('bob');
  ({ workspaceId, generalChannelId: channelId } = await createWorkspace(alice));
  await addMember(alice, workspaceId, bob);
  sender = (await openSocket(alice, workspaceId, channelId)).socket;
  reader = (await openSocket(bob, workspaceId, channelId)).socket;
  lastSeq = (await sender.post('before the bad frames')).seq;
  await reader.expect('message');
});

afterAll(() => {
  sender.close();
  reader.close();
});

const send = (body: unknown) => ({ type: 'send', clientId: newClientId(), body });

it.each([
  ['a binary frame', new Uint8Array([123, 125]), 'bad_request', /binary/],
  ['text that is not JSON', '{"type": "send", ', 'bad_request', /valid JSON/],
  ['JSON that is not an object', '[1, 2, 3]', 'bad_request', /./],
  ['JSON null', 'null', 'bad_request', /./],
  ['an unknown frame type', { type: 'explode', seq: 1 }, 'bad_request', /type/],
  ['a frame without a type', { clientId: newClientId(), body: 'hi' }, 'bad_request', /type/],
  ['a send without a client id', { type: 'send', body: 'hi' }, 'bad_request', /clientId/],
  ['a client id with odd characters', { type: 'send', clientId: 'has spaces in it', body: 'hi' }, 'bad_request', /clientId/],
  ['a client id that is too short', { type: 'send', clientId: 'short', body: 'hi' }, 'bad_request', /clientId/],
  ['an empty body', send(''), 'bad_request', /cannot be empty/],
  ['a body of only whitespace', send(' \n\t '), 'bad_request', /cannot be empty/],
  ['a body that is not text', send(42), 'bad_request', /body/],
  ['a body over the length limit', send('x'.repeat(LIMITS.messageBodyMax + 1)), 'bad_request', new RegExp(`at most ${LIMITS.messageBodyMax} characters`)],
  ['a frame over the size limit', send('x'.repeat(LIMITS.frameMax)), 'payload_too_large', new RegExp(`at most ${LIMITS.frameMax} characters`)],
])('%s gets an error frame, stores nothing, and the socket keeps working', async (_what, frame, code, message) => {
  sender.send(frame);
  const error = await sender.expect('error');
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);

  await reader.expectQuiet(50);
  const next = await sender.post('still here');
  expect(next.seq).toBe(lastSeq + 1);
  expect((await reader.expect('message')).message).toEqual(next);
  lastSeq = next.seq;
});

it('a refused send names its clientId, so the sender knows which message failed', async () => {
  const frame = send('');
  sender.send(frame);
  const error = await sender.expect('error');
  expect(error.clientId).toBe(frame.clientId);
});

it('a body of exactly the length limit is accepted', async () => {
  const message = await sender.post('y'.repeat(LIMITS.messageBodyMax));
  expect(message.body).toHaveLength(LIMITS.messageBodyMax);
  await reader.expect('message');
  lastSeq = message.seq;
});

it('history holds only the good messages, each once, in order', async () => {
  const { messages } = await history(alice, workspaceId, channelId, `limit=${LIMITS.historyPageMax}`);
  expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
  expect(messages[0].body).toBe('before the bad frames');
  expect(messages.slice(1, -1).every((m) => m.body === 'still here')).toBe(true);
});
