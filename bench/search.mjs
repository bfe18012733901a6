// @ts-check
/**
 * Search at scale (issue 7, docs/dev/issue7-plan.md §7): seeds messages over 200 conversations, then measures
 * GET /api/workspaces/:ws/search through the production `workerd serve workerd.capnp`.
 *
 * 1. The production config on a fresh data directory: 3 accounts, a workspace, 200 conversations
 *    (170 public, 27 private, 3 DMs — three people make only three distinct DMs).
 * 2. The seeding config (bench/search/seed-worker.ts: production code plus a bench-only subclass) on the
 *    same directory: messages in 1,000-row transactions through the production insertMessage + indexMessage,
 *    Zipf 0.8 over the channels, a corpus built at run time from installed packages (nothing downloaded).
 * 3. The production config again: each query kind, newest and most relevant, warm runs and a cold run.
 *
 * node bench/search.mjs [--messages 1000000] [--runs 5] [--cold-wait 30]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { REPO_ROOT, RESULTS_DIR } from './lib/paths.mjs';
import { markdownTable, num } from './lib/report.mjs';
import { buildSeedConfig } from './lib/seed-build.mjs';
import { distribution } from './lib/stats.mjs';
import { delay, WorkerdServer, workerdVersion } from './lib/workerd.mjs';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    'cold-wait': { type: 'string', default: '30' },
  },
});
const MESSAGES = Number(args.messages);
const RUNS = Number(args.runs);
const COLD_WAIT_S = Number(args['cold-wait']);
const CHANNELS = 200;
const ROWS_PER_TXN = 1000;
const SEED_AT_ONCE = 2;
const log = (/** @type {string} */ line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** @type {WorkerdServer | null} */
let server = null;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server?.killNow();
    process.exit(1);
  });
}

// ---- corpus ----

