// @ts-check
/**
 * Fan-out (issue 8 §1–2): N clients hold one channel open, one sender posts at rising
 * rates; for each N the highest rate Hearth sustains, measured side by side with a bare
 * Node `ws` broadcast server under the same client load in the same run, so that the
 * ratio holds on a noisy machine. Real `workerd serve workerd.capnp`, fresh data dir.
 */
import { readFileSync } from 'node:fs';
import { BaselineServer } from '../baseline/baseline-server.mjs';
import { channelSocketUrl, createBenchChannel, gatewaySocketUrl, socketHeaders } from '../lib/hearth-api.mjs';
import { P99_LIMIT_MS, ramp, sustained } from '../lib/fanout-ramp.mjs';
import { ReceiverPool } from '../lib/receiver-pool.mjs';
import { markdownTable, mib, num, percent } from '../lib/report.mjs';
import { Sender } from '../lib/sender.mjs';
import { watchEventLoop } from '../lib/stats.mjs';
import { delay, WorkerdServer } from '../lib/workerd.mjs';

/** People in the channel; tab i belongs to person i mod PEOPLE (sign-ups hash with Argon2, so not one per tab). */
const PEOPLE = 100;
const QUICK_PEOPLE = 10;
const WORKERS = 2;
const CONNECT = { concurrency: 32, timeoutMs: 30_000 };
/** Posts before measuring, so that both servers' JIT has compiled the post path. */
const WARMUP = { messages: 300, ratePerSecond: 300 };
/** The first rate of a ramp offers about this many deliveries per second. */
const START_DELIVERIES_PER_SECOND = 5_000;
/** Clients offer permessage-deflate, as browsers always do; the server decides. */
const CLIENT_OFFERS_DEFLATE = true;
const LARGEST_N_CEILING = 9_000;
/** Each tab holds two sockets (gateway + channel); workerd needs about two descriptors per socket. */
const DESCRIPTORS_PER_TAB = 4;

/** @type {import('../lib/suite.mjs').Suite} */
export default {
  id: 'fanout',
  title: 'Fan-out: one channel, N clients, rising send rates',
  run,
};

