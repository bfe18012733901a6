import { beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import type { Message } from '../../src/shared/model';
import { as, createWorkspace, expectError, history, openSocket, signUp, type User } from './helpers';

let alice: User;
let workspaceId: string;
let channelId: string;
const sent: Message[] = [];
const TOTAL = 23;

beforeAll(async () => {
  alice = await signUp('alice');
  ({ workspaceId, generalChannelId: channelId } = await createWorkspace(alice));
  const { socket } = await openSocket(alice, workspaceId, channelId);
  for (let i = 1; i <= TOTAL; i++) sent.push(await socket.post(`message ${i}`));
  socket.close();
});

const seqs = (messages: Message[]) => messages.map((m) => m.seq);

it('an empty channel has an empty first page', async () => {
  const other = await as(alice, 'POST', `/api/workspaces/${workspaceId}/channels`, { name: 'empty' });
  expect(await history(alice, workspaceId, other.body.channel.id)).toEqual({ messages: [], hasMore: false, lastSeq: 0 });
});

it('the first page is the newest messages, oldest first', async () => {
  const page = await history(alice, workspaceId, channelId, 'limit=10');
  expect(seqs(page.messages)).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  expect(page.messages).toEqual(sent.slice(-10));
  expect(page.hasMore).toBe(true);
});

it('paging back with `before` returns contiguous pages in order until hasMore is false', async () => {
  const collected: Message[] = [];
  let before: number | undefined;
  let pages = 0;
  for (;;) {
    const page = await history(alice, workspaceId, channelId, `limit=10${before ? `&before=${before}` : ''}`);
    pages++;
    expect(page.messages.length).toBeGreaterThan(0);
    collected.unshift(...page.messages);
    if (!page.hasMore) break;
    before = page.messages[0].seq;
  }
  expect(pages).toBe(3);
  expect(collected).toEqual(sent);
});

it('a page that ends exactly at the first message says there is no more', async () => {
  const page = await history(alice, workspaceId, channelId, 'limit=5&before=6');
  expect(seqs(page.messages)).toEqual([1, 2, 3, 4, 5]);
  expect(page.hasMore).toBe(false);
});

it('without a limit a page holds the default number of messages', async () => {
  const page = await history(alice, workspaceId, channelId);
  expect(page.messages).toHaveLength(Math.min(TOTAL, LIMITS.historyPageSize));
});

it.each(['limit=0', `limit=${LIMITS.historyPageMax + 1}`, 'limit=ten', 'before=0', 'before=-3', 'before=1.5'])(
  'a bad query (%s) is refused with a message',
  async (query) => {
    const result = await as(alice, 'GET', `/api/workspaces/${workspaceId}/channels/${channelId}/messages?${query}`);
    expectError(result, 400, 'bad_request');
  },
);
