/**
 * The node half of the XSS corpus test: a made-up origin served to Debian's Chromium from a
 * context-wide route (the harness page under Hearth's real CSP, the message pipeline bundled by
 * esbuild, and the Mermaid renderer frame under its own policy), hooks in every frame before any
 * message is drawn, and Playwright's own view of dialogs, windows, navigations and requests.
 * Each batch of messages gets a freshly loaded page, so nothing one batch did can hide the next.
 */
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, FRAME_CONTENT_SECURITY_POLICY } from '../../src/worker/middleware/security-headers';
import { bundleMarkdown } from './markdown-page';
import { installHooks } from './xss-hooks';
import type { Finding, Item } from './xss-probe';

export type { Item } from './xss-probe';

export const ORIGIN = 'http://hearth.test';
const PAGE_URL = `${ORIGIN}/`;
const READY_TIMEOUT_MS = 30_000;
const BATCH_TIMEOUT_MS = 10_000;
const ITEM_TIMEOUT_MS = 30;

/** Everything one run of a batch set off. Any entry at all, for a message, is a failure. */
export interface Report {
  /** Hooks that fired in the page or a frame: a dialog function, the sentinel, a blocked load (CSP). */
  hits: Finding[];
  /** Elements or attributes the allow-list does not have (xss-allow-list.ts). */
  offList: Finding[];
  dialogs: string[];
  popups: string[];
  navigations: string[];
  /** Every URL asked for other than the harness's own files. */
  requests: string[];
  pageErrors: string[];
}

export const emptyReport = (): Report => ({ hits: [], offList: [], dialogs: [], popups: [], navigations: [], requests: [], pageErrors: [] });

export const failures = (report: Report): number =>
  report.hits.length + report.offList.length + report.dialogs.length + report.popups.length + report.navigations.length +
  report.requests.length + report.pageErrors.length;

interface Served {
  contentType: string;
  body: string;
  headers: Record<string, string>;
}

/** The audit and the poking, as a script that sets the global `xssChecks`, for pages the harness does not serve (the e2e test's). */
export async function bundleChecks(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: "export { auditEnhanced } from './xss-allow-list'; export { pokeAll } from './xss-poke';",
      resolveDir: 'test/node',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'xssChecks',
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

async function bundleFrame(): Promise<string> {
  const bundle = await build({
    entryPoints: ['web/frames/mermaid.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

/** The harness's own files, by URL; any other request a page makes is recorded and refused. */
async function serve(): Promise<Map<string, Served>> {
  const [pipeline, frame] = await Promise.all([
    bundleMarkdown(`export { runBatch } from '${process.cwd()}/test/node/xss-probe';`),
    bundleFrame(),
  ]);
  const page = '<!doctype html><html><head><meta charset="utf-8"><title>XSS corpus</title><script src="/harness.js"></script></head><body><div id="out"></div></body></html>';
  const frameHtml = '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="stage"></div><script type="module" crossorigin src="/frames/assets/mermaid.js"></script></body></html>';
  const csp = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
  const frameCsp = { 'Content-Security-Policy': FRAME_CONTENT_SECURITY_POLICY };
  return new Map([
    [PAGE_URL, { contentType: 'text/html; charset=utf-8', body: page, headers: csp }],
    [`${ORIGIN}/harness.js`, { contentType: 'text/javascript', body: pipeline, headers: csp }],
    [`${ORIGIN}/frames/mermaid.html`, { contentType: 'text/html; charset=utf-8', body: frameHtml, headers: frameCsp }],
    [`${ORIGIN}/frames/assets/mermaid.js`, {
      contentType: 'text/javascript',
      body: frame,
      headers: { ...frameCsp, 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' },
    }],
  ]);
}

/** Loads the harness page; a redirect the last batch left pending (a meta refresh) may cut in once or twice. */
async function load(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(PAGE_URL);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export class XssHarness {
  private report = emptyReport();
  private page: Page | null = null;
  private readonly seen: Page[] = [];

  private constructor(private readonly context: BrowserContext) {}

  /** `bypassCSP`: the page's policy is ignored, so only the sanitizer stands between a payload and the page. */
  static async open(browser: Browser, files: Map<string, Served>, bypassCSP: boolean): Promise<XssHarness> {
    const context = await browser.newContext({ bypassCSP });
    const harness = new XssHarness(context);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      const file = files.get(url);
      if (file) return route.fulfill({ status: 200, contentType: file.contentType, body: file.body, headers: file.headers });
      harness.report.requests.push(url);
      return route.abort();
    });
    await context.exposeBinding('__xssHit', (_source, kind: string, detail: string, item: number) => {
      harness.report.hits.push({ item, kind, detail });
    });
    await context.addInitScript(installHooks, false);
    context.on('page', (page) => harness.seen.push(page));
    return harness;
  }

  /** The harness's own files (bundled once per test file), for `open`. */
  static files = serve;

  /** The page every batch loads afresh; its listeners file what they see under the batch running. */
  private async ownPage(): Promise<Page> {
    if (this.page && !this.page.isClosed()) return this.page;
    const page = await this.context.newPage();
    page.on('dialog', (dialog) => {
      this.report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => this.report.pageErrors.push(error.message));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== PAGE_URL) this.report.navigations.push(frame.url());
    });
    this.page = page;
    return page;
  }

  /** Renders `items` on a freshly loaded page (a new document, so nothing from the last batch remains) and reports what they set off. */
  async run(items: Item[]): Promise<Report> {
    const page = await this.ownPage();
    const report = (this.report = emptyReport());
    await load(page);
    await page.waitForFunction(() => 'hearthMarkdown' in window, undefined, { timeout: READY_TIMEOUT_MS });
    const rendering = page.evaluate(
      (batch) => (window as unknown as { hearthMarkdown: typeof import('./xss-probe') }).hearthMarkdown.runBatch(batch),
      items,
    );
    // A page stuck in a redirect it cannot finish never answers; that is a finding too.
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error('the page stopped answering')), BATCH_TIMEOUT_MS + items.length * ITEM_TIMEOUT_MS);
    });
    const offList = await Promise.race([rendering, timeout])
      .catch((error: Error) => [{ item: -1, kind: 'harness', detail: error.message.split('\n')[0] }]);
    report.offList.push(...offList);
    for (const other of this.seen.splice(0)) {
      if (other === page) continue;
      report.popups.push(other.url());
      await other.close().catch(() => undefined);
    }
    // A page that was sent elsewhere may keep going (a refresh that reloads itself): the next batch gets a new one.
    if (report.navigations.length > 0 || offList.some((finding) => finding.kind === 'harness')) {
      this.page = null;
      void page.close().catch(() => undefined); // such a page can take a long while to close

    }
    return report;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
