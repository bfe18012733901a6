// @ts-check
/**
 * Connections and memory: what idle sockets cost workerd (RSS per socket for channel
 * sockets, gateway sockets and the browser's mix of both, with and without
 * permessage-deflate offered), and what happens at the connection cap.
 */
import { measureCap } from '../lib/connections-cap.mjs';
import { CLIENT_KINDS, measureMemory } from '../lib/connections-memory.mjs';
import { IdleSocketPool } from '../lib/idle-socket-pool.mjs';
import { markdownTable, mib, num } from '../lib/report.mjs';

/** The goal in issue 8, in bytes (SI kilobytes, the stricter reading). */
const TARGET_BYTES_PER_SOCKET = 100_000;
const CLEAN_REFUSAL = 'HTTP 503 server_busy, Retry-After 10';
const POOL_WORKERS = 2;

/** @typedef {import('../lib/connections-memory.mjs').ClientKind} ClientKind */

const PLANS = {
  full: {
    steps: [1_000, 5_000],
    settleMs: 3_000,
    /** @type {{ kind: ClientKind, compression: boolean }[]} */
    mixes: [
      { kind: 'tab', compression: true },
      { kind: 'channel', compression: true },
      { kind: 'channel', compression: false },
      { kind: 'gateway', compression: true },
    ],
    cap: { cap: 500, over: 200, reopen: 50 },
  },
  quick: {
    steps: [300, 1_000],
    settleMs: 1_000,
    /** @type {{ kind: ClientKind, compression: boolean }[]} */
    mixes: [{ kind: 'tab', compression: true }],
    cap: { cap: 300, over: 200, reopen: 50 },
  },
};

/** @type {import('../lib/suite.mjs').Suite} */
export default {
  id: 'connections',
  title: 'Connections and memory',
  async run({ log, quick, budgetSeconds }) {
    const plan = quick ? PLANS.quick : PLANS.full;
    const started = performance.now();
    const overBudget = () => (performance.now() - started) / 1000 > budgetSeconds;
    const pool = new IdleSocketPool(POOL_WORKERS);
    try {
      const memory = [];
      /** @type {string[]} */
      const skipped = [];
      for (const { kind, compression } of plan.mixes) {
        if (overBudget()) skipped.push(`${CLIENT_KINDS[kind]}, deflate ${compression ? 'offered' : 'not offered'}`);
        else memory.push(await measureMemory({ pool, kind, compression, steps: plan.steps, settleMs: plan.settleMs, log }));
      }
      const cap = await measureCap({ pool, ...plan.cap, log });
      const results = { plan, memory, cap, skipped };
      return { id: 'connections', title: 'Connections and memory', markdown: markdown(results), targets: targets(results), results };
    } finally {
      await pool.terminate();
    }
  },
};

/** @typedef {{ plan: typeof PLANS.full, memory: Awaited<ReturnType<typeof measureMemory>>[], cap: Awaited<ReturnType<typeof measureCap>>, skipped: string[] }} Results */

/** @param {number} bytes */
const kib = (bytes) => num(bytes / 1024, 0);

/** @param {Results} results @returns {import('../lib/suite.mjs').TargetCheck[]} */
function targets({ memory, cap }) {
  const browserLike = memory.filter((m) => m.compression);
  const worst = browserLike.reduce((a, b) => (b.perSocket.marginalBytes > a.perSocket.marginalBytes ? b : a), browserLike[0]);
  const refusals = [cap.refused.gateway, cap.refused.channel];
  const cleanRefusals = refusals.every((r) => r.opened === 0 && Object.keys(r.refused).every((reason) => reason === CLEAN_REFUSAL));
  const survived = memory.every((m) => m.survived) && cap.alive && cap.instanceStatus === 200;
  return [
    {
      target: '≤ 100 KB of workerd memory per idle connection',
      measured: worst
        ? `${kib(worst.perSocket.marginalBytes)} KiB (${num(worst.perSocket.marginalBytes / 1000, 0)} KB) per socket, worst case: ${worst.label}`
        : 'not measured',
      met: worst ? worst.perSocket.marginalBytes <= TARGET_BYTES_PER_SOCKET : null,
    },
    {
      target: 'Never a crashed process under connection load',
      measured:
        `${survived ? 'workerd alive' : 'workerd DIED'} after ${Math.max(...memory.map((m) => m.points[m.points.length - 1].sockets))} sockets and at cap ${cap.cap} + ${cap.over}; ` +
        `past the cap: ${cleanRefusals ? `every socket refused with ${CLEAN_REFUSAL}` : 'NOT all refused cleanly'}; ` +
        `message at the cap ${cap.delivered ? 'delivered' : 'NOT delivered'}; ${cap.reopened}/${cap.reopen} accepted after closes`,
      met: survived && cleanRefusals && cap.delivered && cap.reopened === cap.reopen,
    },
  ];
}

