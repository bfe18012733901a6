/** Word's lists, which it writes as paragraphs with a typed bullet, as real lists (office-html.ts). */
import { appendNodes, insertBefore } from './dom-nodes';
import { styleOf } from './inline-style';

/** Word's `mso-list:l0 level2 lfo1`: list l0, nesting level 2. (`mso-list:Ignore` marks the typed bullet.) */
const MSO_LIST = /^(l\d+)\s+level(\d+)/;

/**
 * Word writes each list item as a paragraph styled `mso-list:lN levelM` whose bullet or number is
 * typed text, inside `<![if !supportLists]>` (a bogus comment in HTML) or a `mso-list:Ignore` span.
 * Runs of such paragraphs become nested `<ul>`/`<ol>`: ordered when the typed marker is "1." or "a)".
 */
export function convertWordLists(body: HTMLElement): void {
  const items = [...body.querySelectorAll('p')].filter((p) => MSO_LIST.test(styleOf(p).get('mso-list') ?? ''));
  const done = new Set<Element>();
  for (const first of items) {
    if (done.has(first)) continue;
    const run = [first];
    for (let next = first.nextElementSibling; next && items.includes(next as HTMLParagraphElement); next = next.nextElementSibling) run.push(next as HTMLParagraphElement);
    for (const p of run) done.add(p);
    buildList(run);
  }
}

function buildList(paragraphs: HTMLParagraphElement[]): void {
  const doc = paragraphs[0].ownerDocument;
  const stack: { level: number; list: HTMLElement }[] = [];
  for (const p of paragraphs) {
    const level = Number(MSO_LIST.exec(styleOf(p).get('mso-list') ?? '')?.[2] ?? 1);
    const marker = takeMarker(p);
    while (stack.length > 0 && stack[stack.length - 1].level > level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < level) {
      const ordered = /^\(?\w+[.)]$/.test(marker);
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      const start = Number.parseInt(marker, 10);
      if (ordered && start > 1) list.setAttribute('start', String(start));
      if (top) appendNodes(top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li')), list);
      else insertBefore(p, list);
      top = { level, list };
      stack.push(top);
    }
    const item = doc.createElement('li');
    appendNodes(item, ...p.childNodes);
    appendNodes(top.list, item);
    p.remove();
  }
}

/** Takes the typed bullet or number out of a Word list paragraph, returning it ("·", "o", "1.", "a)"). */
function takeMarker(p: HTMLElement): string {
  const doc = p.ownerDocument;
  const walker = doc.createTreeWalker(p, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Comment).data.trim() !== '[if !supportLists]') continue;
    const hidden: Node[] = [];
    for (let sibling = node.nextSibling; sibling && !isEndIf(sibling); sibling = sibling.nextSibling) hidden.push(sibling);
    const marker = hidden.map((n) => n.textContent ?? '').join('');
    for (const n of hidden) n.parentNode?.removeChild(n);
    return compact(marker);
  }
  const ignored = [...p.querySelectorAll('span')].find((span) => styleOf(span).get('mso-list') === 'ignore');
  const marker = compact(ignored?.textContent ?? '');
  ignored?.remove();
  return marker;
}

const isEndIf = (node: Node) => node.nodeType === 8 && (node as Comment).data.trim() === '[endif]';
const compact = (text: string) => text.replace(/[\s\u00a0]+/g, '');
