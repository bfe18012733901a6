/**
 * Pasted tables shaped so the GFM plugin writes a Markdown table rather than raw HTML (which a
 * message shows as text): one line per cell, a header row, nothing before the first row.
 */
import { appendNodes, insertBefore, replaceNode, unwrap } from './dom-nodes';

/** Blocks a cell may hold that a Markdown cell cannot: their text is kept on the cell's one line. */
const CELL_BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, pre, hr, dl, dt, dd, section, article, header, footer';

export function cleanTables(body: HTMLElement): void {
  const doc = body.ownerDocument;
  for (const table of body.querySelectorAll('table')) {
    // Before the rows, these hide the header row from the plugin; a caption is kept as a line above.
    for (const extra of table.querySelectorAll(':scope > colgroup, :scope > col')) extra.remove();
    const caption = table.querySelector(':scope > caption');
    if (caption) {
      const line = doc.createElement('p');
      appendNodes(line, ...caption.childNodes);
      insertBefore(table, line);
      caption.remove();
    }
    for (const cell of table.querySelectorAll('td, th')) if (!cell.querySelector('table')) flattenCell(cell);
    if (table.querySelector('table')) continue;
    promoteHeader(table);
  }
}

function flattenCell(cell: Element): void {
  for (const br of cell.querySelectorAll('br')) replaceNode(br, ' ');
  for (const block of [...cell.querySelectorAll(CELL_BLOCKS)].reverse()) {
    if (block.localName === 'pre') {
      const code = cell.ownerDocument.createElement('code');
      code.textContent = (block.textContent ?? '').replace(/\s*\n\s*/g, ' ');
      replaceNode(block, ' ', code, ' ');
    } else replaceNode(block, ' ', ...block.childNodes, ' ');
  }
}

/**
 * A table with no header cells (Excel, Google Sheets, Word) gets its first row as the header, as
 * GitHub does when a spreadsheet is pasted; otherwise the plugin writes an empty header row. Bold
 * that covers a whole header cell goes: a header is bold already.
 */
function promoteHeader(table: HTMLTableElement): void {
  const first = table.rows[0];
  if (!first) return;
  if (!first.querySelector('th')) {
    for (const cell of [...first.cells]) {
      const header = table.ownerDocument.createElement('th');
      for (const name of ['align', 'colspan', 'style']) {
        const value = cell.getAttribute(name);
        if (value !== null) header.setAttribute(name, value);
      }
      appendNodes(header, ...cell.childNodes);
      replaceNode(cell, header);
    }
  }
  for (const header of first.querySelectorAll('th')) {
    const bold = [...header.querySelectorAll('strong, b')];
    const texts = textNodes(header).filter((text) => text.data.trim() !== '');
    if (bold.length > 0 && texts.every((text) => text.parentElement?.closest('strong, b'))) {
      for (const element of bold.reverse()) unwrap(element);
    }
  }
}

function textNodes(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  return texts;
}
