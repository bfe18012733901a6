/**
 * The XSS corpus through the server: 300 vectors from the public lists (test/data/xss), each in one
 * of the Markdown contexts, posted as messages to real workerd, stored, and shown from history in
 * Debian's Chromium under Hearth's own headers. Nothing may run, open a window, navigate, load
 * anything but Hearth's own files, or leave markup the allow-list (test/node/xss-allow-list.ts) lacks.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import corpusJson from '../data/xss/corpus.json?raw';
import { bundleChecks } from '../node/xss-harness';
import { installHooks } from '../node/xss-hooks';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { openChannel, poll, signInContext } from './harness/ui';

const VECTORS = 300;
/** A channel shows its latest 50 messages (LIMITS.historyPageSize): one channel per 50. */
const PER_CHANNEL = 50;
const GENERATED = 'seclists/XSS-Cheat-Sheet-PortSwigger.txt';

const CONTEXTS: ((v: string) => string)[] = [
  (v) => v,
  (v) => `[x](${v})`,
  (v) => `<${v}>`,
  (v) => `![x](${v})`,
  (v) => `[${v}](https://example.invalid/)`,
  (v) => `| a |\n|---|\n| ${v} |`,
  (v) => `> ${v}`,
  (v) => `- [ ] ${v}`,
  (v) => `\`\`\`\n${v}\n\`\`\``,
  (v) => `\`\`\`${v}\nx\n\`\`\``,
  (v) => `$${v}$`,
  (v) => `\`\`\`mermaid\n${v}\n\`\`\``,
];

/** Hand-written vectors spread over all the lists, each in the next context in turn, as message bodies the server accepts. */
function bodies(): string[] {
  const vectors = (JSON.parse(corpusJson) as { vectors: [string, string][] }).vectors.filter(([source]) => source !== GENERATED);
  const step = Math.floor(vectors.length / VECTORS);
  return Array.from({ length: VECTORS }, (_, i) => CONTEXTS[i % CONTEXTS.length](vectors[i * step][1])).map((body) => (body.trim() ? body : `${body}.`));
}

/** App paths a page of Hearth loads by itself; a message may add none. */
const APP_PATHS = /^\/(?:$|w\/|api\/|assets\/|frames\/|favicon)/;

describe('the XSS corpus through the server', () => {
  const hearth = useHearth();
  const owner = person('Xss Owner');
  let workspaceId: string;
  const channels: { id: string; name: string }[] = [];
  let checks: string;

  beforeAll(async () => {
    checks = await bundleChecks();
    const api = await ApiClient.signUp(hearth.server.url, owner);
    const room = await api.createWorkspace('Corpus');
    workspaceId = room.workspaceId;
    const all = bodies();
    for (let i = 0; i < all.length; i += PER_CHANNEL) {
      const name = `corpus-${i / PER_CHANNEL + 1}`;
      const id = await api.createChannel(workspaceId, name);
      await api.send(workspaceId, id, all.slice(i, i + PER_CHANNEL));
      channels.push({ id, name });
    }
  });

  it('300 stored vectors shown from history run nothing, open nothing, go nowhere and load nothing', async () => {
    const origin = hearth.server.url;
    const { context, page, errors } = await openTab(hearth.browser, origin);
    const hits: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    const popups: string[] = [];
    const navigations: string[] = [];
    const offList: string[] = [];
    await context.exposeBinding('__xssHit', ({ frame }, kind: string, detail: string) => {
      hits.push(`${frame.url()} ${kind}: ${detail}`);
    });
    await context.addInitScript(installHooks, true);
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'blob:' || url.protocol === 'data:') return;
      if (url.origin !== origin || !APP_PATHS.test(url.pathname)) requests.push(request.url());
    });
    context.on('page', (popup) => popups.push(popup.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && !new URL(frame.url()).pathname.startsWith(`/w/${workspaceId}/`)) navigations.push(frame.url());
    });
    await signInContext(context, origin, owner);

    for (const channel of channels) {
      await openChannel(page, workspaceId, channel.id, channel.name);
      const shown = page.getByTestId('message-body');
      await poll(() => shown.count()).toBe(PER_CHANNEL);
      // Diagrams are drawn in the renderer frame, one at a time: wait until each shows an image or an error.
      await poll(() => page.locator('[data-testid=diagram]:not(:has(img)):not(.diagram-failed)').count(), 30_000).toBe(0);
      offList.push(...(await audit(page, checks)));
    }

    console.log(`${channels.length * PER_CHANNEL} stored vectors shown`);
    expect({ hits, dialogs, popups, navigations, requests, offList, errors }).toEqual({
      hits: [], dialogs: [], popups: [], navigations: [], requests: [], offList: [], errors: [],
    });

    // Control: the same page with a payload put in raw. The hooks and the request log are live here too.
    await page.evaluate(() => {
      const raw = document.createElement('div');
      raw.innerHTML = '<img src="/control-probe.png" onerror="window.__pwned=1">';
      document.querySelector('[data-testid=message-body]')!.appendChild(raw);
    });
    await poll(() => hits.some((hit) => hit.includes('csp: script-src-attr')) && requests.some((url) => url.endsWith('/control-probe.png'))).toBe(true);
    await context.close();
  }, 180_000);
});

/** Pokes every element of every message shown with the events handlers wait for, then audits them against the allow-list. */
async function audit(page: Page, checks: string): Promise<string[]> {
  await page.evaluate(checks);
  return page.evaluate(async () => {
    type Checks = typeof import('../node/xss-allow-list') & typeof import('../node/xss-poke');
    const { xssChecks, __xssTools: tools } = window as unknown as { xssChecks: Checks; __xssTools: import('../node/xss-allow-list').Tools };
    const bodies = [...document.querySelectorAll('[data-testid=message-body]')];
    for (const body of bodies) xssChecks.pokeAll(body, tools);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return bodies.flatMap((body) => xssChecks.auditEnhanced(body, tools).map((problem) => `${problem} in ${body.textContent?.slice(0, 80)}`));
  });
}
