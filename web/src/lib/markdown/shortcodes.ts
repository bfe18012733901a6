/**
 * `:shortcode:` in a rendered message becomes its emoji (GitHub's shortcodes, from the
 * bundled emoji data, which is fetched only when a message has something that looks like
 * one). Text outside code only; the emoji is set as text, never parsed.
 */
import { loadEmojiData } from '../emoji';
import { isEmojiOnly } from './emoji-only';

const SHORTCODE = /:([a-z0-9_+-]{1,60}):/gi;

function textsOutsideCode(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('code, pre')) texts.push(node as Text);
  }
  return texts;
}

export async function replaceShortcodes(root: Element): Promise<void> {
  const texts = textsOutsideCode(root).filter((text) => text.data.match(SHORTCODE));
  if (texts.length === 0) return;
  const emoji = await loadEmojiData();
  for (const text of texts) {
    text.data = text.data.replace(SHORTCODE, (whole, code: string) => emoji.byShortcode(code)?.unicode ?? whole);
  }
  // ":tada: :tada:" alone is a message of only emoji too.
  const only = root.children.length === 1 && root.firstElementChild?.tagName === 'P' && root.firstElementChild.children.length === 0;
  if (only && isEmojiOnly(root.textContent ?? '')) root.classList.add('emoji-only');
}
