import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { person } from './harness/api';
import type { Tab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { SCREENSHOT_DIR } from './harness/paths';
import { poll, twoInOneChannel } from './harness/ui';

const lastBody = (page: Page) => page.getByTestId('message-body').last();

/** Selects `[start, end)` of the composer's text, as a drag or Shift+arrows would. */
const select = (composer: Locator, start: number, end: number) =>
  composer.evaluate((el, [a, b]) => (el as HTMLTextAreaElement).setSelectionRange(a, b), [start, end]);

/** A screenshot of the composer and whatever it shows above itself, in light and dark. */
async function shootComposer(page: Page, name: string, above?: Locator) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const boxes = [await page.locator('.channel-column .composer').first().boundingBox(), above ? await above.boundingBox() : null].filter((b) => b !== null);
    const top = Math.min(...boxes.map((b) => b.y)) - 90;
    const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 4;
    const left = Math.min(...boxes.map((b) => b.x)) - 20;
    const right = Math.max(...boxes.map((b) => b.x + b.width)) + 20;
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`), clip: { x: left, y: top, width: right - left, height: bottom - top } });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the composer: formatting keys, preview, rich paste, emoji completion', () => {
  const hearth = useHearth();
  const who = { ada: person('Ada Lovelace'), ben: person('Ben Okafor') };
  let ada: Tab;
  let ben: Tab;
  let composer: Locator;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const url = hearth.server.url;
    [ada, ben] = await twoInOneChannel(hearth.browser, url, who.ada, who.ben, 'Machine Shop');
    await ada.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    composer = ada.page.getByTestId('composer');
  });

  it('Ctrl+B bolds the selection, Ctrl+Z takes it back, and the other person sees it bold', async () => {
    await composer.fill('the lathe is ready');
    await select(composer, 13, 18);
    await composer.press('Control+b');
    expect(await composer.inputValue()).toBe('the lathe is **ready**');
    // The browser's own undo history has the change: it was typed in, not set.
    await composer.press('Control+z');
    expect(await composer.inputValue()).toBe('the lathe is ready');
    await composer.press('Control+Shift+Z');
    expect(await composer.inputValue()).toBe('the lathe is **ready**');
    // Pressed again on the bold word, it unbolds; a third time bolds again.
    await select(composer, 15, 20);
    await composer.press('Control+b');
    expect(await composer.inputValue()).toBe('the lathe is ready');
    await composer.press('Control+b');
    await composer.press('Enter');

    await poll(() => lastBody(ben.page).innerHTML()).toContain('<strong>ready</strong>');
    expect(ada.errors).toEqual([]);
  });

  it('Ctrl+I, Ctrl+Shift+X and the code button wrap too; Ctrl+E fences lines', async () => {
    await composer.fill('use the new chuck key not the old one');
    await select(composer, 4, 7);
    await composer.press('Control+i');
    await select(composer, 28, 31);
    await composer.press('Control+Shift+X');
    await select(composer, 20, 23);
    await ada.page.getByRole('button', { name: 'Code', exact: true }).click();
    expect(await composer.inputValue()).toBe('use *the* new chuck `key` not ~~the~~ old one');
    await composer.press('Enter');
    await poll(() => lastBody(ben.page).innerHTML()).toBe('<p>use <em>the</em> new chuck <code>key</code> not <del>the</del> old one</p>');

    await composer.fill('G28 X0\nG01 X10 F200');
    await select(composer, 2, 12);
    await composer.press('Control+e');
    expect(await composer.inputValue()).toBe('```\nG28 X0\nG01 X10 F200\n```');
    await composer.press('Enter');
    await poll(() => lastBody(ben.page).locator('pre code').textContent()).toBe('G28 X0\nG01 X10 F200\n');
  });

  it('the preview shows the draft as the message renderer draws it; Esc goes back with the text and caret kept', async () => {
    const draft = `**Coolant** is low, @${who.ben.username} can you top it up?\n\n| Tank | Level |\n| --- | ---: |\n| A | 20% |\n\n- type B only\n- log it`;
    await composer.fill(draft);
    await select(composer, 2, 9);
    await ada.page.getByTestId('preview-toggle').click();

    const preview = ada.page.getByTestId('composer-preview');
    await preview.locator('table').waitFor();
    expect(await composer.isVisible()).toBe(false);
    expect(await preview.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await preview.locator('strong').first().textContent()).toBe('Coolant');
    expect(await preview.locator('.mention').textContent()).toBe(`@${who.ben.username}`);
    expect(await preview.locator('li').allTextContents()).toEqual(['type B only', 'log it']);
    expect(await preview.locator('td.align-right').textContent()).toBe('20%');
    await shootComposer(ada.page, 'composer-preview', preview);

    await ada.page.keyboard.press('Escape');
    await composer.waitFor();
    expect(await composer.evaluate((el: HTMLTextAreaElement) => [el === document.activeElement, el.value, el.selectionStart, el.selectionEnd])).toEqual([true, draft, 2, 9]);

    // The toggle is a button anyone can reach with Tab; sending from the preview posts the draft.
    await ada.page.getByTestId('preview-toggle').focus();
    await ada.page.keyboard.press('Enter');
    await preview.waitFor();
    await ada.page.getByRole('button', { name: 'Send' }).click();
    await composer.waitFor();
    await poll(() => lastBody(ben.page).locator('table td').allTextContents()).toEqual(['A', '20%']);
    expect(await composer.inputValue()).toBe('');
  });

  it('rich text pasted from a spreadsheet or a page becomes Markdown; Ctrl+Shift+V pastes plain text', async () => {
    const html =
      '<meta charset="utf-8"><table><colgroup><col width="100"><col width="100"></colgroup><tbody>' +
      '<tr><td><b>Part</b></td><td><b>Qty</b></td></tr><tr><td>Bolt M6</td><td align="right">120</td></tr></tbody></table>' +
      '<ul><li>Ordered <strong>today</strong></li><li>Arrives Friday</li></ul>';
    const plain = 'Part\tQty\nBolt M6\t120\nOrdered today\nArrives Friday';
    await composer.click();
    await ada.page.evaluate(
      ([h, p]) => navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([h], { type: 'text/html' }), 'text/plain': new Blob([p], { type: 'text/plain' }) })]),
      [html, plain],
    );

    await composer.press('Control+Shift+V');
    await poll(() => composer.inputValue()).toBe(plain);
    await composer.fill('');

    await composer.press('Control+v');
    const markdown = '| Part | Qty |\n| --- | --- |\n| Bolt M6 | 120 |\n\n- Ordered **today**\n- Arrives Friday';
    await poll(() => composer.inputValue()).toBe(markdown);
    // The paste went in as typing does: one undo takes it out.
    await composer.press('Control+z');
    expect(await composer.inputValue()).toBe('');
    await composer.press('Control+Shift+Z');
    expect(await composer.inputValue()).toBe(markdown);

    await composer.press('Enter');
    const body = lastBody(ben.page);
    await poll(() => body.locator('th').allTextContents()).toEqual(['Part', 'Qty']);
    expect(await body.locator('td').allTextContents()).toEqual(['Bolt M6', '120']);
    expect(await body.locator('li').allTextContents()).toEqual(['Ordered today', 'Arrives Friday']);

    // HTML with nothing but text in it (a chat line copied from another app) pastes as its text.
    await ada.page.evaluate(() =>
      navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob(['<span style="color: rgb(29, 28, 29)">see snake_case *here*</span>'], { type: 'text/html' }),
          'text/plain': new Blob(['see snake_case *here*'], { type: 'text/plain' }),
        }),
      ]),
    );
    await composer.press('Control+v');
    await poll(() => composer.inputValue()).toBe('see snake_case *here*');
    await composer.fill('');
    expect(ada.errors).toEqual([]);
  });

  it('the editor of a sent message has the same formatting keys', async () => {
    await composer.fill('torque to 40 Nm');
    await composer.press('Enter');
    const mine = ada.page.getByTestId('message').filter({ hasText: 'torque to 40 Nm' });
    await mine.hover();
    await mine.getByRole('button', { name: 'Edit message' }).click();
    const editor = ada.page.getByTestId('message-editor');
    await select(editor, 10, 15);
    await editor.press('Control+b');
    expect(await editor.inputValue()).toBe('torque to **40 Nm**');
    await editor.press('Enter');
    await poll(() => lastBody(ben.page).innerHTML()).toBe('<p>torque to <strong>40 Nm</strong></p>');
  });

  it('":tada" offers emoji from the picker\'s set; Enter picks it and it is posted as the emoji', async () => {
    await composer.fill('');
    await composer.pressSequentially(':tada');
    const option = ada.page.getByTestId('emoji-option').first();
    await poll(() => option.textContent()).toBe('🎉:tada:party popper');

    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('🎉 ');
    await composer.press('Enter');
    await poll(() => lastBody(ben.page).textContent()).toBe('🎉');
    expect(await lastBody(ben.page).getAttribute('class')).toContain('emoji-only');
    // It counts as used: the reactions picker now offers it first.
    expect(await ada.page.evaluate(() => localStorage.getItem('hearth.emoji.usage'))).toContain('🎉');

    // Arrow keys walk the list, Escape closes it and leaves the text alone; inside code nothing opens.
    await composer.pressSequentially('nice :smi');
    await ada.page.getByTestId('emoji-menu').waitFor();
    await composer.press('ArrowDown');
    expect(await ada.page.getByTestId('emoji-option').nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await ada.page.getByTestId('emoji-option').count()).toBe(8);
    await shootComposer(ada.page, 'composer-emoji', ada.page.getByTestId('emoji-menu'));
    await composer.press('Escape');
    expect(await ada.page.getByTestId('emoji-menu').count()).toBe(0);
    expect(await composer.inputValue()).toBe('nice :smi');
    await composer.fill('');
    await composer.pressSequentially('`:smi');
    await ada.page.waitForTimeout(300);
    expect(await ada.page.getByTestId('emoji-menu').count()).toBe(0);
    await composer.fill('');
    expect(ada.errors).toEqual([]);
  });
});
