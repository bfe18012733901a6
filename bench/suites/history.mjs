// @ts-check
/**
 * History at scale: the newest 50 messages and paging back, in channels of 100k and 1M messages,
 * through the production `workerd serve workerd.capnp` over HTTP with a signed-in session. Then the
 * seeding build (production plus /bench routes) on the same data splits the time between the
 * worker's side (session, membership, validation) and the object's (SQL and JSON).
 */
import { rmSync } from 'node:fs';
import { signIn } from '../lib/hearth-api.mjs';
import { markdownTable, mib, num } from '../lib/report.mjs';
import { channelFileSizes, seededChannels, seedingConfig } from '../lib/seeded-channels.mjs';
import { distribution } from '../lib/stats.mjs';
import { timedGet } from '../lib/timed-request.mjs';
import { WorkerdServer } from '../lib/workerd.mjs';

const SIZES = [100_000, 1_000_000];
const PAGE = 50;
const TARGET_P99_MS = 10;
const WARM_UP = 20;

/** @type {import('../lib/suite.mjs').Suite} */
export default {
  id: 'history',
  title: 'History: newest 50 and paging back',
  run,
};

/** @param {import('../lib/suite.mjs').SuiteContext} context */
async function run({ log, quick, budgetSeconds }) {
  const counts = quick ? { newest: 50, pages: 20, oldest: 10, split: 50 } : { newest: 200, pages: 100, oldest: 20, split: 200 };
  const deadline = Date.now() + budgetSeconds * 1000;
  const seeded = await seededChannels({ name: 'history', sizes: SIZES, log });
  /** @type {WorkerdServer | null} */
  let server = null;
  const start = async (/** @type {string | undefined} */ config) => {
    await server?.dispose();
    server = await WorkerdServer.start({ maxConnections: 100, dataDir: seeded.dataDir, config });
    return server;
  };
  try {
    // Sign in, then restart: the first history request then meets a fresh isolate and cold objects.
    const account = await signIn((await start(undefined)).url, seeded.username);
    const production = await start(undefined);
    const headers = { Cookie: account.cookie, Origin: production.url };
    const pathOf = (/** @type {string} */ channelId) => `/api/workspaces/${seeded.workspaceId}/channels/${channelId}/messages`;
    const largestFirst = [...seeded.channels].sort((a, b) => b.messages - a.messages);

    /** @type {Map<string, number>} */
    const cold = new Map();
    for (const channel of largestFirst) cold.set(channel.channelId, (await timedGet(`${production.url}${pathOf(channel.channelId)}?limit=${PAGE}`, headers)).ms);

    const rows = [];
    for (const channel of largestFirst) {
      if (Date.now() > deadline) break;
      log(`${num(channel.messages)} messages: newest ${PAGE} × ${counts.newest}, ${counts.pages} pages back, the oldest page…`);
      const figures = await measureChannel(production, `${production.url}${pathOf(channel.channelId)}`, headers, channel, counts);
      rows.push({ channel, cold: cold.get(channel.channelId) ?? NaN, ...figures });
    }

    /** @type {Awaited<ReturnType<typeof splitNewestPage>> | null} */
    let split = null;
    const biggest = largestFirst[0];
    if (Date.now() < deadline) {
      log('Splitting the time of the largest channel’s newest page (seeding build on the same data)…');
      const seedingServer = await start(await seedingConfig());
      split = await splitNewestPage(seedingServer, { ...headers, Origin: seedingServer.url }, pathOf(biggest.channelId), biggest.channelId, counts.split);
    }
    await server?.dispose();
    server = null;
    const fileSizes = channelFileSizes(seeded.dataDir);
    return report({ seeded, rows, split, fileSizes, counts, quick });
  } finally {
    await server?.dispose();
    rmSync(seeded.dataDir, { recursive: true, force: true });
  }
}

/**
 * Newest page (wall times and workerd CPU per request), paging back from it, and the channel's oldest page.
 * @param {WorkerdServer} server @param {string} url  the channel's messages route
 * @param {Record<string, string>} headers @param {import('../lib/seeded-channels.mjs').SeededChannel} channel
 * @param {{ newest: number, pages: number, oldest: number }} counts
 */
