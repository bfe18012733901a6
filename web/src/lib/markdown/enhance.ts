/**
 * What a rendered message gains once it is in the page: nodes built by Hearth's own code with
 * the DOM API, never by parsing message text. Runs after render.ts, on the message's element.
 */
import { enhanceCodeBlocks } from './code-block';
import { renderMath } from './math';
import { renderDiagrams } from './mermaid';
import { enhancePlantUml } from './plantuml';
import { replaceShortcodes } from './shortcodes';
import type { Win } from './sanitize';

export async function enhanceMessage(root: Element, win: Win = window): Promise<void> {
  await Promise.all([
    enhanceCodeBlocks(root, win),
    renderMath(root),
    renderDiagrams(root),
    enhancePlantUml(root, win),
    replaceShortcodes(root),
  ]);
}
