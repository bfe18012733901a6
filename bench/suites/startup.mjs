// @ts-check
/**
 * Start-up and wake, through the production `workerd serve workerd.capnp`:
 * 1. boot: spawn → first 200 of GET /api/instance and of GET /, on an empty data directory and
 *    on one holding a workspace whose channel has 10k messages;
 * 2. wake: the first history request to a channel object that workerd evicted after idling,
 *    against warm requests, and the first one after a restart.
 * An object is live while workerd holds its SQLite file open; eviction is seen in /proc/<pid>/fd.
 */
import { rmSync } from 'node:fs';
import { signIn } from '../lib/hearth-api.mjs';
import { openObjects } from '../lib/open-objects.mjs';
import { markdownTable, num } from '../lib/report.mjs';
import { seededChannels } from '../lib/seeded-channels.mjs';
import { distribution } from '../lib/stats.mjs';
import { timedGet } from '../lib/timed-request.mjs';
import { delay, WorkerdServer } from '../lib/workerd.mjs';

const MESSAGES = 10_000;
const POLL_MS = 5;
const EVICTION_TIMEOUT_MS = 60_000;
const EVICTION_POLL_MS = 100;

/** @type {import('../lib/suite.mjs').Suite} */
export default {
  id: 'startup',
  title: 'Start-up and wake',
  run,
};

/** @param {import('../lib/suite.mjs').SuiteContext} context */
async function run({ log, quick }) {
  const boots = quick ? 2 : 5;
  const wakes = quick ? 1 : 3;
  const warmCount = quick ? 10 : 30;
  const seeded = await seededChannels({ name: 'startup', sizes: [MESSAGES], log });
  try {
    log(`Boot to first response, ${boots} times each…`);
    /** @type {{ data: string, path: string, times: number[] }[]} */
    const bootRows = [];
    for (const data of ['empty', 'with data']) for (const path of ['/api/instance', '/']) bootRows.push({ data, path, times: [] });
    // Round by round, so a change in the machine's load falls on every kind alike.
    for (let i = 0; i < boots; i++) {
      for (const row of bootRows) row.times.push(await bootOnce(row.path, row.data === 'empty' ? undefined : seeded.dataDir));
    }
    log(`Wake: a warm channel, idle until workerd evicts its object, the next request; ${wakes} time(s), then restarts…`);
    const wake = await measureWake(seeded, { warmCount, wakes }, log);
    return report(bootRows, wake, { boots, wakes, warmCount, quick });
  } finally {
    rmSync(seeded.dataDir, { recursive: true, force: true });
  }
}

/**
 * Spawn → first 200 of `readyPath`, asked every few ms; stops workerd with SIGKILL (the data is a
 * throwaway copy, and SQLite survives it) so the next boot does not wait out a graceful exit.
 * @param {string} readyPath @param {string | undefined} dataDir
 */
async function bootOnce(readyPath, dataDir) {
  const server = await WorkerdServer.start({ maxConnections: 100, dataDir, readyPath, pollMs: POLL_MS });
  const ms = server.bootMs;
  server.killNow();
  while (server.running) await delay(10);
  return ms;
}

/**
 * @param {import('../lib/seeded-channels.mjs').SeededData} seeded
 * @param {{ warmCount: number, wakes: number }} counts @param {(line: string) => void} log
 */
async function measureWake(seeded, { warmCount, wakes }, log) {
  let server = await WorkerdServer.start({ maxConnections: 100, dataDir: seeded.dataDir });
  try {
    const account = await signIn(server.url, seeded.username);
    const historyUrl = () => `${server.url}/api/workspaces/${seeded.workspaceId}/channels/${seeded.channels[0].channelId}/messages?limit=50`;
    const headers = { Cookie: account.cookie };
    const firstEver = (await timedGet(historyUrl(), headers)).ms;
    const warm = [];
    for (let i = 0; i < warmCount; i++) warm.push((await timedGet(historyUrl(), headers)).ms);
    const liveBefore = openObjects(server.pid);
    const channelObject = liveBefore.find((o) => o.startsWith('hearth-channel/'));
    if (!channelObject) throw new Error(`after history requests workerd holds no channel database open (${liveBefore.join(', ')}): has the storage layout changed?`);

    /** @type {{ idleMs: number, liveAtWake: number, ms: number, reopened: boolean }[]} */
    const afterEviction = [];
    for (let i = 0; i < wakes; i++) {
      const idleMs = await untilEvicted(server.pid, channelObject);
      const liveAtWake = openObjects(server.pid).length;
      const { ms } = await timedGet(historyUrl(), headers);
      afterEviction.push({ idleMs, liveAtWake, ms, reopened: openObjects(server.pid).includes(channelObject) });
      log(`  evicted after ${num(idleMs / 1000, 1)} s idle (${liveAtWake} object(s) still live); the next request took ${num(ms, 0)} ms`);
    }

    /** @type {{ bootMs: number, ms: number }[]} */
    const afterRestart = [];
    for (let i = 0; i < wakes; i++) {
      await server.dispose();
      server = await WorkerdServer.start({ maxConnections: 100, dataDir: seeded.dataDir, pollMs: POLL_MS });
      afterRestart.push({ bootMs: server.bootMs, ms: (await timedGet(historyUrl(), headers)).ms });
    }
    return { firstEver, warm: distribution(Float64Array.from(warm)), liveBefore: liveBefore.length, afterEviction, afterRestart };
  } finally {
    await server.dispose();
  }
}

