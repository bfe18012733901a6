// @ts-check
/** Command-line options of bench/fanout.mjs. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench:fanout -- [options]

Measures what one message costs to deliver in a channel with many open sockets,
against the real \`workerd serve workerd.capnp\` on 127.0.0.1 with a throwaway data dir.

  --max N          largest receiver count; steps are 10, 100, 1000 up to N, then N (default 1000)
  --steps A,B,…    receiver counts to run instead (overrides --max)
  --rates A,B,…    send rates in messages/s, each run once per step (default 20,50,100,200)
  --messages M     messages per run (default 200)
  --accounts K     accounts the sockets are spread over (default 5; sign-ups hash with Argon2)
  --workers W      worker threads holding receiving sockets (default 2)
  --compression C  on: clients offer permessage-deflate as browsers do; off: plain frames;
                   both: on, then off, each on a fresh workerd (default both)
  --budget S       start no run after S seconds (default 240); a watchdog stops everything at S+120
  --out FILE       results file (default bench/results/fanout-<date>.json)
  --skip-build     use dist/ as it is, even when older than src/
  --build          rebuild the worker even when dist/ looks fresh
  -h, --help       this text

The data directory goes under $TMPDIR (default /tmp); TMPDIR=/dev/shm takes the disk out of it.
Progress goes to stderr, the table to stdout. Runs that fall behind the offered load are marked.`;

/**
 * @typedef {object} FanoutOptions
 * @property {number[]} steps
 * @property {number[]} rates
 * @property {number} messages
 * @property {number} accounts
 * @property {number} workers
 * @property {boolean[]} compression  the modes to run, in order
 * @property {number} budgetSeconds
 * @property {string | null} out
 * @property {'skip' | 'auto' | 'force'} build
 * @property {boolean} help
 */

const DEFAULT_STEPS = [10, 100, 1000];

/** A mistake in how the benchmark was asked to run: its message is all the user needs. */
export class UsageError extends Error {}

const OPTIONS = /** @type {const} */ ({
  max: { type: 'string' },
  steps: { type: 'string' },
  rates: { type: 'string', default: '20,50,100,200' },
  messages: { type: 'string', default: '200' },
  accounts: { type: 'string', default: '5' },
  workers: { type: 'string', default: '2' },
  compression: { type: 'string', default: 'both' },
  budget: { type: 'string', default: '240' },
  out: { type: 'string' },
  'skip-build': { type: 'boolean', default: false },
  build: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
});

/** @param {string[]} argv @returns {FanoutOptions} */
export function parseFanoutOptions(argv) {
  const { values } = parseStrict(argv);
  const max = values.max === undefined ? null : positiveInt('--max', values.max);
  let steps = values.steps ? list('--steps', values.steps) : DEFAULT_STEPS;
  if (max !== null && !values.steps) {
    steps = DEFAULT_STEPS.filter((n) => n < max);
    steps.push(max);
  }
  return {
    steps: [...new Set(steps)].sort((a, b) => a - b),
    rates: list('--rates', values.rates),
    messages: positiveInt('--messages', values.messages),
    accounts: positiveInt('--accounts', values.accounts),
    workers: positiveInt('--workers', values.workers),
    compression: compressionModes(values.compression),
    budgetSeconds: positiveInt('--budget', values.budget),
    out: values.out ?? null,
    build: values['skip-build'] ? 'skip' : values.build ? 'force' : 'auto',
    help: values.help,
  };
}

/** @param {string[]} argv */
function parseStrict(argv) {
  try {
    return parseArgs({ args: argv, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** @param {string} name @param {string} value */
function positiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} takes a whole number above 0, not "${value}"`);
  return n;
}

/** @param {string} value @returns {boolean[]} */
function compressionModes(value) {
  const modes = { on: [true], off: [false], both: [true, false] };
  if (!(value in modes)) throw new UsageError(`--compression takes on, off or both, not "${value}"`);
  return modes[/** @type {keyof typeof modes} */ (value)];
}

/** @param {string} name @param {string} value */
function list(name, value) {
  return value.split(',').map((v) => positiveInt(name, v.trim()));
}
