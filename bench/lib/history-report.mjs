// @ts-check
/** The history suite's section of BENCHMARKS.md: tables, method, the target check. */
import { markdownTable, mib, num } from './report.mjs';

export const HISTORY_TITLE = 'History: newest 50 and paging back';
const TARGET_P99_MS = 10;

/**
 * @param {{ seeded: import('./seeded-channels.mjs').SeededData, rows: any[], split: Record<'route' | 'direct' | 'ping', { wall: import('./stats.mjs').Distribution, cpuMs: number }> | null,
 *   fileSizes: number[], counts: Record<string, number>, quick: boolean, warmUp: number }} input
 * @returns {import('./suite.mjs').SuiteResult}
 */
export function historyReport({ seeded, rows, split, fileSizes, counts, quick, warmUp }) {
  const ms = (/** @type {number} */ value) => num(value, 1);
  const sizeOf = (/** @type {number} */ index) => fileSizes[index] ?? NaN;
  const table = markdownTable(
    [
      { title: 'Messages', value: (/** @type {any} */ r) => num(r.channel.messages) },
      { title: 'DB MiB', value: (r) => mib(sizeOf(rows.indexOf(r))) },
      { title: 'Cold ms', value: (r) => ms(r.cold) },
      { title: 'Newest 50 p50', value: (r) => ms(r.newest.p50) },
      { title: 'p95', value: (r) => ms(r.newest.p95) },
      { title: 'p99', value: (r) => ms(r.newest.p99) },
      { title: 'max', value: (r) => ms(r.newest.max) },
      { title: 'workerd CPU ms/req', value: (r) => ms(r.cpuPerRequest) },
      { title: 'KiB', value: (r) => num(r.bytes / 1024, 0) },
      { title: 'Paging back p50', value: (r) => ms(r.paging.p50) },
      { title: 'p99', value: (r) => ms(r.paging.p99) },
      { title: 'Oldest page p50', value: (r) => ms(r.oldest.p50) },
    ],
    rows,
  );
  const biggest = rows.find((r) => r.channel.messages >= 1_000_000);
  const lines = [
    quick ? '**Quick run: small samples, not publishable.**\n' : '',
    `End-to-end over HTTP on loopback (keep-alive, a signed-in session), production \`workerd serve workerd.capnp\`; times in ms from sending the request to the last byte. ` +
      `Newest 50: ${counts.newest} requests after ${warmUp} warm-up ones. Paging back: ${counts.pages - 1} successive \`before=\` pages from the newest. ` +
      `Oldest page: the first 50 messages of the channel, ${counts.oldest} times. Cold: the first history request after workerd started ` +
      `(its readiness probe \`GET /api/instance\` came first), largest channel first, so the second channel's object was cold but the worker warm.`,
    '',
    table,
    '',
    seedingLine(seeded),
  ];
  if (split) {
    const { route, direct, ping } = split;
    lines.push(
      '',
      `Where the time of the ${num(biggest?.channel.messages ?? seeded.channels.at(-1)?.messages ?? 0)}-message channel's newest page goes (seeding build = production code plus /bench routes; wall: ${counts.split} of each, interleaved; CPU: ${counts.split} more of each, one kind at a time):`,
      '',
      markdownTable(
        [
          { title: 'Request', value: (/** @type {[string, typeof route]} */ r) => r[0], left: true },
          { title: 'Wall p50 ms', value: (r) => ms(r[1].wall.p50) },
          { title: 'Wall p99 ms', value: (r) => ms(r[1].wall.p99) },
          { title: 'workerd CPU ms/req', value: (r) => ms(r[1].cpuMs) },
        ],
        [
          ['The production route: session (directory object), membership (workspace object), validation, the channel object', route],
          ['Worker → channel object `history()` RPC, no session or membership', direct],
          ['Worker → channel object RPC that does nothing', ping],
        ],
      ),
      '',
      `So the channel object's SQL, row mapping and the page's serialization cost about ${ms(direct.cpuMs - ping.cpuMs)} ms of CPU ` +
        `(${ms(direct.wall.p50 - ping.wall.p50)} ms of wall time at p50) of the route's ${ms(route.cpuMs)} ms; the session and membership checks ` +
        `about ${ms(route.cpuMs - direct.cpuMs)} ms; HTTP, the worker and one RPC round trip the rest. ` +
        `workerd's clock does not advance during synchronous work, so these are differences between round trips, not timers inside the object.`,
    );
  }
  const measured = biggest ? `p99 ${ms(biggest.newest.p99)} ms end-to-end over HTTP (${counts.newest} requests${quick ? ', quick run' : ''})` : 'not measured (budget)';
  return {
    id: 'history',
    title: HISTORY_TITLE,
    markdown: lines.join('\n').trim(),
    targets: [{ target: `Newest-50 history p99 ≤ ${TARGET_P99_MS} ms at 1M messages`, measured, met: biggest ? biggest.newest.p99 <= TARGET_P99_MS : null }],
    results: { channels: seeded.channels, fromCache: seeded.fromCache, seededAt: seeded.seededAt, rows, split, fileSizes },
  };
}

/** @param {import('./seeded-channels.mjs').SeededData} seeded */
function seedingLine(seeded) {
  const each = seeded.channels.map(
    (c) =>
      `${num(c.messages)} messages in ${num(c.seedSeconds, 1)} s (rows ${num(c.eventsSeconds, 1)} s, indexes and thread summaries ${num(c.finishSeconds, 1)} s; ` +
      `${num(c.replies)} thread replies, ${num(c.alsoInChannel)} of them also in the channel; ${num(c.reactions)} reactions)`,
  );
  return (
    `Seeding: ${each.join('; ')}, by a bench-only build writing production's rows in bulk SQL (bench/history/); ` +
    `the indexes are built after the rows, so they may be a little more compact than ones grown message by message. ` +
    `The seeded messages are not in the search index and no backfill runs (history never reads the index), so the DB files lack the index production would have. ` +
    (seeded.fromCache
      ? `This run reused the data seeded at ${seeded.seededAt.slice(0, 16).replace('T', ' ')} UTC from bench/results/cache/ (delete it to seed again).`
      : 'Seeded in this run; later runs reuse it from bench/results/cache/.')
  );
}
