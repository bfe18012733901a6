// @ts-check
/**
 * History at scale: the newest 50 messages and paging back, in channels of 100k and 1M messages,
 * through the production `workerd serve workerd.capnp` over HTTP with a signed-in session. Then the
 * seeding build (production plus /bench routes) on the same data splits the time between the
 * worker's side (session, membership, validation) and the object's (SQL and JSON).
 */
import { rmSync } from 'node:fs';
import { signIn } from '../lib/hearth-api.mjs';
import { HISTORY_TITLE, historyReport } from '../lib/history-report.mjs';
import { num } from '../lib/report.mjs';
import { channelFileSizes, seededChannels, seedingConfig } from '../lib/seeded-channels.mjs';
import { distribution } from '../lib/stats.mjs';
import { timedGet } from '../lib/timed-request.mjs';
import { WorkerdServer } from '../lib/workerd.mjs';

const SIZES = [100_000, 1_000_000];
const PAGE = 50;
const WARM_UP = 20;

/** @type {import('../lib/suite.mjs').Suite} */
export default { id: 'history', title: HISTORY_TITLE, run };

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
    return historyReport({ seeded, rows, split, fileSizes, counts, quick, warmUp: WARM_UP });
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
