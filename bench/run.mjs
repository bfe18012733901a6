// @ts-check
/**
 * `npm run bench`: every benchmark suite in bench/suites/, one after another (they
 * would skew each other's figures if run together), against the real
 * `workerd serve workerd.capnp` on loopback. Writes BENCHMARKS.md (each suite's
 * section and the target summary; sections of suites not run are kept as they
 * were) and the raw figures to bench/results/. Nothing passes or fails here.
 *
 *   npm run bench                      all suites, publishable figures
 *   npm run bench -- --only fanout,web only these suites
 *   npm run bench -- --quick           small runs, to check the suites work (figures marked as such)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchmarksFile } from './lib/benchmarks-file.mjs';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { describeMachine } from './lib/fanout-summary.mjs';
import { RESULTS_DIR } from './lib/paths.mjs';
import { SUITE_IDS } from './lib/suite.mjs';
import { WorkerdServer } from './lib/workerd.mjs';


const USAGE = `Usage: npm run bench -- [--only ${SUITE_IDS.join(',')}] [--quick] [--budget S] [--no-write]

  --only A,B   run only these suites (the other sections of BENCHMARKS.md are kept)
  --quick      small runs to check that the suites work; BENCHMARKS.md is not written
  --budget S   per-suite budget in seconds before it starts no new measurement (default 600)
  --no-write   print the sections, leave BENCHMARKS.md as it is`;

const log = (/** @type {string} */ line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      budget: { type: 'string', default: '600' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const ids = values.only ? values.only.split(',').map((id) => id.trim()) : SUITE_IDS;
  const unknown = ids.filter((id) => !SUITE_IDS.includes(id));
  if (unknown.length) throw new Error(`No suite named ${unknown.join(', ')}; the suites are ${SUITE_IDS.join(', ')}`);
  const budgetSeconds = Number(values.budget);
  if (!Number.isFinite(budgetSeconds) || budgetSeconds <= 0) throw new Error(`--budget takes seconds above 0, not "${values.budget}"`);

  ensureBuilt({ log });
  const provenance = describeMachine();
  const startedAt = new Date();
  /** @type {import('./lib/suite.mjs').SuiteResult[]} */
  const done = [];
  for (const id of ids) {
    /** @type {import('./lib/suite.mjs').Suite} */
    const suite = (await import(`./suites/${id}.mjs`)).default;
    log(`── ${suite.title}`);
    const clock = performance.now();
    const result = await suite.run({ log, quick: values.quick, budgetSeconds });
    log(`── ${suite.title}: ${((performance.now() - clock) / 1000).toFixed(0)} s`);
    console.log(`\n## ${result.title}\n\n${result.markdown}\n`);
    done.push(result);
  }

  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const out = path.join(RESULTS_DIR, `bench-${stamp}.json`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(out, `${JSON.stringify({ startedAt, ...provenance, quick: values.quick, suites: done }, null, 2)}\n`);
  console.log(`Raw figures: ${path.relative(process.cwd(), out)}`);
  if (values.quick || values['no-write']) return;
  const command = `npm run bench${values.only ? ` -- --only ${ids.join(',')}` : ''}`;
  writeBenchmarksFile({ results: done, provenance, startedAt, command });
  console.log('BENCHMARKS.md updated.');
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    log(`${signal}: stopping every workerd this run started.`);
    WorkerdServer.killAllNow();
    process.exit(130);
  });
}
process.on('exit', () => WorkerdServer.killAllNow());

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
// Whatever a suite left open (it should not), the run ends: unref'd, this fires only if something keeps the process alive.
setTimeout(() => {
  log('Something was still open 10 s after the last suite; exiting anyway.');
  process.exit(process.exitCode ?? 0);
}, 10_000).unref();
