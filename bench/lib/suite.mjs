// @ts-check
/**
 * The contract between `npm run bench` (bench/run.mjs) and each benchmark suite in
 * bench/suites/. A suite starts what it needs (its own workerd, Chromium, baseline
 * server), measures, stops everything it started, and returns its figures as data
 * plus a Markdown section for BENCHMARKS.md. It never decides pass/fail: a target
 * check reports where the product stands against the goal in issue 8.
 */

/**
 * @typedef {object} SuiteContext
 * @property {(line: string) => void} log  progress, to stderr
 * @property {boolean} quick  a smaller, faster run (smoke check of the suite itself); figures are not publishable
 * @property {number} budgetSeconds  start no new measurement after this long; a suite must stop by itself
 */

/**
 * @typedef {object} TargetCheck
 * @property {string} target  the goal, in words ("Newest-50 history p99 ≤ 10 ms at 1M messages")
 * @property {string} measured  what was measured, with its unit ("p99 3.1 ms")
 * @property {boolean | null} met  null when the run could not tell
 */

/**
 * @typedef {object} SuiteResult
 * @property {string} id  file name of the suite without .mjs
 * @property {string} title  the section heading in BENCHMARKS.md
 * @property {string} markdown  the section body: tables and a few lines on method
 * @property {TargetCheck[]} targets
 * @property {unknown} results  raw figures, JSON-serializable, written to bench/results/
 */

/**
 * @typedef {object} Suite
 * @property {string} id
 * @property {string} title
 * @property {(context: SuiteContext) => Promise<SuiteResult>} run
 */

/** The suites `npm run bench` runs, in this order (cheap ones first, so a broken suite shows early); bench/suites/<id>.mjs. */
export const SUITE_IDS = ['startup', 'web', 'history', 'connections', 'fanout'];