/** @param {Results} results */
function markdown({ plan, memory, cap, skipped }) {
  const [first, last] = plan.steps;
  const memoryTable = markdownTable(
    [
      { title: 'Clients', value: (m) => CLIENT_KINDS[m.kind], left: true },
      { title: 'Deflate offered', value: (m) => (m.compression ? 'yes' : 'no'), left: true },
      { title: 'RSS at 0 (MiB)', value: (m) => mib(m.points[0].rssBytes) },
      { title: `at ${num(first)}`, value: (m) => mib(m.points[1]?.rssBytes ?? NaN) },
      { title: `at ${num(last)}`, value: (m) => mib(m.points[2]?.rssBytes ?? NaN) },
      { title: 'Per socket (KiB)', value: (m) => kib(m.perSocket.marginalBytes) },
      { title: `Open ${num(last - first)} (s)`, value: (m) => num((m.points[2]?.connectMs ?? NaN) / 1000, 1) },
      { title: 'workerd CPU per open (ms)', value: (m) => num(m.points[2] ? m.points[2].connectServerCpuMs / (last - first) : NaN, 2) },
      { title: 'Load generator CPU per open (ms)', value: (m) => num(m.points[2] ? m.points[2].connectClientCpuMs / (last - first) : NaN, 2) },
      { title: 'Idle CPU workerd / load gen (ms/s)', value: (m) => `${num(m.points[2]?.idleServerCpuMsPerSecond ?? NaN)} / ${num(m.points[2]?.idleClientCpuMsPerSecond ?? NaN)}` },
    ],
    memory,
  );
  const refusal = (/** @type {import('../lib/idle-socket-pool.mjs').OpenReport} */ r) =>
    `${r.opened} accepted; ${Object.entries(r.refused).map(([reason, n]) => `${n} × ${reason}`).join(', ') || 'none refused'}`;
  const sample = Object.values({ ...cap.refused.gateway.samples, ...cap.refused.channel.samples })[0] ?? '';
  const capTable = markdownTable(
    [
      { title: 'Check', value: (/** @type {[string, string]} */ row) => row[0], left: true },
      { title: 'Observed', value: (row) => row[1], left: true },
    ],
    [
      ['Filled to the cap (half gateway, half channel sockets)', `${cap.filled} of ${cap.cap} open`],
      [`${cap.over / 2} more gateway sockets`, refusal(cap.refused.gateway)],
      [`${cap.over / 2} more channel sockets`, refusal(cap.refused.channel)],
      ['Time to refuse them all', `${num(cap.overMs)} ms`],
      ['Refusal body', `\`${sample}\``],
      ['workerd process / GET /api/instance', `${cap.alive ? 'alive' : 'GONE'} / ${cap.instanceStatus}`],
      ['A message sent at the cap reaches another socket', cap.delivered ? 'yes' : 'no'],
      [`After closing ${cap.closed}, new sockets accepted`, `${cap.reopened} of ${cap.reopen} within ${num(cap.reopenMs)} ms`],
      ['Held sockets the server dropped', String(cap.unexpectedCloses)],
    ],
  );
  return [
    'One fresh `workerd serve workerd.capnp` per row; a handful of accounts (sign-ups hash with Argon2) hold many sockets each; ' +
      `sockets opened by ${POOL_WORKERS} worker threads of the load generator (\`ws\` client), then left idle; ` +
      `workerd's RSS (/proc) is the median of a few readings ${num(plan.settleMs / 1000, 0)} s after the last socket opened. ` +
      `"Per socket" is the RSS growth from ${num(first)} to ${num(last)} sockets over the sockets added, leaving out one-time costs ` +
      '(RSS at 0 still holds memory the sign-ups\' Argon2 hashing took, which workerd reuses for the first sockets). ' +
      `A browser tab holds one gateway and one channel socket; browsers always offer permessage-deflate.`,
    '',
    memoryTable,
    '',
    `At the connection cap (HEARTH_MAX_CONNECTIONS=${cap.cap}, deflate offered):`,
    '',
    capTable,
    ...(skipped.length ? ['', `Skipped (over budget): ${skipped.join('; ')}.`] : []),
  ].join('\n');
}
