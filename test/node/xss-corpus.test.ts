/**
 * DESIGN invariant 5 against public XSS corpora (test/data/xss, sources and licences in each
 * SOURCE.md): every vector goes through the message pipeline (renderMarkdown, then
 * enhanceMessage) in Debian's Chromium, in Markdown contexts that put it in text, links, images,
 * tables, lists, code, math and diagrams, and none may run script, open a window, navigate the
 * page, load anything or leave an element or attribute the allow-list lacks. Twice: under
 * Hearth's real CSP (what users get) and with the CSP bypassed (the sanitizer on its own).
 * A control puts 50 of the payloads in raw, with innerHTML, to show the detectors do catch them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import corpusJson from '../data/xss/corpus.json?raw';
import { tagEventMatrix } from '../data/xss/matrix.mjs';
import { launchChromium } from '../e2e/harness/browser';
import { XssHarness, emptyReport, failures, type Item, type Report } from './xss-harness';

const corpus = (JSON.parse(corpusJson) as { vectors: [string, string][] }).vectors
  .map(([source, vector]) => ({ source, vector }));
/** The public lists hold more than this many distinct vectors; fewer means one went missing. */
const MIN_VECTORS = 7_000;
/** PortSwigger's cheat sheet is generated (tag × event, 6,047 lines); every other list was written by hand. */
const GENERATED = 'seclists/XSS-Cheat-Sheet-PortSwigger.txt';
/** Every Nth hand-written vector goes through every context: drawing math and diagrams costs 10–25 ms a message. */
const SAMPLE_EVERY = 8;
const BATCH = 3_000;
/** Mermaid's renderer frame loads once a page: diagrams get their own pages. */
const DIAGRAM_BATCH = 400;
/** A control payload may take its page down (a redirect, a frameset): few to a page. */
const CONTROL_BATCH = 5;
/** Past this many failures the rest are not narrowed down to their message: the pipeline is broken anyway. */
const MAX_BLAME = 100;

/**
 * Where a vector can sit in a message, and which vectors sit there in each pass: `all` of them,
 * the `hand`-written ones, or the `sample`. Every vector runs in at least one context of each
 * pass; the bypassed pass, where only the sanitizer stands in the way, gets the most.
 */
type Vectors = 'all' | 'hand' | 'sample';
const CONTEXTS: Record<string, { wrap: (vector: string) => string; csp: Vectors; bypassed: Vectors }> = {
  raw: { wrap: (v) => v, csp: 'all', bypassed: 'hand' },
  'link target': { wrap: (v) => `[x](${v})`, csp: 'hand', bypassed: 'all' },
  autolink: { wrap: (v) => `<${v}>`, csp: 'hand', bypassed: 'all' },
  image: { wrap: (v) => `![x](${v})`, csp: 'hand', bypassed: 'hand' },
  'link title': { wrap: (v) => `[x](https://example.invalid/ "${v}")`, csp: 'sample', bypassed: 'hand' },
  'link text': { wrap: (v) => `[${v}](https://example.invalid/)`, csp: 'sample', bypassed: 'hand' },
  'table cell': { wrap: (v) => `| a |\n|---|\n| ${v} |`, csp: 'sample', bypassed: 'hand' },
  quote: { wrap: (v) => `> ${v}`, csp: 'sample', bypassed: 'hand' },
  'task item': { wrap: (v) => `- [ ] ${v}`, csp: 'sample', bypassed: 'hand' },
  'fenced code': { wrap: (v) => `\`\`\`\n${v}\n\`\`\``, csp: 'sample', bypassed: 'hand' },
  'code info': { wrap: (v) => `\`\`\`${v}\nx\n\`\`\``, csp: 'sample', bypassed: 'hand' },
  'inline math': { wrap: (v) => `$${v}$`, csp: 'sample', bypassed: 'sample' },
  mermaid: { wrap: (v) => `\`\`\`mermaid\n${v}\n\`\`\``, csp: 'sample', bypassed: 'sample' },
};

interface Job {
  source: string;
  vector: string;
  context: string;
  item: Item;
}

const hand = corpus.filter((entry) => entry.source !== GENERATED);
const SETS: Record<Vectors, typeof corpus> = { all: corpus, hand, sample: hand.filter((_, index) => index % SAMPLE_EVERY === 0) };

/**
 * The generated matrix, one message a tag: the tag once with each event handler, as siblings,
 * so every (tag, handler) pair is an element of its own.
 */
const matrix = Object.entries(Object.groupBy(tagEventMatrix(), (vector) => /^<(?:svg><)?([^\s>]+)/.exec(vector)![0]))
  .map(([, vectors]) => ({ source: 'generated tag × event matrix', vector: vectors!.join('') }));

function jobs(bypassCSP: boolean): Job[] {
  const all: Job[] = [];
  for (const [context, plan] of Object.entries(CONTEXTS)) {
    for (const { source, vector } of SETS[bypassCSP ? plan.bypassed : plan.csp]) {
      all.push({ source, vector, context, item: { body: plan.wrap(vector), how: 'markdown' } });
    }
  }
  for (const { source, vector } of matrix) all.push({ source, vector, context: 'raw', item: { body: vector, how: 'markdown' } });
  if (bypassCSP) {
    // The sanitizer given raw HTML, as if the Markdown parser had let it through: defence in depth.
    for (const { source, vector } of [...hand, ...matrix]) all.push({ source, vector, context: 'sanitizer alone', item: { body: vector, how: 'html' } });
  }
  return all;
}

