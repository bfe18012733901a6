/**
 * Mermaid diagrams drawn in the sandboxed renderer frame (web/frames/mermaid.ts), against real
 * workerd in Debian's Chromium: diagrams from hostile sources are drawn without running their
 * script, reaching the app or fetching anything, and a broken diagram shows why, with its source.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { SCREENSHOT_DIR } from './harness/paths';
import { openChannel, poll, signInContext } from './harness/ui';

/** Each tries a way out that Mermaid's strict mode and the frame must close. */
const HOSTILE = [
  'graph LR\n  A["<img src=/probe-same-origin.png onerror=window.__pwned=1>"] --> B["<script>window.__pwned=2</script>"]',
  'graph LR\n  A --> B\n  click A href "javascript:window.__pwned=3"\n  click B call window.__pwned(4)',
  '%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%\ngraph LR\n  A["<b onmouseover=window.__pwned=5>hover</b>"] --> B\n  click B callback "window.__pwned"',
  'graph LR\n  A["<img src=http://10.66.0.1/probe-lan.png>"] --> B["<iframe src=/probe-frame></iframe>"]',
  'sequenceDiagram\n  Alice->>Bob: <a href="javascript:window.__pwned=6">hi</a>\n  Note right of Bob: <svg onload=window.__pwned=7>',
];
const BROKEN = 'graph LR\n  A -->';

describe('diagrams', () => {
  const hearth = useHearth();
  const mia = person('Mia Sato');
  let room: { workspaceId: string; channelId: string };

  beforeAll(async () => {
    const api = await ApiClient.signUp(hearth.server.url, mia);
    room = await api.createWorkspace('Diagrams');
    await api.send(room.workspaceId, room.channelId, [...HOSTILE.map((source) => `\`\`\`mermaid\n${source}\n\`\`\``), `\`\`\`mermaid\n${BROKEN}\n\`\`\``]);
  });

  it('draws hostile diagrams as images, in a frame that can run nothing of theirs and reach nothing', async () => {
    const origin = hearth.server.url;
    const { context, page, errors } = await openTab(hearth.browser, origin);
    const hits: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    const popups: string[] = [];
    await context.exposeBinding('__hearthHit', ({ frame }, what: string) => hits.push(`${frame.url()}: ${what}`));
    // In every frame, the diagram renderer's included: any write to the sentinel, any dialog or window is a hit.
    await context.addInitScript(() => {
      const hit = (what: string) => (window as unknown as { __hearthHit: (w: string) => void }).__hearthHit(what);
      Object.defineProperty(window, '__pwned', { set: (value) => hit(`__pwned = ${String(value)}`), get: () => (value: unknown) => hit(`__pwned(${String(value)})`) });
      for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
        (window as unknown as Record<string, unknown>)[name] = () => hit(name);
      }
    });
    const fromFrame: string[] = [];
    context.on('request', (request) => {
      requests.push(request.url());
      if (request.frame().url().includes('/frames/')) fromFrame.push(request.url());
    });
    context.on('page', (popup) => popups.push(popup.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await signInContext(context, origin, mia);
    await openChannel(page, room.workspaceId, room.channelId);
    const diagrams = page.getByTestId('diagram');
    await poll(() => diagrams.count()).toBe(HOSTILE.length + 1);
    await poll(() => diagrams.locator('img').evaluateAll((images) => images.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length)).toBe(HOSTILE.length);
    // Hover and focus what was drawn, where a handler would fire.
    for (const image of await diagrams.locator('img').all()) await image.hover();
    await page.waitForTimeout(300);

    expect(hits).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(popups).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    // Not even attempted (a request the frame's CSP blocks would still show here).
    expect(requests.filter((url) => url.includes('probe-'))).toEqual([]);
    expect(fromFrame.length).toBeGreaterThan(0);
    expect(fromFrame.filter((url) => !url.startsWith(`${origin}/frames/`))).toEqual([]);
    // The app's page holds the drawings as images only: no markup of the diagrams' own.
    const shown = await page.getByTestId('message-list').evaluate((list) => ({
      images: [...list.querySelectorAll('img')].map((img) => img.src.slice(0, 5)).filter((src) => src !== 'blob:'),
      svg: list.querySelectorAll('svg foreignObject, iframe, script').length,
      scriptLinks: list.querySelectorAll('a[href^="javascript" i]').length,
    }));
    expect(shown).toEqual({ images: [], svg: 0, scriptLinks: 0 });

    const frame = page.frames().find((f) => f.url().endsWith('/frames/mermaid.html')) as Frame;
    expect(frame).toBeDefined();
    const inside = await frame.evaluate(async () => {
      const attempt = async (action: () => unknown) => {
        try {
          await action();
          return 'reached';
        } catch {
          return 'blocked';
        }
      };
      return {
        origin: self.origin,
        parentDom: await attempt(() => window.parent.document.title),
        cookie: await attempt(() => document.cookie),
        storage: await attempt(() => window.localStorage.length),
        api: await attempt(() => fetch('/api/workspaces')),
      };
    });
    expect(inside).toEqual({ origin: 'null', parentDom: 'blocked', cookie: 'blocked', storage: 'blocked', api: 'blocked' });
    expect(await page.locator('iframe.diagram-renderer').getAttribute('sandbox')).toBe('allow-scripts');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a diagram Mermaid cannot read shows the error and its source, never a blank', async () => {
    const { context, page, errors } = await openTab(hearth.browser, hearth.server.url);
    await signInContext(context, hearth.server.url, mia);
    await openChannel(page, room.workspaceId, room.channelId);
    const broken = page.getByTestId('diagram').last();
    await broken.locator('.diagram-error').waitFor();
    expect(await broken.locator('.diagram-error').innerText()).toMatch(/\S{10,}/);
    await expect.poll(() => broken.locator('.diagram-source').isVisible()).toBe(true);
    expect((await broken.locator('.diagram-source').innerText()).trim()).toBe(BROKEN);
    expect(await broken.locator('img').count()).toBe(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'diagrams.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
