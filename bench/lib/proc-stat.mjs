// @ts-check
/** CPU time and memory of another process and its threads, read from Linux's /proc. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = getconf('CLK_TCK', 100);
const PAGE_SIZE = getconf('PAGESIZE', 4096);

/** The resolution of every `cpuMs` here: /proc counts CPU time in clock ticks. */
export const CPU_TICK_MS = 1000 / CLOCK_TICKS_PER_SECOND;

/**
 * CPU time since the process started (all its threads: user + system, and the system
 * part alone, which is mostly socket and file I/O), and its resident set size.
 * @param {number} pid @returns {{ cpuMs: number, systemMs: number, rssBytes: number }}
 */
export function processStats(pid) {
  const { cpuMs, fields } = readStat(`/proc/${pid}/stat`);
  return { cpuMs, systemMs: (Number(fields[15]) * 1000) / CLOCK_TICKS_PER_SECOND, rssBytes: Number(fields[24]) * PAGE_SIZE };
}

/**
 * CPU time of each thread of `pid` by thread id, with the thread's name: workerd runs
 * JavaScript on one thread; V8's and the runtime's helpers show up separately.
 * @param {number} pid @returns {Map<number, { name: string, cpuMs: number }>}
 */
export function threadStats(pid) {
  /** @type {Map<number, { name: string, cpuMs: number }>} */
  const threads = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const { name, cpuMs } = readStat(`/proc/${pid}/task/${tid}/stat`);
      threads.set(Number(tid), { name, cpuMs });
    } catch {
      // the thread ended between listing and reading
    }
  }
  return threads;
}

/**
 * Parses a stat line of proc(5); `fields[n]` is field n as the man page numbers them.
 * @param {string} file
 */
function readStat(file) {
  const stat = readFileSync(file, 'utf8');
  // Field 2, the name, is in parentheses and may contain spaces; everything after it is numbers.
  const close = stat.lastIndexOf(')');
  const name = stat.slice(stat.indexOf('(') + 1, close);
  const fields = ['', '', '', ...stat.slice(close + 2).trim().split(' ')];
  const cpuMs = ((Number(fields[14]) + Number(fields[15])) * 1000) / CLOCK_TICKS_PER_SECOND;
  return { name, cpuMs, fields };
}

/** @param {string} name @param {number} fallback */
function getconf(name, fallback) {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
}
