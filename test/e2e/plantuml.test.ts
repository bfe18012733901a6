/**
 * PlantUML end to end: real workerd reaches a PlantUML server on 127.0.0.1 through its
 * LAN network service (HEARTH_PLANTUML_URL), Debian's plantuml draws, and Chromium shows
 * each diagram as an <img> from a blob: URL under Hearth's CSP. A hostile drawing, as a
 * compromised server could send, runs nothing, and no request leaves Hearth's origin.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hostileSvg from '../data/plantuml/hostile.svg?raw';
import { ApiClient, person } from './harness/api';
import { openTab, type Tab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { SCREENSHOT_DIR } from './harness/paths';
import { HOSTILE_MARK, PlantUmlServer } from './harness/plantuml-server';
import { openChannel, signInContext } from './harness/ui';

const SEQUENCE = [
  '@startuml',
  'actor Kim',
  'participant "Build machine" as B',
  'database Backups',
  'Kim -> B : reboot',
  'B --> Kim : up at 7:00',
  'B -> Backups : nightly copy',
  'note right of Backups : QA/2026',
  '@enduml',
].join('\n');
const BROKEN = 'Kim -> : reboot(\nthis is not PlantUML';
const HOSTILE = `${HOSTILE_MARK}\nA -> B : innocent`;

const MESSAGES = [
  `Here is the restart sequence:\n\`\`\`plantuml\n${SEQUENCE}\n\`\`\``,
  `And a typo:\n\`\`\`puml\n${BROKEN}\n\`\`\``,
  `\`\`\`plantuml\n${HOSTILE}\n\`\`\``,
];
/** PlantUML starts a JVM for each drawing: slower than the UI's usual wait on a busy machine. */
const DRAW_TIMEOUT_MS = 30_000;

