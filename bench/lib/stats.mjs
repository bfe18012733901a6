// @ts-check
/** Percentiles and the event-loop delay monitor the benchmarks report. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * @typedef {object} Distribution
 * @property {number} count
 * @property {number} mean
 * @property {number} p50
 * @property {number} p95
 * @property {number} p99
 * @property {number} max
 */

/**
 * Nearest-rank percentiles of `values` (which it sorts in place); all zero when empty.
 * @param {Float64Array} values
 * @returns {Distribution}
 */
export function distribution(values) {
  const count = values.length;
  if (count === 0) return { count, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  values.sort();
  let sum = 0;
  for (const v of values) sum += v;
  /** @param {number} p */
  const at = (p) => values[Math.min(count - 1, Math.max(0, Math.ceil((p / 100) * count) - 1))];
  return { count, mean: sum / count, p50: at(50), p95: at(95), p99: at(99), max: values[count - 1] };
}

/** @param {Float64Array[]} parts */
export function concat(parts) {
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/** The sampling interval of the event-loop delay monitor; reported delays are beyond it. */
const ELD_RESOLUTION_MS = 1;

/**
 * @typedef {object} LoopDelay  how late the thread's event loop ran a 1 ms timer, in ms
 * @property {number} p50
 * @property {number} p99
 * @property {number} max
 */

/** Watches this thread's event loop; `read()` gives the delays since the last `reset()`. */
export function watchEventLoop() {
  const histogram = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  histogram.enable();
  /** @param {number} ns */
  const late = (ns) => Math.max(0, ns / 1e6 - ELD_RESOLUTION_MS);
  return {
    reset: () => histogram.reset(),
    /** @returns {LoopDelay} */
    read: () =>
      histogram.count === 0
        ? { p50: 0, p99: 0, max: 0 }
        : { p50: late(histogram.percentile(50)), p99: late(histogram.percentile(99)), max: late(histogram.max) },
    stop: () => histogram.disable(),
  };
}

/**
 * The worst of several threads' loop delays, field by field.
 * @param {LoopDelay[]} delays @returns {LoopDelay}
 */
export function worstLoopDelay(delays) {
  return {
    p50: Math.max(0, ...delays.map((d) => d.p50)),
    p99: Math.max(0, ...delays.map((d) => d.p99)),
    max: Math.max(0, ...delays.map((d) => d.max)),
  };
}

/** Milliseconds on the monotonic clock all threads of this process share (performance.now() is per thread). */
export function sharedClockMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}
