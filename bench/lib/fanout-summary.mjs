// @ts-check
/** What bench/fanout.mjs prints and records besides the raw runs. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';
import { fitLine, markdownTable, mib, num, percent } from './report.mjs';
import { workerdVersion } from './workerd.mjs';

/**
 * @typedef {object} Step
 * @property {number} receivers
 * @property {boolean} compression
 * @property {{ ms: number, rssAfterBytes: number, idleCpuMsPerSecond: number, failures: Record<string, number> }} connect
 * @property {import('./fanout-run.mjs').RunResult[]} runs
 */

/** The machine and code a result was measured on (the tree may be mid-change: the bundle says what ran). */
export function describeMachine() {
  const cpus = os.cpus();
  const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  let code = { commit: 'unknown', dirty: false };
  try {
    code = { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain').length > 0 };
  } catch {
    // not a git checkout
  }
  return {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      kernel: os.release(),
      node: process.versions.node,
      workerd: workerdVersion(),
    },
    code: { ...code, workerBundle: describeBundle() },
  };
}

function describeBundle() {
  const bundle = path.join(REPO_ROOT, 'dist/worker.js');
  return {
    sha256: createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16),
    builtAt: statSync(bundle).mtime.toISOString(),
  };
}

/**
 * Lines fitted over the receiver counts, per compression mode: workerd CPU per post
 * against recipients (N + the sender's echo) per rate — the intercept is the fixed
 * cost of a post, the slope the cost of each further recipient — and workerd RSS
 * against open sockets.
 * @param {Step[]} steps @param {{ rates: number[], compression: boolean[] }} options
 */
export function fits(steps, options) {
  return options.compression.map((compression) => {
    const mine = steps.filter((s) => s.compression === compression);
    const memory = fitLine(mine.map((s) => ({ x: s.receivers, y: s.connect.rssAfterBytes })));
    return {
      compression,
      rssPerSocketBytes: memory?.slope ?? null,
      cpuPerPost: options.rates.flatMap((rate) => {
        const points = mine.flatMap((s) =>
          s.runs.filter((r) => r.ratePerSecond === rate && r.complete).map((r) => ({ x: s.receivers + 1, y: r.workerd.cpuPerPostUs })),
        );
        const line = fitLine(points);
        return line ? [{ ratePerSecond: rate, fixedUs: line.intercept, perRecipientUs: line.slope, points: points.length }] : [];
      }),
    };
  });
}

/** @type {import('./report.mjs').Column<import('./fanout-run.mjs').RunResult & { compression: boolean }>[]} */
const COLUMNS = [
  { title: 'deflate', value: (r) => (r.compression ? 'on' : 'off'), left: true },
  { title: 'N', value: (r) => r.receivers },
  { title: 'rate/s', value: (r) => r.ratePerSecond },
  { title: 'sent/s', value: (r) => num(r.achievedSendRate) },
  { title: 'deliv/s', value: (r) => num(r.deliveryRate) },
  { title: 'kept up', value: (r) => (r.saturated ? 'NO' : 'yes') },
  { title: 'p50 ms', value: (r) => num(r.latencyMs.p50, 1) },
  { title: 'p95 ms', value: (r) => num(r.latencyMs.p95, 1) },
  { title: 'p99 ms', value: (r) => num(r.latencyMs.p99, 1) },
  { title: 'max ms', value: (r) => num(r.latencyMs.max, 1) },
  { title: 'last p50', value: (r) => num(r.lastRecipientMs.p50, 1) },
  { title: 'ack p50', value: (r) => num(r.ackMs.p50, 1) },
  { title: 'ack p99', value: (r) => num(r.ackMs.p99, 1) },
  { title: 'lost', value: (r) => r.lost },
  { title: 'dup', value: (r) => r.duplicates },
  { title: 'wd CPU', value: (r) => percent(r.workerd.cpuShareOfOneCore) },
  { title: 'sys', value: (r) => percent(r.workerd.systemShare) },
  { title: 'µs/post', value: (r) => num(r.workerd.cpuPerPostUs) },
  { title: 'µs/deliv', value: (r) => num(r.workerd.cpuPerDeliveryUs, 1) },
  { title: 'cap post/s', value: (r) => num(r.workerd.capacityPostsPerSecond) },
  { title: 'wd RSS MiB', value: (r) => mib(r.workerd.rssBytes) },
  { title: 'gen CPU', value: (r) => percent(r.loadGenerator.cpuShareOfOneCore) },
  { title: 'gen lag p99', value: (r) => num(r.loadGenerator.workerLoopDelayMs.p99, 1) },
];

/** @param {any} results */
export function printSummary(results) {
  const { machine, code, options } = results;
  /** @type {Step[]} */
  const steps = results.steps;
  console.log(`\nFan-out: one sender posts ${options.messages} messages per run to N open channel sockets; ${results.method.accounts}.`);
  console.log(`${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.workerd}, commit ${code.commit}${code.dirty ? ' (dirty tree)' : ''}, dist/worker.js ${code.workerBundle.sha256} built ${code.workerBundle.builtAt}\n`);
  console.log(markdownTable(COLUMNS, steps.flatMap((s) => s.runs.map((r) => ({ ...r, compression: s.compression })))));
  console.log(
    [
      '',
      'kept up: deliveries/s reached 90% of rate × N; when NO, latencies measure the queue in workerd (acks wait in it too).',
      'latency: send → receipt per delivery; last: send → receipt by a message’s last recipient; ack: send → ack at the sender.',
      'wd CPU: workerd CPU time (user + sys, all threads) over the run’s wall time, drain included (100% = one core); sys: the',
      'kernel’s part of it. µs/post and µs/deliv divide it by the messages acked and by the deliveries (N receivers + the',
      'sender’s own echo); cap post/s = 1 s / µs/post, the post rate one busy core would sustain at this N. gen: the benchmark',
      'process, all threads; lag: the receiver threads’ event-loop delay beyond a 1 ms timer, worst thread. deflate on: clients',
      'offer permessage-deflate as browsers do, and workerd then compresses every frame once per socket.',
    ].join('\n'),
  );
  for (const fit of results.fits) {
    console.log(`\nDeflate ${fit.compression ? 'on' : 'off'}: workerd CPU per post ≈ fixed + per-recipient × (N + 1), least squares over N:`);
    for (const f of fit.cpuPerPost) console.log(`  at ${f.ratePerSecond}/s: ${num(f.fixedUs)} µs + ${num(f.perRecipientUs, 1)} µs × recipients`);
    if (fit.rssPerSocketBytes !== null) console.log(`  workerd RSS per open socket: ${num(fit.rssPerSocketBytes / 1024)} KiB (slope over the steps)`);
  }
  console.log('\nConnecting:');
  for (const s of steps) {
    console.log(
      `  deflate ${s.compression ? 'on ' : 'off'} N=${s.receivers}: ${num(s.connect.ms)} ms, workerd RSS ${mib(s.connect.rssAfterBytes)} MiB, ` +
        `idle CPU ${num(s.connect.idleCpuMsPerSecond)} ms/s` +
        (Object.keys(s.connect.failures).length ? `, failures ${JSON.stringify(s.connect.failures)}` : ''),
    );
  }
  for (const line of results.skipped) console.log(`Skipped ${line}`);
}
