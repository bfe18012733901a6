import { describe, expect, it } from 'vitest';
import { person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import type { Page } from 'playwright-core';
import { channelView, expectBodies, send, signUp } from './harness/ui';

const RICH_MESSAGE = [
  '### Release checklist :rocket:',
  '| Step | Owner | Done |',
  '|:-----|:-----:|-----:|',
  '| Build | @judy | yes |',
  '| Ship | ops | no |',
  '```ts:src/app.ts',
  'export const answer: number = 42;',
  '```',
  '```mermaid',
  'graph LR',
  '  Build --> Test --> Ship',
  '```',
  'Euler: $e^{i\\pi} + 1 = 0$',
  '$$',
  '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
  '$$',
].join('\n');

/** The last message shows its table, highlighted code, diagram (as a loaded image), math and emoji. */
async function expectRichMessage(page: Page): Promise<void> {
  const message = page.getByTestId('message-body').last();
  await message.locator('table td').first().waitFor();
  await message.locator('.hljs-keyword').first().waitFor();
  const diagram = message.getByTestId('diagram').locator('img');
  await diagram.waitFor();
  await expect.poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await message.locator('.math-inline .katex').waitFor();
  await message.locator('.math-display .katex-display').waitFor();
  expect(await message.locator('h3').innerText()).toContain('🚀');
}

describe('offline', () => {
  const hearth = useHearth();

  it('the app loads and chats with every request to anywhere but its own server blocked, under its CSP', async () => {
    const origin = hearth.server.url;
    const { context, page, errors } = await openTab(hearth.browser, origin);
    const requests: string[] = [];
    const blocked: string[] = [];
    const sockets: string[] = [];
    const cspViolations: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    context.on('request', (request) => requests.push(request.url()));
    page.on('websocket', (socket) => sockets.push(socket.url()));
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });

    await signUp(page, person('Judy'));
    await page.locator('input[name=name]').fill('Offshore Rig');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await channelView(page, 'general').waitFor();
    await send(page, 'Nothing here leaves the LAN.');
    await send(page, 'Not even a **font**.\nOr an emoji 🔥');
    await expectBodies(page, ['Nothing here leaves the LAN.', 'Not even a font. Or an emoji 🔥']);
    expect(await page.getByTestId('message-body').last().locator('strong').innerText()).toBe('font');
    // Highlighting loads its grammar from Hearth itself, under the CSP.
    await send(page, '```ts:src/app.ts\nconst answer: number = 42;\n```');
    const code = page.getByTestId('message-body').last();
    await code.locator('.hljs-keyword').first().waitFor();
    expect(await code.innerText()).toContain('src/app.ts');
    // Everything rich at once: each part is drawn from files Hearth serves itself.
    await send(page, RICH_MESSAGE);
    await expectRichMessage(page);
    await page.locator('.workspace-name').click();
    await page.getByRole('menuitem', { name: 'Invite people' }).click();
    await page.getByRole('button', { name: 'Create invite code' }).click();
    await page.getByTestId('invite-code').waitFor();
    await page.keyboard.press('Escape');
    await page.reload();
    await expectBodies(page, [
      'Nothing here leaves the LAN.',
      'Not even a font. Or an emoji 🔥',
      expect.stringContaining('const answer: number = 42;'),
      expect.stringContaining('Release checklist'),
    ]);
    await expectRichMessage(page);
    await page.evaluate(() => document.fonts.ready);

    expect(requests.length).toBeGreaterThan(5); // the recording saw the app load
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(blocked).toEqual([]);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.filter((url) => new URL(url).host !== new URL(origin).host)).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
