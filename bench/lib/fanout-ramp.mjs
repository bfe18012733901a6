// @ts-check
/**
 * Finds the highest send rate a server sustains to N open sockets: runs at rising
 * rates (doubling, then narrowing between the last rate that held and the first
 * that did not) until the bracket is tight, the budget is spent or the ceiling is
 * reached. "Sustained" means every delivery arrived exactly once, p99 send → receipt
 * ≤ 100 ms, and the sender and the deliveries both kept up with the offered rate.
 */
import { measureRun } from './fanout-run.mjs';
import { delay } from './workerd.mjs';

export const P99_LIMIT_MS = 100;
/** Stop narrowing once the failing rate is within this factor of the sustained one. */
const BRACKET = 1.25;
const RATE_CEILING = 20_000;
const MAX_RUNS = 12;
const QUIET_CPU_SHARE = 0.05;
const QUIET_TIMEOUT_MS = 30_000;

/**
 * @typedef {object} RampRig
 * @property {{ pid: number, stats(): { cpuMs: number, rssBytes: number, systemMs: number } }} server
 * @property {import('./receiver-pool.mjs').ReceiverPool} pool
 * @property {import('./sender.mjs').Sender} sender
 * @property {ReturnType<typeof import('./stats.mjs').watchEventLoop>} loop
 */

/** @param {import('./fanout-run.mjs').RunResult} run */
export function sustained(run) {
  return (
    run.complete &&
    !run.saturated &&
    run.lost === 0 &&
    run.duplicates === 0 &&
    run.unexpectedCloses === 0 &&
    Object.keys(run.sendErrors).length === 0 &&
    run.achievedSendRate >= 0.9 * run.ratePerSecond &&
    run.latencyMs.p99 <= P99_LIMIT_MS
  );
}

/**
 * @param {RampRig} rig
 * @param {{ label: string, receivers: number, startRate: number, stepSeconds: number, deadline: number,
 *           log: (line: string) => void }} options  deadline: performance.now() after which no run starts
 */
export async function ramp(rig, { label, receivers, startRate, stepSeconds, deadline, log }) {
  /** @type {import('./fanout-run.mjs').RunResult[]} */
  const runs = [];
  /** @type {import('./fanout-run.mjs').RunResult | null} */
  let best = null;
  /** @type {import('./fanout-run.mjs').RunResult | null} */
  let firstFailure = null;
  let rate = startRate;
  while (runs.length < MAX_RUNS && performance.now() < deadline && rate <= RATE_CEILING) {
    const messages = Math.max(20, Math.round(rate * stepSeconds));
    const run = await measureRun(rig, {
      runId: `${label}r${rate}x${runs.length}`,
      receivers,
      messages,
      ratePerSecond: rate,
      drainTimeoutMs: Math.max(5_000, stepSeconds * 2_000),
    });
    runs.push(run);
    const held = sustained(run);
    log(
      `  ${label} N=${receivers} ${rate}/s: ${held ? 'held' : 'NOT held'} — p50 ${run.latencyMs.p50.toFixed(1)} ms, p99 ${run.latencyMs.p99.toFixed(1)} ms, ` +
        `${run.delivered}/${run.expectedDeliveries} delivered, ${Math.round(run.deliveryRate)} deliveries/s, server ${Math.round(run.workerd.cpuShareOfOneCore * 100)}% CPU, ` +
        `generator ${Math.round(run.loadGenerator.cpuShareOfOneCore * 100)}% CPU`,
    );
    await waitForQuiet(rig.server);
    if (held && (best === null || rate > best.ratePerSecond)) best = run;
    if (!held && (firstFailure === null || rate < firstFailure.ratePerSecond)) firstFailure = run;
    if (firstFailure === null) {
      rate *= 2;
    } else if (best === null) {
      // Not even the first rate held: go down until one does.
      rate = Math.floor(rate / 2);
      if (rate < 1) break;
    } else {
      if (firstFailure.ratePerSecond / best.ratePerSecond <= BRACKET) break;
      const between = Math.round(Math.sqrt(firstFailure.ratePerSecond * best.ratePerSecond));
      // Whole messages per second: at low rates there may be no rate left between the two.
      if (between <= best.ratePerSecond || between >= firstFailure.ratePerSecond) break;
      rate = between;
    }
  }
  return { runs, best, firstFailure };
}

/**
 * Waits until the server's CPU use falls to idle, so that a backlog from the run before
 * (a rate it could not hold) is not charged to the next one.
 * @param {{ stats(): { cpuMs: number } }} server
 */
async function waitForQuiet(server) {
  const until = performance.now() + QUIET_TIMEOUT_MS;
  let before = server.stats().cpuMs;
  while (performance.now() < until) {
    await delay(250);
    const now = server.stats().cpuMs;
    if (now - before <= 250 * QUIET_CPU_SHARE) return;
    before = now;
  }
}