function englishSentences() {
  const out = new Set();
  const root = path.join(REPO_ROOT, 'node_modules');
  for (const name of readdirSync(root)) {
    const dirs = name.startsWith('@') ? readdirSync(path.join(root, name)).map((n) => path.join(name, n)) : [name];
    for (const dir of dirs) {
      let text;
      try {
        text = readFileSync(path.join(root, dir, 'README.md'), 'utf8');
      } catch {
        continue;
      }
      for (const s of text.replace(/```[\s\S]*?```/g, ' ').split(/(?<=[.!?])\s+|\n\n+/)) {
        const t = s.replace(/[#*>`|[\]]/g, ' ').replace(/\s+/g, ' ').trim();
        if (t.length >= 30 && t.length <= 200 && /^[\x20-\x7e]+$/.test(t)) out.add(t);
      }
      if (out.size > 20000) return [...out];
    }
  }
  return [...out];
}

/** @param {string} locale */
function diagnostics(locale) {
  const file = path.join(REPO_ROOT, 'node_modules/typescript/lib', locale, 'diagnosticMessages.generated.json');
  return Object.values(JSON.parse(readFileSync(file, 'utf8'))).filter((s) => typeof s === 'string' && s.length < 120);
}

const RARE = ['quuxbarrow', 'zephyrkiln', 'marblequill', 'ottervane', 'plinthmoss', 'vortexhush', 'lindenmote', 'quasarpeel'];
const CODE = ['ERR_CONN_RESET', 'foo.bar()', 'getElementById', 'https://example.com/a/b', '#4521', 'XMLHttpRequest', 'ECONNREFUSED', 'useEffect()'];

/** A deterministic random source, so runs compare. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

// ---- HTTP ----

const PASSWORD = 'bench password, not secret';

async function request(base, method, p, { cookie, body } = {}) {
  const response = await fetch(`${base}${p}`, {
    method,
    headers: { Origin: base, ...(cookie ? { Cookie: cookie } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${p} answered ${response.status}: ${text}`);
  return { response, json: text ? JSON.parse(text) : null };
}

async function signUp(base, username, inviteCode) {
  const { response, json } = await request(base, 'POST', '/api/auth/signup', { body: { username, password: PASSWORD, inviteCode } });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { id: json.account.id, username, cookie };
}

// ---- the run ----

async function main() {
  ensureBuilt({ log });
  const seedConfig = await buildSeedConfig('bench/search/seed-worker.ts', 'search');

  log('Starting the production config; creating accounts, a workspace and 200 conversations…');
  server = await WorkerdServer.start({ maxConnections: 1000 });
  const dataDir = server.dataDir;
  const base = () => server.url;
  const tag = Date.now().toString(36);
  const owner = await signUp(base(), `search-${tag}-0`);
  const { json: created } = await request(base(), 'POST', '/api/workspaces', { cookie: owner.cookie, body: { name: `Search ${tag}` } });
  const ws = created.workspace.id;
  const { json: inv } = await request(base(), 'POST', `/api/workspaces/${ws}/invites`, { cookie: owner.cookie, body: {} });
  const others = [await signUp(base(), `search-${tag}-1`, inv.invite.code), await signUp(base(), `search-${tag}-2`, inv.invite.code)];
  const people = [owner, ...others];
  const channels = [created.generalChannelId];
  for (let i = 1; i < 170; i++) {
    channels.push((await request(base(), 'POST', `/api/workspaces/${ws}/channels`, { cookie: owner.cookie, body: { name: `topic-${i}` } })).json.channel.id);
  }
  for (let i = 0; i < 27; i++) {
    channels.push((await request(base(), 'POST', `/api/workspaces/${ws}/channels`, { cookie: owner.cookie, body: { name: `private-${i}`, private: true } })).json.channel.id);
  }
  for (const userIds of [[others[0].id], [others[1].id], [others[0].id, others[1].id]]) {
    channels.push((await request(base(), 'POST', `/api/workspaces/${ws}/dms`, { cookie: owner.cookie, body: { userIds } })).json.channel.id);
  }
  server.keepData = true;
  await server.dispose();

  log('Building the corpus from installed packages…');
  const english = englishSentences();
  const ja = diagnostics('ja');
  const zh = [...diagnostics('zh-cn'), ...diagnostics('zh-tw')];
  const ko = diagnostics('ko');
  log(`  ${english.length} English, ${ja.length} Japanese, ${zh.length} Chinese, ${ko.length} Korean sentences`);
  const random = rng(7);
  const pickFrom = (list) => list[Math.floor(random() * list.length)];
  const sentence = () => {
    const r = random();
    return pickFrom(r < 0.8 ? english : r < 0.87 ? ja : r < 0.94 ? zh : ko);
  };
  const body = () => {
    const n = 1 + Math.floor(random() * 3);
    const parts = Array.from({ length: n }, sentence);
    if (random() < 0.15) parts.push(pickFrom(CODE));
    // Rare words: each of RARE in ~1 message per 100,000 (corpus sentences repeat, so none of theirs is that rare).
    if (random() < RARE.length / 100_000) parts.push(pickFrom(RARE));
    return parts.join(' ');
  };

  // Zipf 0.8 over the channels.
  const weights = channels.map((_, i) => 1 / (i + 1) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.round((w / total) * MESSAGES)));

  log(`Seeding ${MESSAGES} messages (largest channel ${counts[0]}, smallest ${counts.at(-1)}) through the seeding config…`);
  server = await WorkerdServer.start({ maxConnections: 1000, config: seedConfig, dataDir });
  const yearAgo = Date.now() - 365 * 86_400_000;
  const seedStarted = performance.now();
  let seeded = 0;
  let next = 0;
  const seedChannel = async (index) => {
    const channelId = channels[index];
    const count = counts[index];
    const step = (365 * 86_400_000) / count;
    for (let done = 0; done < count; done += ROWS_PER_TXN) {
      const rows = [];
      for (let i = done; i < Math.min(count, done + ROWS_PER_TXN); i++) {
        const author = people[i % people.length];
        rows.push({ clientId: `seed-${i}`, authorId: author.id, authorName: author.username, body: body(), createdAt: Math.floor(yearAgo + i * step) });
      }
      await request(base(), 'POST', '/bench/seed', { body: { channelId, rows } });
      seeded += rows.length;
    }
  };
  let lastReport = performance.now();
  await Promise.all(
    Array.from({ length: SEED_AT_ONCE }, async () => {
      while (next < channels.length) {
        await seedChannel(next++);
        if (performance.now() - lastReport > 15_000) {
          lastReport = performance.now();
          log(`  ${seeded} seeded, ${num((performance.now() - seedStarted) / 1000, 0)} s`);
        }
      }
    }),
  );
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await server.dispose();
  const diskBytes = dirSize(path.join(dataDir, 'do'));
  log(`Seeded in ${num(seedSeconds, 1)} s; ${num(diskBytes / 2 ** 20, 0)} MiB on disk`);

  const rare = RARE;
  const kinds = {
    common: ['the', 'function', 'module', 'use', 'file', 'option', 'value', 'type'],
    rare,
    'CJK 1 char': ['型', '数', '的', '이'],
    'CJK 2 chars': ['関数', '类型', '参数', '파일'],
    'CJK 3+ chars': ['パラメーター', '找不到', '모듈을'],
    code: ['ERR_CONN_RESET', 'foo.bar()', 'getElementById', 'ElementById'],
    phrase: ['"the module"', '"is not"', '"use the"'],
  };

  log('Restarting the production config on the seeded data; querying…');
  server = await WorkerdServer.start({ maxConnections: 1000, dataDir });
  const rows = [];
  for (const sort of ['newest', 'relevance']) {
    for (const [kind, queries] of Object.entries(kinds)) {
      const walls = [];
      const page3 = [];
      let cpu = 0;
      let hits = 0;
      for (let run = 0; run < RUNS; run++) {
        for (const q of queries) {
          const cpuBefore = server.stats().cpuMs;
          const started = performance.now();
          const { json } = await request(base(), 'GET', `/api/workspaces/${ws}/search?q=${encodeURIComponent(q)}&sort=${sort}`, { cookie: owner.cookie });
          walls.push(performance.now() - started);
          cpu += server.stats().cpuMs - cpuBefore;
          hits += json.hits.length;
          if (run === 0 && json.next) {
            let cursor = json.next;
            const t = performance.now();
            for (let p = 2; p <= 3 && cursor; p++) {
              cursor = (await request(base(), 'GET', `/api/workspaces/${ws}/search?q=${encodeURIComponent(q)}&sort=${sort}&cursor=${cursor}`, { cookie: owner.cookie })).json.next;
            }
            page3.push((performance.now() - t) / 2);
          }
        }
      }
      const d = distribution(Float64Array.from(walls));
      const p3 = distribution(Float64Array.from(page3));
      rows.push([sort, kind, num(d.p50, 0), num(d.p95, 0), num(cpu / walls.length, 0), p3.count ? num(p3.p50, 0) : '—', num(hits / walls.length, 1)]);
      log(`  ${sort} ${kind}: p50 ${num(d.p50, 0)} ms, p95 ${num(d.p95, 0)} ms`);
    }
  }

  let cold = [];
  if (COLD_WAIT_S > 0) {
    for (const q of ['function', '関数', 'ERR_CONN_RESET']) {
      log(`Idle ${COLD_WAIT_S} s so objects are evicted, then "${q}" cold…`);
      await delay(COLD_WAIT_S * 1000);
      const started = performance.now();
      await request(base(), 'GET', `/api/workspaces/${ws}/search?q=${encodeURIComponent(q)}`, { cookie: owner.cookie });
      cold.push([q, num(performance.now() - started, 0)]);
    }
  }
  await server.dispose();
  rmSync(dataDir, { recursive: true, force: true });

  const report = [
    `# Search benchmark, ${new Date().toISOString()}`,
    '',
    `${workerdVersion()}; ${MESSAGES} messages over ${CHANNELS} conversations (Zipf 0.8: largest ${counts[0]}, smallest ${counts.at(-1)}); load average at the end ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}.`,
    `Seeding: ${num(seedSeconds, 1)} s (${num((seedSeconds * 1e6) / MESSAGES, 0)} µs/message, ${ROWS_PER_TXN}-row transactions, ${SEED_AT_ONCE} channels at once); ${num(diskBytes / 2 ** 20, 0)} MiB on disk.`,
    `Every query asks all ${CHANNELS} conversations (the searcher is in every one), 32 at a time; ${RUNS} warm runs of each query; page 3 = mean of pages 2 and 3 of the first run.`,
    '',
    table(['Order', 'Kind', 'p50 ms', 'p95 ms', 'workerd CPU ms/query', 'pages 2–3 p50 ms', 'hits/page'], rows, 2),
    '',
    cold.length ? table(['Cold query (after idle)', 'ms'], cold) : '',
  ].join('\n');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `search-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.md`);
  writeFileSync(file, report);
  console.log(report);
  log(`Written to ${file}`);
}

/** @param {string[]} titles @param {(string | number)[][]} rows @param {number} [leftColumns] */
function table(titles, rows, leftColumns = 1) {
  return markdownTable(titles.map((title, i) => ({ title, value: (/** @type {(string | number)[]} */ row) => row[i], left: i < leftColumns })), rows);
}

function dirSize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  return total;
}

main().catch(async (error) => {
  console.error(error);
  await server?.dispose();
  process.exit(1);
});