/** Payloads that act when put in raw: a spread of script, handlers, frames, redirects, styles and loads. */
function controlJobs(): Job[] {
  const kinds = [/<img[^>]+onerror=/i, /<svg[^>]*onload=/i, /<iframe[^>]+src=/i, /http-equiv/i, /<object|<embed/i, /href=.?javascript:/i,
    /<details[^>]*ontoggle/i, /autofocus/i, /style=/i, /<base /i, /<link /i, /<video|<audio/i];
  const picked = new Set<(typeof corpus)[number]>();
  for (let round = 0; picked.size < 50 && round < 10; round++) {
    for (const kind of kinds) {
      const next = corpus.find((entry) => kind.test(entry.vector) && !picked.has(entry));
      if (next && picked.size < 50) picked.add(next);
    }
  }
  return [...picked].map(({ source, vector }) => ({ source, vector, context: 'control (innerHTML)', item: { body: vector, how: 'control' } }));
}

interface Failure {
  source: string;
  context: string;
  vector: string;
  found: string;
}

/** Runs `batch`; with `narrow`, what cannot be pinned on one message is narrowed down by running halves. */
async function run(harness: XssHarness, batch: Job[], blame: Failure[], totals: Report, narrow: boolean): Promise<void> {
  const report = await harness.run(batch.map((job) => job.item));
  for (const key of Object.keys(totals) as (keyof Report)[]) (totals[key] as unknown[]).push(...report[key]);
  if (failures(report) === 0 || !narrow || blame.length >= MAX_BLAME) return;
  const pinned = [...report.hits, ...report.offList].filter((finding) => finding.item >= 0);
  for (const { item, kind, detail } of pinned) blame.push({ ...where(batch[item]), found: `${kind}: ${detail}` });
  const loose = failures(report) - pinned.length;
  if (loose === 0) return;
  if (batch.length === 1) {
    const found = [...report.hits.filter((f) => f.item < 0).map((f) => `${f.kind}: ${f.detail}`), ...report.dialogs, ...report.popups.map((u) => `popup ${u}`),
      ...report.navigations.map((u) => `navigation ${u}`), ...report.requests.map((u) => `request ${u}`), ...report.pageErrors.map((e) => `error ${e}`)];
    for (const what of found) blame.push({ ...where(batch[0]), found: what });
    return;
  }
  const half = Math.ceil(batch.length / 2);
  const scratch = emptyReport();
  await run(harness, batch.slice(0, half), blame, scratch, true);
  await run(harness, batch.slice(half), blame, scratch, true);
}

const where = (job: Job) => ({ source: job.source, context: job.context, vector: job.vector.slice(0, 200) });

async function runAll(harness: XssHarness, all: Job[], narrow = true): Promise<{ blame: Failure[]; totals: Report }> {
  const blame: Failure[] = [];
  const totals = emptyReport();
  const diagrams = all.filter((job) => job.context === 'mermaid');
  const rest = all.filter((job) => job.context !== 'mermaid');
  const size = narrow ? BATCH : CONTROL_BATCH; // only the control runs without narrowing
  for (let i = 0; i < rest.length; i += size) await run(harness, rest.slice(i, i + size), blame, totals, narrow);
  for (let i = 0; i < diagrams.length; i += DIAGRAM_BATCH) await run(harness, diagrams.slice(i, i + DIAGRAM_BATCH), blame, totals, narrow);
  return { blame, totals };
}

describe('the public XSS corpus in Debian Chromium', () => {
  let browser: Browser;
  let files: Awaited<ReturnType<typeof XssHarness.files>>;
  beforeAll(async () => {
    [files, browser] = await Promise.all([XssHarness.files(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`holds more than ${MIN_VECTORS.toLocaleString('en')} distinct vectors`, () => {
    expect(corpus.length).toBeGreaterThan(MIN_VECTORS);
    expect(new Set(corpus.map((entry) => entry.vector)).size).toBe(corpus.length);
  });

  for (const bypassCSP of [false, true]) {
    const pass = bypassCSP ? 'with the CSP bypassed (the sanitizer alone)' : "under Hearth's CSP";
    it(`${pass}: no vector runs script, opens a window, navigates, loads anything or leaves markup off the allow-list`, async () => {
      const started = Date.now();
      const harness = await XssHarness.open(browser, files, bypassCSP);
      const all = jobs(bypassCSP);
      const { blame } = await runAll(harness, all);
      await harness.close();
      const contexts = new Map<string, number>();
      for (const job of all) contexts.set(job.context, (contexts.get(job.context) ?? 0) + 1);
      console.log(`${pass}: ${all.length} renders in ${((Date.now() - started) / 1000).toFixed(1)} s, ${blame.length} findings`,
        Object.fromEntries(contexts));
      expect(blame).toEqual([]);
    }, 300_000);

    it(`${pass}: payloads put in raw with innerHTML are caught (control)`, async () => {
      const harness = await XssHarness.open(browser, files, bypassCSP);
      const control = controlJobs();
      const { totals } = await runAll(harness, control, false);
      await harness.close();
      const scripts = totals.hits.filter((hit) => hit.kind !== 'csp');
      const blocked = totals.hits.filter((hit) => hit.kind === 'csp');
      console.log(`control ${pass}: ${control.length} payloads; script runs ${scripts.length}, CSP violations ${blocked.length}, ` +
        `off-list DOM ${totals.offList.length}, requests ${totals.requests.length}, navigations ${totals.navigations.length}, ` +
        `dialogs ${totals.dialogs.length}, popups ${totals.popups.length}, page errors ${totals.pageErrors.length}`);
      expect(control.length).toBe(50);
      expect(totals.offList.length).toBeGreaterThan(0);
      expect(totals.requests.length).toBeGreaterThan(0);
      // Without the sanitizer, the CSP alone still stops every one of them from running.
      if (bypassCSP) expect(scripts.length).toBeGreaterThan(0);
      else expect({ scripts, blocked: blocked.length > 0 }).toEqual({ scripts: [], blocked: true });
    }, 120_000);
  }
});
