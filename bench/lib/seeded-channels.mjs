// @ts-check
/**
 * A data directory holding one workspace whose channels have long histories, for the history and
 * start-up suites. Made once per seeding recipe and kept under bench/results/cache/ (keyed by a hash
 * of the migrations and the seeding code), so a repeat run copies it instead of seeding again.
 *
 * 1. The production config on an empty directory: an account, a workspace, a channel per size.
 * 2. The seeding build (bench/history/seed-worker.ts) on the same directory writes each history in
 *    bulk SQL, 100k events per transaction.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBenchChannel, createChannel } from './hearth-api.mjs';
import { messageAuthors, messageBodies } from './message-corpus.mjs';
import { REPO_ROOT, RESULTS_DIR } from './paths.mjs';
import { buildSeedConfig } from './seed-build.mjs';
import { WorkerdServer } from './workerd.mjs';

const CACHE_DIR = path.join(RESULTS_DIR, 'cache');
/** What the cache key is made of: change any of these and the data is seeded again. */
const RECIPE = ['migrations', 'bench/history', 'bench/lib/seeded-channels.mjs', 'bench/lib/message-corpus.mjs'];
const EVENTS_PER_TRANSACTION = 100_000;
/** Share of seeded events that are messages (the others are reactions and thread-summary updates): see bulk-history.ts. */
const MESSAGE_SHARE = 0.891;
const STEP_MS = 20;
const POOL = { bodies: 1024, authors: 40 };

/**
 * @typedef {object} SeededChannel
 * @property {string} channelId
 * @property {number} messages
 * @property {number} replies  thread replies, `alsoInChannel` of them shown in the channel too
 * @property {number} alsoInChannel
 * @property {number} reactions
 * @property {number} lastSeq
 * @property {number} firstSeededSeq
 * @property {number} seedSeconds
 * @property {number} eventsSeconds  of which writing the rows
 * @property {number} finishSeconds  of which building the indexes again and the thread summaries
 */

/**
 * @typedef {object} SeededData
 * @property {string} dataDir  a private copy: the caller serves it and deletes it (`rmSync`)
 * @property {string} username  sign in with bench/lib/hearth-api.mjs signIn
 * @property {string} workspaceId
 * @property {SeededChannel[]} channels  in the order of `sizes`
 * @property {string} seededAt
 * @property {boolean} fromCache
 */

/**
 * @param {{ name: string, sizes: number[], log: (line: string) => void }} options
 * @returns {Promise<SeededData>}
 */
export async function seededChannels({ name, sizes, log }) {
  const key = recipeKey(sizes);
  const cached = path.join(CACHE_DIR, `${name}-${key}`);
  const fromCache = existsSync(path.join(cached, 'meta.json'));
  if (fromCache) {
    log(`Seeded data from the cache (${path.relative(REPO_ROOT, cached)}); delete it to seed again.`);
  } else {
    dropOldCaches(name);
    await seedInto(cached, sizes, log);
  }
  const meta = JSON.parse(readFileSync(path.join(cached, 'meta.json'), 'utf8'));
  const dataDir = mkdtempSync(path.join(tmpdir(), `hearth-bench-${name}-`));
  cpSync(cached, dataDir, { recursive: true });
  return { ...meta, dataDir, fromCache };
}

/** The size of a channel object's SQLite files (database, WAL) in a data directory, by size, largest first. */
export function channelFileSizes(/** @type {string} */ dataDir) {
  const dir = path.join(dataDir, 'do', 'hearth-channel');
  /** @type {Map<string, number>} */
  const byObject = new Map();
  for (const file of readdirSync(dir)) {
    const object = file.replace(/\.sqlite.*$/, '');
    byObject.set(object, (byObject.get(object) ?? 0) + statSync(path.join(dir, file)).size);
  }
  return [...byObject.values()].sort((a, b) => b - a);
}

/** The seeding build's config (production plus bench/history/seed-worker.ts), built now; for WorkerdServer.start. */
export function seedingConfig() {
  return buildSeedConfig('bench/history/seed-worker.ts', 'history');
}

/** @param {number[]} sizes */
function recipeKey(sizes) {
  const hash = createHash('sha256').update(JSON.stringify(sizes));
  for (const root of RECIPE) {
    const full = path.join(REPO_ROOT, root);
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
      : [full];
    for (const file of files.sort()) hash.update(path.relative(REPO_ROOT, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function dropOldCaches(/** @type {string} */ name) {
  if (!existsSync(CACHE_DIR)) return;
  for (const entry of readdirSync(CACHE_DIR)) if (entry.startsWith(`${name}-`)) rmSync(path.join(CACHE_DIR, entry), { recursive: true, force: true });
}

/**
 * @param {string} target @param {number[]} sizes @param {(line: string) => void} log
 */
async function seedInto(target, sizes, log) {
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const seedConfig = await seedingConfig();

  log(`Creating a workspace with ${sizes.length} channel(s) through the production config…`);
  let server = await WorkerdServer.start({ maxConnections: 100, dataDir: partial });
  /** @type {{ username: string, workspaceId: string, channelIds: string[] }} */
  let setup;
  try {
    const general = await createBenchChannel(server.url, 1);
    const channelIds = [general.channelId];
    for (let i = 1; i < sizes.length; i++) channelIds.push(await createChannel(server.url, general.accounts[0], general.workspaceId, `history-${i}`));
    setup = { username: general.accounts[0].username, workspaceId: general.workspaceId, channelIds };
  } finally {
    await server.dispose();
  }

  server = await WorkerdServer.start({ maxConnections: 100, dataDir: partial, config: seedConfig });
  /** @type {SeededChannel[]} */
  const channels = [];
  try {
    const pool = { bodies: messageBodies(POOL.bodies), authors: messageAuthors(POOL.authors) };
    for (const [index, size] of sizes.entries()) {
      const channelId = setup.channelIds[index];
      log(`Seeding ${size.toLocaleString('en-US')} messages into channel ${index + 1} of ${sizes.length} (seeding build, bulk SQL)…`);
      const started = performance.now();
      const { base, startAt } = await post(server.url, 'seed-begin', { channelId, pool });
      const plan = { base, startAt, stepMs: STEP_MS, bodyCount: POOL.bodies, authorCount: POOL.authors };
      // A whole number of tens, so the last event is never a reply whose root update would fall outside.
      const events = Math.ceil(size / MESSAGE_SHARE / 10) * 10;
      for (let from = 1; from <= events; from += EVENTS_PER_TRANSACTION) {
        await post(server.url, 'seed-events', { channelId, plan, from, to: Math.min(events, from + EVENTS_PER_TRANSACTION - 1) });
      }
      const finishing = performance.now();
      const counts = await post(server.url, 'seed-finish', { channelId, plan });
      const done = performance.now();
      channels.push({
        channelId,
        ...counts,
        firstSeededSeq: base + 1,
        seedSeconds: (done - started) / 1000,
        eventsSeconds: (finishing - started) / 1000,
        finishSeconds: (done - finishing) / 1000,
      });
    }
  } finally {
    await server.dispose();
  }
  const meta = { username: setup.username, workspaceId: setup.workspaceId, channels, seededAt: new Date().toISOString() };
  writeFileSync(path.join(partial, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  renameSync(partial, target);
}

/** @param {string} baseURL @param {string} route @param {unknown} body */
async function post(baseURL, route, body) {
  const response = await fetch(`${baseURL}/bench/history/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  if (!response.ok) throw new Error(`seeding step ${route} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