/**
 * Waits until `object`'s database is closed in process `pid`; returns how long that took.
 * @param {number} pid @param {string} object
 */
async function untilEvicted(pid, object) {
  const idleFrom = performance.now();
  while (openObjects(pid).includes(object)) {
    if (performance.now() - idleFrom > EVICTION_TIMEOUT_MS) throw new Error(`the channel object was still live after ${EVICTION_TIMEOUT_MS / 1000} s idle; has workerd's eviction changed?`);
    await delay(EVICTION_POLL_MS);
  }
  return performance.now() - idleFrom;
}

/**
 * @param {{ data: string, path: string, times: number[] }[]} bootRows
 * @param {Awaited<ReturnType<typeof measureWake>>} wake
 * @param {{ boots: number, wakes: number, warmCount: number, quick: boolean }} counts
 * @returns {import('../lib/suite.mjs').SuiteResult}
 */
function report(bootRows, wake, { boots, wakes, warmCount, quick }) {
  const ms = (/** @type {number} */ value) => num(value, 0);
  const median = (/** @type {number[]} */ values) => distribution(Float64Array.from(values)).p50;
  const each = (/** @type {number[]} */ values) => values.map(ms).join(' · ');
  const bootTable = markdownTable(
    [
      { title: 'Data directory', value: (/** @type {typeof bootRows[number]} */ r) => r.data, left: true },
      { title: 'First 200 of', value: (r) => `\`GET ${r.path}\``, left: true },
      { title: 'Median ms', value: (r) => ms(median(r.times)) },
      { title: 'Each run ms', value: (r) => each(r.times), left: true },
    ],
    bootRows,
  );
  const evicted = wake.afterEviction;
  const restarted = wake.afterRestart;
  const wakeTable = markdownTable(
    [
      { title: 'History request (newest 50 of 10k messages)', value: (/** @type {[string, string, string]} */ r) => r[0], left: true },
      { title: 'ms', value: (r) => r[1] },
      { title: 'Each ms', value: (r) => r[2], left: true },
    ],
    [
      ['First after start and sign-in (workspace and channel objects cold)', ms(wake.firstEver), ''],
      [`Warm, p50 of ${warmCount}`, ms(wake.warm.p50), ''],
      [`Warm, max of ${warmCount}`, ms(wake.warm.max), ''],
      [`First after the objects were evicted, median of ${wakes}`, ms(median(evicted.map((e) => e.ms))), each(evicted.map((e) => e.ms))],
      [`First after a restart (session kept; workspace and channel cold), median of ${wakes}`, ms(median(restarted.map((r) => r.ms))), each(restarted.map((r) => r.ms))],
    ],
  );
  const markdown = [
    quick ? '**Quick run: small samples, not publishable.**\n' : '',
    `Boot: from spawning \`workerd serve workerd.capnp\` to the first 200 answer of the path, asked every ${POLL_MS} ms; ${boots} rounds, a new process every time. ` +
      `"With data": one workspace, an account, a channel of ${num(MESSAGES)} messages (bench/lib/seeded-channels.mjs). \`/\` is the web app's index.html from disk; \`/api/instance\` asks the directory object.`,
    '',
    bootTable,
    '',
    `Wake: a live object keeps its SQLite file open, so eviction is read from \`/proc/<pid>/fd\`. After the warm requests ${wake.liveBefore} objects were live ` +
      `(directory, workspace, channel); the channel's file closed after ${evicted.map((e) => num(e.idleMs / 1000, 1)).join(' · ')} s idle ` +
      `(objects still live then: ${evicted.map((e) => e.liveAtWake).join(' · ')}), and the next request ${evicted.every((e) => e.reopened) ? 'opened it again' : 'did not always open it again (unexpected)'}. ` +
      `Restarts: SIGTERM, then the same data; boot to the readiness probe's 200 took ${each(restarted.map((r) => r.bootMs))} ms. Times are end-to-end over HTTP with a session, keep-alive.`,
    '',
    wakeTable,
  ].join('\n');
  return {
    id: 'startup',
    title: 'Start-up and wake',
    markdown: markdown.trim(),
    targets: [],
    results: { boots: bootRows, wake },
  };
}