/** @param {import('../lib/suite.mjs').SuiteContext} context */
async function run({ log, quick, budgetSeconds }) {
  const largest = largestReceivers();
  const people = quick ? QUICK_PEOPLE : PEOPLE;
  const steps = quick ? [10, 100] : [10, 100, 1000, largest];
  const stepSeconds = quick ? 1 : 3;
  const deadline = performance.now() + budgetSeconds * 1000;
  const pool = new ReceiverPool(WORKERS);
  const loop = watchEventLoop();
  /** @type {(WorkerdServer | BaselineServer)[]} */
  const servers = [];
  /** @type {Sender[]} */
  const senders = [];
  try {
    const hearth = await WorkerdServer.start({ maxConnections: 2 * largest + 100 });
    servers.push(hearth);
    const channel = await createBenchChannel(hearth.url, people);
    log(`fanout: ${people} people signed up in ${num(channel.signUpMs)} ms`);
    const hearthSender = await Sender.open(channelSocketUrl(hearth.url, channel, 0), socketHeaders(hearth.url, channel.accounts[0]), CLIENT_OFFERS_DEFLATE);
    senders.push(hearthSender);
    // The bare server compresses exactly when Hearth does, so both write the same bytes.
    const deflate = hearthSender.extensions.includes('permessage-deflate');
    const baseline = await BaselineServer.start({ deflate });
    servers.push(baseline);
    const baselineSender = await Sender.open(baseline.url, {}, CLIENT_OFFERS_DEFLATE);
    senders.push(baselineSender);
    log(`fanout: workerd pid ${hearth.pid}, baseline pid ${baseline.pid}; permessage-deflate ${deflate ? 'negotiated' : 'declined'} by Hearth`);

    const targets = [
      {
        name: 'baseline',
        server: baseline,
        sender: baselineSender,
        socket: () => ({ url: `${baseline.url}channel`, headers: {}, gateway: { url: `${baseline.url}gateway`, headers: {} } }),
      },
      {
        name: 'hearth',
        server: hearth,
        sender: hearthSender,
        socket: (/** @type {number} */ i) => {
          const headers = socketHeaders(hearth.url, channel.accounts[i % people]);
          return { url: channelSocketUrl(hearth.url, channel, hearthSender.lastSeq), headers, gateway: { url: gatewaySocketUrl(hearth.url, channel), headers } };
        },
      },
    ];
    for (const target of targets) {
      const warm = await target.sender.run({ prefix: `warm-${target.name}-`, ...WARMUP, ackTimeoutMs: 30_000 });
      if (warm.acked < WARMUP.messages) throw new Error(`${target.name} warm-up: ${warm.acked} of ${WARMUP.messages} acknowledged`);
    }

    /** @type {any[]} */
    const results = [];
    for (const n of steps) {
      // Each N: the bare server first, then Hearth, back to back, so that both meet the same machine.
      for (const target of targets) {
        if (performance.now() > deadline) {
          results.push({ target: target.name, requested: n, skipped: 'over budget' });
          continue;
        }
        const idleBefore = target.server.stats();
        const connectStarted = performance.now();
        const connected = await pool.connect(
          Array.from({ length: n }, (_, i) => target.socket(i)),
          { compression: CLIENT_OFFERS_DEFLATE, ...CONNECT },
        );
        const connectMs = performance.now() - connectStarted;
        await delay(500);
        const idle = target.server.stats();
        log(`${target.name} N=${n}: ${connected.opened} open in ${num(connectMs)} ms, RSS ${mib(idle.rssBytes)} MiB` + failureText(connected.failures));
        const outcome = await ramp(
          { server: target.server, pool, sender: target.sender, loop },
          {
            label: target.name,
            receivers: connected.opened,
            startRate: Math.max(5, Math.round(START_DELIVERIES_PER_SECOND / n)),
            stepSeconds,
            deadline,
            log,
          },
        );
        if (outcome.runs.some((r) => r.acked > 0 && r.delivered === 0) && target.server instanceof WorkerdServer) {
          log(`${target.name} N=${n}: posts were acknowledged but nothing was delivered; workerd's last output:\n${target.server.output() || '(none)'}`);
        }
        results.push({
          target: target.name,
          requested: n,
          receivers: connected.opened,
          connectFailures: connected.failures,
          connectMs,
          rssIdleBytes: idle.rssBytes,
          rssBeforeConnectBytes: idleBefore.rssBytes,
          ...outcome,
        });
        await pool.closeAll();
        await delay(500);
      }
    }
    return report(results, { deflate, stepSeconds, quick, largest, people });
  } finally {
    for (const sender of senders) sender.close();
    await pool.terminate().catch(() => {});
    loop.stop();
    for (const server of servers) await server.dispose();
  }
}

/** The most tabs both processes can hold within the descriptor limit, in thousands. */
function largestReceivers() {
  const match = readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\d+|unlimited)/m);
  const soft = match && match[1] !== 'unlimited' ? Number(match[1]) : Infinity;
  const byDescriptors = Math.floor((soft - 1_000) / DESCRIPTORS_PER_TAB / 1_000) * 1_000;
  return Math.max(1_000, Math.min(LARGEST_N_CEILING, byDescriptors));
}

/** @param {Record<string, number>} failures */
function failureText(failures) {
  const entries = Object.entries(failures);
  return entries.length ? `; failed: ${entries.map(([why, n]) => `${n}× ${why}`).join(', ')}` : '';
}

/**
 * @param {any[]} results
 * @param {{ deflate: boolean, stepSeconds: number, quick: boolean, largest: number, people: number }} setup
 * @returns {import('../lib/suite.mjs').SuiteResult}
 */