async function measureChannel(server, url, headers, channel, counts) {
  for (let i = 0; i < WARM_UP; i++) await timedGet(`${url}?limit=${PAGE}`, headers);
  const cpuBefore = server.stats().cpuMs;
  const newest = [];
  let bytes = 0;
  for (let i = 0; i < counts.newest; i++) {
    const response = await timedGet(`${url}?limit=${PAGE}`, headers);
    newest.push(response.ms);
    bytes = response.bytes;
  }
  const cpuPerRequest = (server.stats().cpuMs - cpuBefore) / counts.newest;
  const paging = [];
  let before = /** @type {number | undefined} */ (undefined);
  for (let i = 0; i < counts.pages; i++) {
    const response = await timedGet(`${url}?limit=${PAGE}${before === undefined ? '' : `&before=${before}`}`, headers);
    if (before !== undefined) paging.push(response.ms);
    before = response.json.messages[0].seq;
  }
  const oldest = [];
  for (let i = 0; i < counts.oldest; i++) {
    oldest.push((await timedGet(`${url}?limit=${PAGE}&before=${channel.firstSeededSeq + PAGE + 10}`, headers)).ms);
  }
  return {
    newest: distribution(Float64Array.from(newest)),
    cpuPerRequest,
    bytes,
    paging: distribution(Float64Array.from(paging)),
    oldest: distribution(Float64Array.from(oldest)),
  };
}

/**
 * The production route, the object's history reached from the worker without a session, and a
 * round trip to the object that does nothing: wall times interleaved so the machine's load hits all
 * three alike, then workerd's CPU per request of each in a run of its own (less swayed by that load).
 * @param {WorkerdServer} server @param {Record<string, string>} headers @param {string} routePath @param {string} channelId @param {number} count
 */
async function splitNewestPage(server, headers, routePath, channelId, count) {
  const base = server.url;
  const urls = {
    route: `${base}${routePath}?limit=${PAGE}`,
    direct: `${base}/bench/history/direct?channelId=${channelId}&limit=${PAGE}`,
    ping: `${base}/bench/history/ping?channelId=${channelId}`,
  };
  /** @type {Record<keyof urls, number[]>} */
  const times = { route: [], direct: [], ping: [] };
  for (let i = 0; i < WARM_UP + count; i++) {
    for (const key of /** @type {(keyof urls)[]} */ (Object.keys(urls))) {
      const { ms } = await timedGet(urls[key], headers);
      if (i >= WARM_UP) times[key].push(ms);
    }
  }
  /** @type {Record<string, { wall: import('../lib/stats.mjs').Distribution, cpuMs: number }>} */
  const split = {};
  for (const key of /** @type {(keyof urls)[]} */ (Object.keys(urls))) {
    const cpuBefore = server.stats().cpuMs;
    for (let i = 0; i < count; i++) await timedGet(urls[key], headers);
    split[key] = { wall: distribution(Float64Array.from(times[key])), cpuMs: (server.stats().cpuMs - cpuBefore) / count };
  }
  return split;
}

/**
 * @param {{ seeded: import('../lib/seeded-channels.mjs').SeededData, rows: any[], split: Awaited<ReturnType<typeof splitNewestPage>> | null,
 *   fileSizes: number[], counts: Record<string, number>, quick: boolean }} input
 * @returns {import('../lib/suite.mjs').SuiteResult}
 */
