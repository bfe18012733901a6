// @ts-check
/**
 * Fan-out benchmark: what one message costs to deliver in a channel with many
 * open sockets, against the real `workerd serve workerd.capnp` on loopback.
 *
 * One workerd, a throwaway data directory, a few accounts (sign-ups hash with Argon2
 * on purpose, so many sockets share each account). For each receiver count N, N
 * channel sockets are spread over worker threads; then one sender posts M messages
 * at each fixed rate, every body carrying its send time on a clock all threads
 * share. Receivers time each delivery and count losses and duplicates; workerd's
 * CPU time and RSS come from /proc. `node bench/fanout.mjs --help` lists the options.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { measureRun } from './lib/fanout-run.mjs';
import { parseFanoutOptions, USAGE, UsageError } from './lib/fanout-options.mjs';
import { describeMachine, fits, printSummary } from './lib/fanout-summary.mjs';
import { channelSocketUrl, createBenchChannel, socketHeaders } from './lib/hearth-api.mjs';
import { RESULTS_DIR } from './lib/paths.mjs';
import { CPU_TICK_MS } from './lib/proc-stat.mjs';
import { ReceiverPool } from './lib/receiver-pool.mjs';
import { mib, num } from './lib/report.mjs';
import { Sender } from './lib/sender.mjs';
import { watchEventLoop } from './lib/stats.mjs';
import { delay, WorkerdServer } from './lib/workerd.mjs';

/** Upgrades in flight at once while connecting receivers. */
const CONNECT_CONCURRENCY = 32;
const HELLO_TIMEOUT_MS = 30_000;
/** A run is given up as stuck below this many deliveries per second (sizes its drain timeout). */
const SLOWEST_CREDIBLE_DELIVERIES_PER_SECOND = 5_000;
const SETTLE_MS = 500;
/** Posts before the first measured run, so that V8 has compiled the post path (the first ~100 cost ~2× more). */
const WARMUP = { messages: 300, ratePerSecond: 300 };
const IDLE_SAMPLE_MS = 1_000;
const WATCHDOG_GRACE_S = 120;

const log = (/** @type {string} */ line) => console.error(line);

/** Everything this script starts, so that any way out stops it. */
const started = {
  /** @type {WorkerdServer | null} */ server: null,
  /** @type {ReceiverPool | null} */ pool: null,
  /** @type {Sender | null} */ sender: null,
};

/** @type {Promise<void> | null} */
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    try {
      started.sender?.close();
    } catch {
      // already closed
    }
    await started.pool?.terminate().catch(() => {});
    await started.server?.dispose();
  })();
  return cleaning;
}

