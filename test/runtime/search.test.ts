/** Search (issue 7): languages, code, word forms, changes at once, and queries that must never break the index. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openAtEnd } from './moderation-helpers';
import { as, channelWith, closeSocketsAfterEach, expectError, openSocket, signUp, type User, workspaceWith } from './helpers';

const track = closeSocketsAfterEach();

const TRICKY = [
  'The connection was reset by the peer (ERR_CONN_RESET) again',
  'Reconnecting to the database failed twice',
  'I connected the new printer yesterday',
  'Call foo.bar() before init, not foo.baz()',
  'fooBar and foo bar are different things',
  'Use getElementById instead of querySelector',
  '東京都に住んでいます',
  '明日東京へ行きます',
  '京都のお寺を見ました',
  '会議は3時からです',
  '我们在北京大学学习中文',
  '北京的天气很好',
  '大学生活很有意思',
  '한국어를 공부합니다',
  '한국 음식이 맛있어요',
  '日本語のテキストと English mixed のメッセージ',
  'The café serves crème brûlée',
  'cafe menu updated',
  'ログインできません',
  'ログを確認してください',
  '猫が好きです',
  '猫舌なので熱いのは苦手',
  'Running the tests now, it runs fast',
  'He ran the migration',
  'Order 66 executed; see ticket #4521',
  'ERR_CONN_REFUSED is different from ECONNRESET',
  `The 'quoted' and "double quoted" NEAR OR AND words`,
  'サーバーが落ちました',
  '中文 and 中国',
  '学习',
  '東京都庁で会議',
  'XMLHttpRequest is old; use fetch',
];

// query → [must find (c numbers), may find]
const QUERIES: [string, number[], number[]][] = [
  ['connect', [1, 3], [2]],
  ['connecting', [1, 3], [2]],
  ['ERR_CONN_RESET', [1], []],
  ['foo.bar()', [4], [5]],
  ['"foo bar"', [5], [4]],
  ['getElementById', [6], []],
  ['ElementById', [6], []],
  ['HttpRequest', [32], []],
  ['東京都', [7, 31], []],
  ['東京', [7, 8, 31], []],
  ['京都', [9], [7, 31]],
  ['会議', [10, 31], []],
  ['猫', [21], [22]],
  ['北京', [11, 12], []],
  ['大学', [11, 13], []],
  ['学习', [11, 30], []],
  ['中文', [11, 29], []],
  ['한국어', [14], []],
  ['한국', [15], [14]],
  ['ログ', [20], [19]],
  ['ログイン', [19], []],
  ['サーバー', [28], []],
  ['cafe', [17, 18], []],
  ['café', [17, 18], []],
  ['run', [23], [24]],
  ['4521', [25], []],
  ['#4521', [25], []],
  ['66', [25], []],
  ['NEAR', [27], []],
  ['OR', [27], []],
  ['"double quoted"', [27], []],
  [`'quoted'`, [27], []],
  ['connect -printer', [1], [2]],
  ['日本語 English', [16], []],
  ['"the peer"', [1], []],
  ['body:secret', [], []],
  ['NEAR(', [27], []],
];

let owner: User;
let workspaceId: string;
let channelId: string;
const seqOf = new Map<number, number>();

async function search(q: string, extra = '') {
  return as(owner, 'GET', `/api/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}${extra}`);
}

async function found(q: string): Promise<number[]> {
  const result = await search(q);
  expect(result.status, `${q}: ${JSON.stringify(result.body)}`).toBe(200);
  const byseq = new Map([...seqOf].map(([c, s]) => [s, c]));
  return result.body.hits.map((h: { message: { seq: number } }) => byseq.get(h.message.seq)).sort((a: number, b: number) => a - b);
}

beforeAll(async () => {
  owner = await signUp('searcher');
  ({ workspaceId } = await workspaceWith(owner));
  channelId = await channelWith(workspaceId, 'tricky', owner);
  const { socket } = await openSocket(owner, workspaceId, channelId);
  for (const [i, body] of TRICKY.entries()) seqOf.set(i + 1, (await socket.post(body)).seq);
  socket.close();
});

describe('the tricky set', () => {
  for (const [q, must, may] of QUERIES) {
    it(`${q} finds ${must.map((c) => `c${c}`).join(', ') || 'nothing'}`, async () => {
      const hits = await found(q);
      for (const c of must) expect(hits, q).toContain(c);
      for (const c of hits) expect([...must, ...may], `${q} found c${c}`).toContain(c);
    });
  }

  it('ranks a whole-word CJK hit first when sorted by relevance', async () => {
    const result = await search('京都', '&sort=relevance');
    expect(result.body.hits[0].message.seq).toBe(seqOf.get(9));
  });

  it('returns the words searched for, for highlighting, and the channel of each hit', async () => {
    const result = await search('connect -printer');
    expect(result.body.terms).toEqual(['connect']);
    expect(result.body.hits[0]).toMatchObject({ channelId, channelName: 'tricky', channelKind: 'public' });
  });
});

describe('queries that must never break the index', () => {
  const NASTY = ['"', '*', '^', '"unbalanced', 'NEAR(a b', 'body : x', '{body files} : x', 'a OR', 'AND', 'NOT x', '-', '--', '()', ')(', 'x*', '^x',
    'words:x', 'rowid:1', '"a""b"', "'; DROP TABLE messages; --", '\u0000', '🙂', 'a'.repeat(400), 'NEAR("a" "b", 2)', '+x', 'x:"y"', '"*"'];
  for (const q of NASTY) {
    it(`${JSON.stringify(q.slice(0, 40))} answers 200 or 400`, async () => {
      const result = await search(q);
      expect([200, 400], JSON.stringify(result.body)).toContain(result.status);
    });
  }

  it('says why a query is refused', async () => {
    expectError(await search('-printer'), 400, 'bad_request');
    expectError(await search('before:yesterday'), 400, 'bad_request');
    expectError(await search('has:video'), 400, 'bad_request');
    expectError(await search('x', '&cursor=garbage'), 400, 'bad_request');
    expectError(await search('x', '&tz=Mars/Olympus'), 400, 'bad_request');
  });
});

describe('the index follows changes at once', () => {
  it('finds the new words of an edit and not the old, and nothing of a delete', async () => {
    const socket = track(await openAtEnd(owner, workspaceId, channelId));
    const posted = await socket.post('the zeppelin departs at noon');
    expect((await search('zeppelin')).body.hits.map((h: { message: { seq: number } }) => h.message.seq)).toEqual([posted.seq]);
    socket.send({ type: 'edit', seq: posted.seq, body: 'the airship departs at noon' });
    await socket.expect('message');
    expect((await search('zeppelin')).body.hits).toEqual([]);
    expect((await search('airship')).body.hits).toHaveLength(1);
    socket.send({ type: 'delete', seq: posted.seq });
    await socket.expect('message');
    expect((await search('airship')).body.hits).toEqual([]);
    socket.close();
  });
});