function report(results, { deflate, stepSeconds, quick, largest, people }) {
  const measured = results.filter((r) => !r.skipped);
  const baselineFor = (/** @type {number} */ n) => measured.find((r) => r.target === 'baseline' && r.requested === n);
  /** @param {any} r */
  const rate = (r) => r.best?.ratePerSecond ?? 0;
  const summary = markdownTable(
    [
      { title: 'N', value: (/** @type {any} */ r) => num(r.receivers) },
      { title: 'server', value: (r) => (r.target === 'hearth' ? 'Hearth' : 'bare ws'), left: true },
      { title: 'sustained msg/s', value: (r) => num(rate(r)) },
      { title: 'deliveries/s', value: (r) => num(r.best?.deliveryRate ?? 0) },
      { title: 'vs bare', value: (r) => (r.target === 'hearth' && baselineFor(r.requested) ? ratio(rate(r), rate(baselineFor(r.requested))) : '') },
      { title: 'p50 ms', value: (r) => num(r.best?.latencyMs.p50 ?? NaN, 1) },
      { title: 'p95 ms', value: (r) => num(r.best?.latencyMs.p95 ?? NaN, 1) },
      { title: 'p99 ms', value: (r) => num(r.best?.latencyMs.p99 ?? NaN, 1) },
      { title: 'max ms', value: (r) => num(r.best?.latencyMs.max ?? NaN, 1) },
      { title: 'lost', value: (r) => r.best?.lost ?? '–' },
      { title: 'dup', value: (r) => r.best?.duplicates ?? '–' },
      { title: 'msgs per write', value: (r) => (r.best?.socketMessages ? num(r.best.delivered / r.best.socketMessages, 1) : '–') },
      { title: 'first failing msg/s', value: (r) => (r.firstFailure ? `${num(r.firstFailure.ratePerSecond)} (${why(r.firstFailure)})` : 'none'), left: true },
      { title: 'server CPU', value: (r) => (r.best ? percent(r.best.workerd.cpuShareOfOneCore) : '–') },
      { title: 'µs/post', value: (r) => num(r.best?.workerd.cpuPerPostUs ?? NaN) },
      { title: 'µs/delivery', value: (r) => num(r.best?.workerd.cpuPerDeliveryUs ?? NaN, 1) },
      { title: 'gen CPU', value: (r) => (r.best ? percent(r.best.loadGenerator.cpuShareOfOneCore) : '–') },
      { title: 'gen lag p99 ms', value: (r) => num(r.best?.loadGenerator.workerLoopDelayMs.p99 ?? NaN, 1) },
      { title: 'idle RSS MiB', value: (r) => mib(r.rssIdleBytes) },
    ],
    measured,
  );
  const allRuns = markdownTable(
    [
      { title: 'N', value: (/** @type {any} */ r) => num(r.receivers) },
      { title: 'server', value: (r) => r.server, left: true },
      { title: 'offered/s', value: (r) => num(r.ratePerSecond) },
      { title: 'sent/s', value: (r) => num(r.achievedSendRate) },
      { title: 'deliveries/s', value: (r) => num(r.deliveryRate) },
      { title: 'held', value: (r) => (r.held ? 'yes' : `no (${why(r)})`), left: true },
      { title: 'p50', value: (r) => num(r.latencyMs.p50, 1) },
      { title: 'p99', value: (r) => num(r.latencyMs.p99, 1) },
      { title: 'max', value: (r) => num(r.latencyMs.max, 1) },
      { title: 'lost', value: (r) => r.lost },
      { title: 'dup', value: (r) => r.duplicates },
      { title: 'server CPU', value: (r) => percent(r.workerd.cpuShareOfOneCore) },
      { title: 'gen CPU', value: (r) => percent(r.loadGenerator.cpuShareOfOneCore) },
      { title: 'gen lag p99', value: (r) => num(r.loadGenerator.workerLoopDelayMs.p99, 1) },
    ],
    measured.flatMap((r) =>
      r.runs.map((/** @type {any} */ run) => ({ ...run, server: r.target === 'hearth' ? 'Hearth' : 'bare ws', held: sustained(run) })),
    ),
  );
  const at1000 = measured.find((r) => r.target === 'hearth' && r.requested === 1000);
  const bare1000 = baselineFor(1000);
  const hearthRate = at1000 ? rate(at1000) : 0;
  const bareRate = bare1000 ? rate(bare1000) : 0;
  const skipped = results.filter((r) => r.skipped).map((r) => `${r.target} N=${r.requested}: ${r.skipped}`);
  const markdown = [
    `One channel of ${people} people; N browser tabs, each holding the workspace gateway socket and the channel socket (tab i is person i mod ${people}), ` +
      `held by ${WORKERS} worker threads of the load generator (the \`ws\` client, offering permessage-deflate as browsers do — ` +
      `Hearth ${deflate ? 'accepts it, so both servers compress' : 'declines it, so both servers send plain frames'}). Every post reaches each tab twice: ` +
      `the message on its channel socket (timed) and an unread-count update on its gateway socket (counted). One sender posts at a fixed rate for ${stepSeconds} s per step. ` +
      `Rates double until one does not hold, then narrow to within 25%. A rate **holds** when every message reaches every socket exactly once, p99 send → receipt ≤ ${P99_LIMIT_MS} ms, ` +
      `and both the sender and the deliveries keep up (≥ 90% of offered). The bare server (\`bench/baseline/broadcast-server.mjs\`: Node \`ws\`, no storage, no auth, ` +
      `frames of the same shape and size, one activity note encoded for all gateway sockets where Hearth encodes one per person) runs right before Hearth at each N. The largest N is what this box's descriptor limit allows (${num(largest)} tabs, ${num(2 * largest)} sockets). ` +
      `Msgs per write: messages per WebSocket message a channel socket received (Hearth coalesces what queues up while it is busy). Server CPU: the server process's CPU time over the step's wall time (100% = one core); gen: the load generator (all its threads) and the worst event-loop delay of its receiver threads.`,
    '',
    summary,
    '',
    '<details><summary>Every step</summary>',
    '',
    allRuns,
    '',
    '</details>',
    ...(skipped.length ? ['', `Skipped: ${skipped.join('; ')}.`] : []),
    ...(quick ? ['', '_Quick run: short steps, small N; not for publishing._'] : []),
  ].join('\n');
  return {
    id: 'fanout',
    title: 'Fan-out: one channel, N clients, rising send rates',
    markdown,
    targets: [
      {
        target: 'Fan-out at 1,000 clients: ≥ 100 msg/s (100k deliveries/s) with p99 ≤ 100 ms and nothing lost — or ≥ half the bare server on this box',
        measured: at1000 ? `${num(hearthRate)} msg/s (${num(at1000.best?.deliveryRate ?? 0)} deliveries/s); bare ws ${num(bareRate)} msg/s → ${ratio(hearthRate, bareRate)}` : 'not run',
        met: at1000 ? hearthRate >= 100 || (bareRate > 0 && hearthRate >= bareRate / 2) : null,
      },
    ],
    results,
  };
}

/** Why a step did not hold, in a word or two. @param {any} run */
function why(run) {
  if (run.lost > 0) return `${num(run.lost)} lost`;
  if (run.duplicates > 0) return `${run.duplicates} duplicated`;
  if (Object.keys(run.sendErrors).length) return 'refused';
  if (run.latencyMs.p99 > P99_LIMIT_MS) return `p99 ${num(run.latencyMs.p99)} ms`;
  if (run.achievedSendRate < 0.9 * run.ratePerSecond) return 'sender behind';
  return 'fell behind';
}

/** @param {number} a @param {number} b */
function ratio(a, b) {
  return b > 0 ? `${(a / b).toFixed(2)}×` : '–';
}