async function main() {
  const options = parseFanoutOptions(process.argv.slice(2));
  if (options.help) return console.log(USAGE);
  const largest = Math.max(...options.steps);
  checkDescriptors(largest);
  if (options.build !== 'skip') ensureBuilt({ force: options.build === 'force', log });
  // Before the run: others may rebuild dist/ while it goes on; workerd has already loaded it by then.
  const provenance = describeMachine();

  const startedAt = new Date();
  const clock = performance.now();
  const overBudget = () => (performance.now() - clock) / 1000 > options.budgetSeconds;
  setTimeout(() => {
    log(`Watchdog: still running after ${options.budgetSeconds + WATCHDOG_GRACE_S} s; stopping.`);
    void cleanup().finally(() => process.exit(2));
  }, (options.budgetSeconds + WATCHDOG_GRACE_S) * 1000).unref();

  const maxConnections = largest + 100;
  const pool = new ReceiverPool(options.workers);
  started.pool = pool;
  const loop = watchEventLoop();
  const steps = [];
  /** @type {string[]} */
  const skipped = [];
  /** @type {number[]} */
  const signUpMs = [];
  // A fresh workerd per compression mode, so that memory and storage start alike for both.
  for (const compression of options.compression) {
    const server = await WorkerdServer.start({ maxConnections });
    started.server = server;
    log(`deflate ${compression ? 'on' : 'off'}: workerd pid ${server.pid} on ${server.url}, data in ${server.dataDir}, HEARTH_MAX_CONNECTIONS=${maxConnections}`);
    const channel = await createBenchChannel(server.url, options.accounts);
    signUpMs.push(channel.signUpMs);
    log(`${options.accounts} accounts signed up in ${num(channel.signUpMs)} ms; the sockets are dealt round-robin over them`);
    const sender = await Sender.open(channelSocketUrl(server.url, channel, 0), socketHeaders(server.url, channel.accounts[0]), compression);
    started.sender = sender;
    const warmup = await sender.run({ prefix: 'fanout-warmup-', ...WARMUP, ackTimeoutMs: 30_000 });
    if (warmup.acked < WARMUP.messages) throw new Error(`warm-up: ${warmup.acked} of ${WARMUP.messages} posts acknowledged (${JSON.stringify(warmup.errors)})`);
    for (const n of options.steps) {
      const label = `N=${n}, deflate ${compression ? 'on' : 'off'}`;
      if (overBudget()) {
        skipped.push(`${label}: over the ${options.budgetSeconds} s budget`);
        continue;
      }
      const sockets = Array.from({ length: n }, (_, i) => ({
        url: channelSocketUrl(server.url, channel, sender.lastSeq),
        headers: socketHeaders(server.url, channel.accounts[i % channel.accounts.length]),
      }));
      const connect = await connectReceivers(server, pool, sockets, compression);
      log(
        `${label}: ${connect.opened} sockets open in ${num(connect.ms)} ms; workerd RSS ${mib(connect.rssAfterBytes)} MiB, ` +
          `idle CPU ${num(connect.idleCpuMsPerSecond)} ms/s` +
          (Object.keys(connect.failures).length ? `; failed: ${JSON.stringify(connect.failures)}` : ''),
      );
      const step = { receivers: connect.opened, requested: n, compression, connect, runs: /** @type {import('./lib/fanout-run.mjs').RunResult[]} */ ([]) };
      steps.push(step);
      for (const rate of options.rates) {
        if (overBudget()) {
          skipped.push(`${label} at ${rate}/s: over the ${options.budgetSeconds} s budget`);
          continue;
        }
        const run = await measureRun(
          { server, pool, sender, loop },
          {
            runId: `n${n}r${rate}`,
            receivers: connect.opened,
            messages: options.messages,
            ratePerSecond: rate,
            drainTimeoutMs: 10_000 + (connect.opened * options.messages * 1000) / SLOWEST_CREDIBLE_DELIVERIES_PER_SECOND,
          },
        );
        step.runs.push(run);
        log(
          `  ${rate}/s: ${run.delivered}/${run.expectedDeliveries} delivered, p50 ${num(run.latencyMs.p50, 1)} ms, ` +
            `p99 ${num(run.latencyMs.p99, 1)} ms; workerd ${num(run.workerd.cpuPerPostUs)} µs/post, ` +
            `${num(run.workerd.cpuPerDeliveryUs, 1)} µs/delivery${run.saturated ? ' (saturated)' : ''}${run.complete ? '' : ' (timed out)'}` +
            (Object.keys(run.sendErrors).length ? `; refused sends: ${JSON.stringify(run.sendErrors)}` : ''),
        );
        await delay(SETTLE_MS);
      }
      await pool.closeAll();
      await delay(SETTLE_MS);
    }
    sender.close();
    started.sender = null;
    await server.dispose();
    started.server = null;
  }

  const results = {
    benchmark: 'fanout',
    startedAt: startedAt.toISOString(),
    durationSeconds: (performance.now() - clock) / 1000,
    ...provenance,
    options,
    method: {
      server: 'workerd serve workerd.capnp on 127.0.0.1, fresh data dir, HEARTH_MAX_CONNECTIONS above the largest step',
      accounts: `${options.accounts} accounts, sockets dealt round-robin over them (one account holds many sockets)`,
      receivers: `${options.workers} worker threads of the benchmark process hold the receiving sockets (ws client)`,
      clock: 'process.hrtime, shared by every thread of the benchmark process',
      deliveries: 'each post goes to the N receivers plus an echo to the sender; per-delivery CPU divides by both',
      cpu: `workerd user+system CPU of all its threads from /proc/<pid>/stat, ${CPU_TICK_MS} ms resolution`,
    },
    setup: { signUpMs, maxConnections },
    steps,
    fits: fits(steps, options),
    skipped,
  };
  printSummary(results);
  const out = options.out ?? path.join(RESULTS_DIR, `fanout-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults: ${path.relative(process.cwd(), out)}`);
}

/**
 * Opens the receivers (each resolved by its hello), lets workerd settle, then samples its idle CPU.
 * @param {WorkerdServer} server @param {ReceiverPool} pool
 * @param {import('./lib/receiver-pool.mjs').SocketSpec[]} sockets @param {boolean} compression
 */
async function connectReceivers(server, pool, sockets, compression) {
  const before = server.stats();
  const connectStarted = performance.now();
  const { opened, failures } = await pool.connect(sockets, { compression, concurrency: CONNECT_CONCURRENCY, timeoutMs: HELLO_TIMEOUT_MS });
  const ms = performance.now() - connectStarted;
  await delay(SETTLE_MS);
  const idleStart = server.stats();
  await delay(IDLE_SAMPLE_MS);
  const idleEnd = server.stats();
  return {
    opened,
    failures,
    ms,
    rssBeforeBytes: before.rssBytes,
    rssAfterBytes: idleEnd.rssBytes,
    idleCpuMsPerSecond: ((idleEnd.cpuMs - idleStart.cpuMs) * 1000) / IDLE_SAMPLE_MS,
  };
}

/**
 * Refuses a step the descriptor limit cannot hold: workerd dies when it runs out.
 * @param {number} maxReceivers
 */
function checkDescriptors(maxReceivers) {
  const match = readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\d+|unlimited)/m);
  const soft = match && match[1] !== 'unlimited' ? Number(match[1]) : Infinity;
  // workerd holds ~2 descriptors per socket (and inherits this process's limit); this process 1 more.
  const needed = maxReceivers * 2 + 500;
  if (needed > soft) throw new UsageError(`${maxReceivers} sockets need about ${needed} descriptors in workerd; the limit here is ${soft}`);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    log(`\n${signal}: stopping workerd and the receivers…`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Last resort when the process exits without cleanup: kill workerd by its PID, synchronously.
process.on('exit', () => {
  if (started.server?.running) started.server.killNow();
});

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  if (error instanceof UsageError) log(`${error.message}\n\n${USAGE}`);
  else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (started.server?.running) log(`\nworkerd's last output:\n${started.server.output()}`);
} finally {
  await cleanup();
}