function report({ seeded, rows, split, fileSizes, counts, quick }) {
  const ms = (/** @type {number} */ value) => num(value, 1);
  const sizeOf = (/** @type {number} */ index) => fileSizes[index] ?? NaN;
  const table = markdownTable(
    [
      { title: 'Messages', value: (/** @type {any} */ r) => num(r.channel.messages) },
      { title: 'DB MiB', value: (r) => mib(sizeOf(rows.indexOf(r))) },
      { title: 'Cold ms', value: (r) => ms(r.cold) },
      { title: 'Newest 50 p50', value: (r) => ms(r.newest.p50) },
      { title: 'p95', value: (r) => ms(r.newest.p95) },
      { title: 'p99', value: (r) => ms(r.newest.p99) },
      { title: 'max', value: (r) => ms(r.newest.max) },
      { title: 'workerd CPU ms/req', value: (r) => ms(r.cpuPerRequest) },
      { title: 'KiB', value: (r) => num(r.bytes / 1024, 0) },
      { title: 'Paging back p50', value: (r) => ms(r.paging.p50) },
      { title: 'p99', value: (r) => ms(r.paging.p99) },
      { title: 'Oldest page p50', value: (r) => ms(r.oldest.p50) },
    ],
    rows,
  );
  const biggest = rows.find((r) => r.channel.messages >= 1_000_000);
  const lines = [
    quick ? '**Quick run: small samples, not publishable.**\n' : '',
    `End-to-end over HTTP on loopback (keep-alive, a signed-in session), production \`workerd serve workerd.capnp\`; times in ms from sending the request to the last byte. ` +
      `Newest 50: ${counts.newest} requests after ${WARM_UP} warm-up ones. Paging back: ${counts.pages - 1} successive \`before=\` pages from the newest. ` +
      `Oldest page: the first 50 messages of the channel, ${counts.oldest} times. Cold: the first history request after workerd started ` +
      `(its readiness probe \`GET /api/instance\` came first), largest channel first, so the second channel's object was cold but the worker warm.`,
    '',
    table,
    '',
    seedingLine(seeded),
  ];
  if (split) {
    const { route, direct, ping } = split;
    lines.push(
      '',
      `Where the time of the ${num(biggest?.channel.messages ?? seeded.channels.at(-1)?.messages ?? 0)}-message channel's newest page goes (seeding build = production code plus /bench routes; wall: ${counts.split} of each, interleaved; CPU: ${counts.split} more of each, one kind at a time):`,
      '',
      markdownTable(
        [
          { title: 'Request', value: (/** @type {[string, typeof route]} */ r) => r[0], left: true },
          { title: 'Wall p50 ms', value: (r) => ms(r[1].wall.p50) },
          { title: 'Wall p99 ms', value: (r) => ms(r[1].wall.p99) },
          { title: 'workerd CPU ms/req', value: (r) => ms(r[1].cpuMs) },
        ],
        [
          ['The production route: session (directory object), membership (workspace object), validation, the channel object', route],
          ['Worker → channel object `history()` RPC, no session or membership', direct],
          ['Worker → channel object RPC that does nothing', ping],
        ],
      ),
      '',
      `So the channel object's SQL, row mapping and the page's serialization cost about ${ms(direct.cpuMs - ping.cpuMs)} ms of CPU ` +
        `(${ms(direct.wall.p50 - ping.wall.p50)} ms of wall time at p50) of the route's ${ms(route.cpuMs)} ms; the session and membership checks ` +
        `about ${ms(route.cpuMs - direct.cpuMs)} ms; HTTP, the worker and one RPC round trip the rest. ` +
        `workerd's clock does not advance during synchronous work, so these are differences between round trips, not timers inside the object.`,
    );
  }
  const measured = biggest ? `p99 ${ms(biggest.newest.p99)} ms end-to-end over HTTP (${counts.newest} requests${quick ? ', quick run' : ''})` : 'not measured (budget)';
  return {
    id: 'history',
    title: 'History: newest 50 and paging back',
    markdown: lines.join('\n').trim(),
    targets: [{ target: `Newest-50 history p99 ≤ ${TARGET_P99_MS} ms at 1M messages`, measured, met: biggest ? biggest.newest.p99 <= TARGET_P99_MS : null }],
    results: { channels: seeded.channels, fromCache: seeded.fromCache, seededAt: seeded.seededAt, rows, split, fileSizes },
  };
}

/** @param {import('../lib/seeded-channels.mjs').SeededData} seeded */
function seedingLine(seeded) {
  const each = seeded.channels.map(
    (c) =>
      `${num(c.messages)} messages in ${num(c.seedSeconds, 1)} s (rows ${num(c.eventsSeconds, 1)} s, indexes and thread summaries ${num(c.finishSeconds, 1)} s; ` +
      `${num(c.replies)} thread replies, ${num(c.alsoInChannel)} of them also in the channel; ${num(c.reactions)} reactions)`,
  );
  return (
    `Seeding: ${each.join('; ')}, by a bench-only build writing production's rows in bulk SQL (bench/history/); ` +
    `the indexes are built after the rows, so they may be a little more compact than ones grown message by message. ` +
    `The seeded messages are not in the search index and no backfill runs (history never reads the index), so the DB files lack the index production would have. ` +
    (seeded.fromCache
      ? `This run reused the data seeded at ${seeded.seededAt.slice(0, 16).replace('T', ' ')} UTC from bench/results/cache/ (delete it to seed again).`
      : 'Seeded in this run; later runs reuse it from bench/results/cache/.')
  );
}