/** Opens a tab that records every request and blocks those to anywhere but Hearth, and every sign of script running. */
async function watchedTab(browser: Parameters<typeof openTab>[0], origin: string) {
  const tab = await openTab(browser, origin);
  const offOrigin: string[] = [];
  const signs: string[] = [];
  await tab.context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('blob:')) return route.continue();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  tab.page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) signs.push(`CSP: ${message.text()}`);
  });
  tab.page.on('dialog', (dialog) => {
    signs.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await tab.context.exposeFunction('__hearthPwned', (value: unknown) => signs.push(`ran: ${String(value)}`));
  await tab.context.addInitScript(() => {
    const report = (window as unknown as { __hearthPwned: (v: unknown) => void }).__hearthPwned;
    Object.defineProperty(window, '__pwned', { set: (value) => report(value), configurable: false });
    for (const name of ['alert', 'confirm', 'prompt', 'open'] as const) {
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => report(`${name}(${args.join(',')})`);
    }
  });
  return { ...tab, offOrigin, signs };
}

/** The diagrams the page shows, once `count` have been drawn. */
async function drawnDiagrams(page: Page, count: number) {
  const images = page.locator('[data-testid=plantuml] img');
  await expect.poll(() => images.count(), { timeout: DRAW_TIMEOUT_MS, interval: 200 }).toBe(count);
  return images.evaluateAll((shown) =>
    (shown as HTMLImageElement[]).map((img) => ({ src: img.getAttribute('src')!, alt: img.alt, width: img.naturalWidth, height: img.naturalHeight })),
  );
}

describe('PlantUML with a PlantUML server on the LAN', () => {
  let plantuml: PlantUmlServer;
  beforeAll(async () => {
    plantuml = await PlantUmlServer.start(hostileSvg);
  });
  afterAll(() => plantuml?.stop());
  const hearth = useHearth(() => ({ HEARTH_PLANTUML_URL: plantuml.url }));

  let room: { workspaceId: string; channelId: string };
  const kim = person('Kim Andersen');
  beforeAll(async () => {
    const api = await ApiClient.signUp(hearth.server.url, kim);
    room = await api.createWorkspace('Plant Operations');
    await api.send(room.workspaceId, room.channelId, MESSAGES);
  });

  let tab: Tab & { offOrigin: string[]; signs: string[] };
  afterAll(() => tab?.context.close());

  it('draws each diagram once on the server and shows it as an image from a blob: URL', async () => {
    tab = await watchedTab(hearth.browser, hearth.server.url);
    const { page } = tab;
    await signInContext(tab.context, hearth.server.url, kim);
    await openChannel(page, room.workspaceId, room.channelId);

    const diagrams = await drawnDiagrams(page, 3);
    for (const diagram of diagrams) {
      expect(diagram.src).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
      expect(diagram.alt).toBe('PlantUML diagram');
      expect(diagram.width).toBeGreaterThan(50);
    }
    // The hostile drawing is 220×60; PlantUML's are its own size.
    expect(diagrams[2]).toMatchObject({ width: 220, height: 60 });
    // Each asked for once; the typo answered as PlantUML's server does, with a picture of the error and 400.
    expect(new Map(plantuml.answers.map((a) => [a.source, a.status]))).toEqual(new Map([[SEQUENCE, 200], [BROKEN, 400], [HOSTILE, 200]]));
    expect(plantuml.answers).toHaveLength(3);

    // A reload draws nothing new: the server keeps what PlantUML drew.
    await page.reload();
    await drawnDiagrams(page, 3);
    expect(plantuml.answers).toHaveLength(3);
  });

  it('keeps the source one click away', async () => {
    const { page } = tab;
    const first = page.getByTestId('message-body').first();
    const source = first.locator('.code-block');
    await expect.poll(() => source.isVisible()).toBe(false);
    await first.getByRole('button', { name: 'Show source' }).click();
    await expect.poll(() => source.isVisible()).toBe(true);
    expect((await source.locator('pre').innerText()).trimEnd()).toBe(SEQUENCE);
    await first.getByRole('button', { name: 'Hide source' }).click();
    await expect.poll(() => source.isVisible()).toBe(false);
  });

  it('ran nothing from the hostile drawing, and nothing left Hearth: not even for the PlantUML server', async () => {
    const { page } = tab;
    // Nudge every image as a person would, in case anything inside listens.
    const images = page.locator('[data-testid=plantuml] img');
    for (let i = 0; i < (await images.count()); i++) await images.nth(i).hover();
    await page.waitForTimeout(200);
    expect(tab.signs).toEqual([]);
    expect(tab.offOrigin).toEqual([]);
    expect(tab.errors).toEqual([]);
    // No part of a drawing made it into the page itself.
    expect(await page.locator('.markdown svg, .markdown script, .markdown foreignObject, .markdown image').count()).toBe(0);
  });

  it('looks right next to the conversation (test-results/screenshots/plantuml-*.png)', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, errors } = await openTab(hearth.browser, hearth.server.url, { colorScheme, viewport: { width: 1280, height: 1400 } });
      await signInContext(context, hearth.server.url, kim);
      await openChannel(page, room.workspaceId, room.channelId);
      await drawnDiagrams(page, 3);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `plantuml-${colorScheme}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('PlantUML without a PlantUML server', () => {
  const hearth = useHearth();

  it('shows the source, highlighted as code, with a note saying why', async () => {
    const kim = person('Kim Andersen');
    const api = await ApiClient.signUp(hearth.server.url, kim);
    const room = await api.createWorkspace('Plant Operations');
    await api.send(room.workspaceId, room.channelId, MESSAGES.slice(0, 2));
    const { context, page, errors } = await openTab(hearth.browser, hearth.server.url);
    await signInContext(context, hearth.server.url, kim);
    await openChannel(page, room.workspaceId, room.channelId);

    const notes = page.locator('[data-testid=plantuml] .plantuml-note');
    await expect.poll(() => notes.allInnerTexts()).toEqual([
      'PlantUML is not configured on this server, so the diagram shows as its source.',
      'PlantUML is not configured on this server, so the diagram shows as its source.',
    ]);
    const sources = page.locator('.markdown .code-block pre');
    expect((await sources.allInnerTexts()).map((text) => text.trimEnd())).toEqual([SEQUENCE, BROKEN]);
    for (const shown of await sources.all()) expect(await shown.isVisible()).toBe(true);
    expect(await page.locator('[data-testid=plantuml] img').count()).toBe(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'plantuml-unconfigured.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
