/**
 * Chat's line breaks: Enter in the composer is a new line in the message. micromark
 * (like CommonMark) keeps a single newline inside a paragraph as a space-like "soft"
 * break; here each one becomes a <br>. A soft break always has inline content on both
 * sides within its block, which tells it from the newlines micromark puts between blocks.
 */
const BLOCKS = new Set(['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DIV']);

export function breakSoftLines(root: DocumentFragment | Element): void {
  const doc = root.ownerDocument ?? (root as unknown as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes('\n') && !node.parentElement?.closest('pre')) texts.push(node as Text);
  }
  for (const text of texts) splitAtSoftBreaks(text);
}

function splitAtSoftBreaks(text: Text): void {
  const parts = text.data.split('\n');
  const before = hasInlineBeside(text, 'previousSibling');
  const after = hasInlineBeside(text, 'nextSibling');
  const pieces: (string | Node)[] = [];
  parts.forEach((part, i) => {
    if (i > 0) {
      const inlineBefore = before || parts.slice(0, i).some((p) => p.trim() !== '');
      const inlineAfter = after || parts.slice(i).some((p) => p.trim() !== '');
      pieces.push(inlineBefore && inlineAfter ? text.ownerDocument.createElement('br') : '\n');
    }
    if (part) pieces.push(part);
  });
  text.replaceWith(...pieces);
}

/** Whether inline content sits beside `node` before the edge of its block. */
function hasInlineBeside(node: Node, side: 'previousSibling' | 'nextSibling'): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) {
    for (let sibling = at[side]; sibling; sibling = sibling[side]) {
      if (sibling.nodeType === 3) {
        if ((sibling as Text).data.trim() !== '') return true;
      } else if (sibling.nodeType === 1) {
        return !BLOCKS.has((sibling as Element).tagName);
      }
    }
    const parent = at.parentNode;
    if (!parent || parent.nodeType !== 1 || BLOCKS.has((parent as Element).tagName)) return false;
  }
  return false;
}
