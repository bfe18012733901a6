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
  const warmCount = quick ? 10 : 30;
  const seeded = await seededChannels({ name: 'startup', sizes: [MESSAGES], log });
  try {
    log(`Boot to first response, ${boots} times each…`);
    /** @type {{ data: string, path: string, times: number[] }[]} */
    const bootRows = [];
    for (const data of ['empty', 'with data']) {
      for (const readyPath of ['/api/instance', '/']) {
        const times = [];
        for (let i = 0; i < boots; i++) times.push(await bootOnce(readyPath, data === 'empty' ? undefined : seeded.dataDir));
        bootRows.push({ data, path: readyPath, times });
      }
    }
    log('Wake: a warm channel, then idle until workerd evicts its object, then a restart…');
    const wake = await measureWake(seeded, warmCount, log);
    return report(bootRows, wake, { boots, warmCount, quick });
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
 * @param {import('../lib/seeded-channels.mjs').SeededData} seeded @param {number} warmCount @param {(line: string) => void} log
 */
async function measureWake(seeded, warmCount, log) {
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

    const idleFrom = performance.now();
    while (openObjects(server.pid).includes(channelObject)) {
      if (performance.now() - idleFrom > EVICTION_TIMEOUT_MS) throw new Error(`the channel object was still live after ${EVICTION_TIMEOUT_MS / 1000} s idle; has workerd's eviction changed?`);
      await delay(EVICTION_POLL_MS);
    }
    const evictedAfterMs = performance.now() - idleFrom;
    const liveAtWake = openObjects(server.pid);
    log(`  evicted after ${num(evictedAfterMs / 1000, 1)} s idle; ${liveAtWake.length} object(s) still live`);
    const afterEviction = (await timedGet(historyUrl(), headers)).ms;
    const woken = openObjects(server.pid).includes(channelObject);

    await server.dispose();
    server = await WorkerdServer.start({ maxConnections: 100, dataDir: seeded.dataDir, pollMs: POLL_MS });
    const restartBootMs = server.bootMs;
    const afterRestart = (await timedGet(historyUrl(), headers)).ms;
    return {
      firstEver,
      warm: distribution(Float64Array.from(warm)),
      evictedAfterMs,
      liveBefore: liveBefore.length,
      liveAtWake: liveAtWake.length,
      afterEviction,
      woken,
      restartBootMs,
      afterRestart,
    };
  } finally {
    await server.dispose();
  }
}

/**
 * @param {{ data: string, path: string, times: number[] }[]} bootRows
 * @param {Awaited<ReturnType<typeof measureWake>>} wake
 * @param {{ boots: number, warmCount: number, quick: boolean }} counts
 * @returns {import('../lib/suite.mjs').SuiteResult}
 */
function report(bootRows, wake, { boots, warmCount, quick }) {
  const ms = (/** @type {number} */ value) => num(value, 0);
  const median = (/** @type {number[]} */ values) => distribution(Float64Array.from(values)).p50;
  const bootTable = markdownTable(
    [
      { title: 'Data directory', value: (/** @type {typeof bootRows[number]} */ r) => r.data, left: true },
      { title: 'First 200 of', value: (r) => `\`GET ${r.path}\``, left: true },
      { title: 'Median ms', value: (r) => ms(median(r.times)) },
      { title: 'Each run ms', value: (r) => r.times.map(ms).join(' · '), left: true },
    ],
    bootRows,
  );
  const wakeTable = markdownTable(
    [
      { title: 'First history request (newest 50 of 10k messages)', value: (/** @type {[string, string]} */ r) => r[0], left: true },
      { title: 'ms', value: (r) => r[1] },
    ],
    [
      ['First after start and sign-in (workspace and channel objects cold)', ms(wake.firstEver)],
      [`Warm, p50 of ${warmCount}`, ms(wake.warm.p50)],
      [`Warm, max of ${warmCount}`, ms(wake.warm.max)],
      [`After the objects were evicted (${num(wake.evictedAfterMs / 1000, 1)} s idle)`, ms(wake.afterEviction)],
      [`After a restart, session kept (boot to the readiness probe's 200: ${ms(wake.restartBootMs)} ms; workspace and channel cold)`, ms(wake.afterRestart)],
    ],
  );
  const markdown = [
    quick ? '**Quick run: small samples, not publishable.**\n' : '',
    `Boot: from spawning \`workerd serve workerd.capnp\` to the first 200 answer of the path, asked every ${POLL_MS} ms; ${boots} runs each, a new process every time. ` +
      `"With data": one workspace, an account, a channel of ${num(MESSAGES)} messages (bench/lib/seeded-channels.mjs). \`/\` is the web app's index.html from disk; \`/api/instance\` asks the directory object.`,
    '',
    bootTable,
    '',
    `Wake: a live object keeps its SQLite file open, so eviction is read from \`/proc/<pid>/fd\`: after the warm requests ${wake.liveBefore} object(s) were live ` +
      `(directory, workspace, channel); the channel's closed ${num(wake.evictedAfterMs / 1000, 1)} s after the last request, when ${wake.liveAtWake} were still live. ` +
      `The next request ${wake.woken ? 'rebuilt it (its file was open again)' : 'did not reopen its file (unexpected)'}. Times are end-to-end over HTTP with a session, keep-alive.`,
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
