/**
 * A Chromium page with the web app's Markdown pipeline loaded (bundled by esbuild as
 * the global `hearthMarkdown`) and every network request refused and recorded: a
 * rendered message must make none. Register it at a test file's top level.
 */
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../e2e/harness/browser';

export interface MarkdownPage {
  readonly page: Page;
  /** Every URL the page asked for. */
  readonly requests: string[];
}

/** `exports` (a module's source, resolved from web/src/lib/markdown) bundled as a script that sets the global `hearthMarkdown`. */
export async function bundleMarkdown(exports: string): Promise<string> {
  const bundle = await build({
    stdin: { contents: exports, resolveDir: 'web/src/lib/markdown', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'hearthMarkdown',
    // Stylesheets (KaTeX's) are the web build's business; the page tests behaviour, not looks.
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

/** `exports` names what the bundle exposes, from web/src/lib/markdown; `outClass` goes on the #out element. */
export function useMarkdownPage(exports: string, outClass = ''): MarkdownPage {
  let browser: Browser | undefined;
  const state = { page: undefined as unknown as Page, requests: [] as string[] };
  beforeAll(async () => {
    const bundle = await bundleMarkdown(exports);
    browser = await launchChromium();
    state.page = await browser.newPage();
    await state.page.route('**/*', (route) => {
      state.requests.push(route.request().url());
      return route.abort();
    });
    await state.page.setContent(`<!doctype html><html><body><div id="out" class="${outClass}"></div></body></html>`);
    await state.page.addScriptTag({ content: bundle });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return state;
}
