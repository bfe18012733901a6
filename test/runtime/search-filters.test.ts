/** Search's filters, paging with stateless cursors, and the backfill of messages older than the index. */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG } from './account-helpers';
import { sendFiles, text, uploaded } from './file-helpers';
import { as, type ChannelSocket, channelStub, channelWith, closeSocketsAfterEach, expectError, signUp, type User, workspaceWith } from './helpers';
import { openAtEnd } from './moderation-helpers';

const track = closeSocketsAfterEach();

let ana: User;
let bo: User;
let workspaceId: string;
let alpha: string;
let beta: string;

async function search(q: string, extra = '', user = ana) {
  return as(user, 'GET', `/api/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}${extra}`);
}

async function bodies(q: string, extra = ''): Promise<string[]> {
  const result = await search(q, extra);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.hits.map((h: { message: { body: string } }) => h.message.body);
}

let anaAlpha: ChannelSocket;

beforeAll(async () => {
  ana = await signUp('ana-search');
  bo = await signUp('bo-search');
  ({ workspaceId } = await workspaceWith(ana, bo));
  alpha = await channelWith(workspaceId, 'alpha', ana, bo);
  beta = await channelWith(workspaceId, 'beta', ana, bo);
  anaAlpha = await openAtEnd(ana, workspaceId, alpha);
  await anaAlpha.post('kiwi from ana in alpha');
  const boBeta = await openAtEnd(bo, workspaceId, beta);
  await boBeta.post('kiwi from bo in beta, see https://example.com/kiwi');
  const pinned = await boBeta.post('kiwi pinned by bo');
  boBeta.send({ type: 'pin', seq: pinned.seq, pinned: true });
  await boBeta.expect('message');
  const png = await uploaded(bo, workspaceId, beta, PNG, { name: 'bird-diagram.png', type: 'image/png', width: 1, height: 1 });
  await sendFiles(boBeta, [png.id], 'a picture');
  const doc = await uploaded(bo, workspaceId, beta, text('hello'), { name: 'quarterly-report.txt', type: 'text/plain' });
  await sendFiles(boBeta, [doc.id], 'the numbers');
  boBeta.close();
});

describe('filters', () => {
  it('from: narrows to people, by @name or me; an unknown name says so', async () => {
    expect(await bodies('kiwi from:@ana-search')).toEqual(['kiwi from ana in alpha']);
    expect(await bodies('kiwi from:me')).toEqual(['kiwi from ana in alpha']);
    expect((await bodies('kiwi from:@bo-search from:@ana-search')).length).toBe(3);
    expectError(await search('kiwi from:@nobody'), 400, 'bad_request');
  });

  it('in: narrows to channels', async () => {
    expect(await bodies('kiwi in:#alpha')).toEqual(['kiwi from ana in alpha']);
    expect((await bodies('kiwi in:#beta')).length).toBe(2);
  });

  it('has:link, has:file, has:image and is:pinned, alone and with words', async () => {
    expect(await bodies('has:link')).toEqual(['kiwi from bo in beta, see https://example.com/kiwi']);
    expect(await bodies('kiwi is:pinned')).toEqual(['kiwi pinned by bo']);
    expect(await bodies('has:file')).toEqual(['the numbers', 'a picture']);
    expect(await bodies('has:image')).toEqual(['a picture']);
    expect(await bodies('has:image has:link')).toEqual([]);
  });

  it('finds attachments by file name', async () => {
    expect(await bodies('quarterly')).toEqual(['the numbers']);
    expect(await bodies('diagram')).toEqual(['a picture']);
  });

  it('before:, after: and on: take days in the caller’s time zone', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await bodies(`kiwi on:${today}`)).length).toBe(3);
    expect((await bodies(`kiwi after:${day(-2)}`)).length).toBe(3);
    expect(await bodies(`kiwi before:${day(-1)}`)).toEqual([]);
    expect(await bodies(`kiwi after:${day(1)}`)).toEqual([]);
    // Kiritimati is UTC+14: "tomorrow" there holds the messages of today in UTC (most of the day).
    expect((await bodies(`kiwi before:${day(3)}`, '&tz=Pacific/Kiritimati')).length).toBe(3);
  });

  it('an exclusion with a filter drops what it names', async () => {
    expect(await bodies('in:#beta -kiwi')).toEqual(['the numbers', 'a picture']);
  });
});

describe('paging', () => {
  it('pages through many hits over two channels in both orders with no duplicates or gaps', async () => {
    const a = track(await openAtEnd(ana, workspaceId, alpha));
    const b = track(await openAtEnd(bo, workspaceId, beta));
    for (let i = 0; i < 25; i++) await (i % 2 ? a : b).post(`mango number ${i}`);
    for (const sort of ['newest', 'relevance']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 5; page++) {
        const result = await search('mango', `&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(result.status, JSON.stringify(result.body)).toBe(200);
        seen.push(...result.body.hits.map((h: { message: { body: string } }) => h.message.body));
        cursor = result.body.next;
        if (!cursor) break;
      }
      expect(seen.length, sort).toBe(25);
      expect(new Set(seen).size, sort).toBe(25);
      if (sort === 'newest') expect(seen[0]).toBe('mango number 24');
    }
    const first = await search('mango');
    expectError(await search('papaya', `&cursor=${first.body.next}`), 400, 'bad_request');
    expectError(await search('mango', `&sort=relevance&cursor=${first.body.next}`), 400, 'bad_request');
  });
});

describe('messages from before the index', () => {
  it('are indexed by the alarm, newest first, and the search says meanwhile that it is still indexing', async () => {
    const channelId = await channelWith(workspaceId, 'legacy', ana);
    const stub = channelStub(channelId);
    await runInDurableObject(stub, (_instance, state: DurableObjectState) => {
      for (let i = 1; i <= 600; i++) {
        state.storage.sql.exec(
          `INSERT INTO messages (seq, client_id, author_id, author_name, body, created_at, updated_seq) VALUES (?, ?, ?, 'ana', ?, ?, ?)`,
          i, `legacy-${i}`, ana.account.id, `old lychee message ${i}`, Date.now() - 1000 + i, i,
        );
      }
      state.storage.sql.exec('UPDATE search_state SET backfill_before = 601');
    });
    // As the object's constructor does after the migration that brings the index.
    await runInDurableObject(stub, (_instance, state: DurableObjectState) => state.storage.setAlarm(Date.now()));
    const before = await search('lychee in:#legacy');
    expect(before.body.hits).toEqual([]);
    expect(before.body.indexing).toEqual(['legacy']);
    for (let turn = 0; turn < 10 && (await runDurableObjectAlarm(stub)); turn++);
    const after = await search('lychee in:#legacy');
    expect(after.body.indexing).toEqual([]);
    expect(after.body.hits[0].message.body).toBe('old lychee message 600');
    expect(after.body.next).not.toBeNull();
  });
});
