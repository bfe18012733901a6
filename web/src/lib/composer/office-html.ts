/**
 * Pasted HTML made fit for turndown (html-to-markdown.ts). Office and Google Docs say much of
 * what they mean in ways turndown does not read: Word's lists are paragraphs with a typed
 * bullet, bold is often a style, Google Docs wraps everything in a bold element that is not
 * bold. Works on an inert DOMParser document: nothing in it runs or loads.
 */
import { appendNodes, replaceNode, unwrap } from './dom-nodes';
import { styleOf } from './inline-style';
import { cleanTables } from './paste-tables';
import { convertWordLists } from './word-lists';

/** Never content: scripts, styles, media, form controls, frames. */
const DROPPED = 'script, style, template, noscript, meta, link, title, iframe, frame, object, embed, svg, math, canvas, video, audio, button, select, textarea, input:not([type=checkbox])';
const LIVE_LINK = /^(?:https?:\/\/|mailto:)/i;
/** Markup whose meaning Markdown can carry: without any, a paste stays plain text. */
const STRUCTURE = 'strong, b, em, i, s, del, strike, code, pre, a[href], ul, ol, table, h1, h2, h3, h4, h5, h6, blockquote, hr, input[type=checkbox]';

/**
 * Pasted HTML parsed (inert) and cleaned, or null when it carries nothing plain text does not:
 * then the browser pastes the text as usual. Cheap enough to decide during the paste event.
 */
export function parsePastedHtml(html: string, parser: DOMParser = new DOMParser()): Document | null {
  const doc = parser.parseFromString(html, 'text/html');
  cleanPastedHtml(doc);
  return hasStructure(doc.body) ? doc : null;
}

function cleanPastedHtml(doc: Document): void {
  const body = doc.body;
  for (const element of body.querySelectorAll(DROPPED)) element.remove();
  convertWordLists(body);
  dropWordMarkup(body);
  styleToElements(body);
  unwrapNestedLists(body);
  fixPreformatted(body);
  for (const image of body.querySelectorAll('img')) replaceNode(image, image.getAttribute('alt')?.trim() ?? '');
  for (const link of body.querySelectorAll('a')) {
    if (!LIVE_LINK.test(link.getAttribute('href')?.trim() ?? '')) unwrap(link);
  }
  dropBlockBreaks(body);
  cleanTables(body);
  replaceNoBreakSpaces(body);
}

function hasStructure(body: HTMLElement): boolean {
  return body.querySelector(STRUCTURE) !== null;
}

/**
 * Comments (Office's conditional ones included), Word's `<o:p>` and VML drawings go; other
 * namespaced wrappers (`<w:sdt>` content controls) give up their content. Numbered headings
 * lose their typed number.
 */
function dropWordMarkup(body: HTMLElement): void {
  const walker = body.ownerDocument.createTreeWalker(body, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  for (const span of body.querySelectorAll('span')) if (styleOf(span).get('mso-list') === 'ignore') span.remove();
  for (const element of [...body.querySelectorAll('*')].reverse()) {
    const prefix = element.localName.split(':')[0];
    if (prefix === element.localName) continue;
    if (prefix === 'o' || prefix === 'v') element.remove();
    else unwrap(element);
  }
}

const BOLD = /^(?:bold|bolder|[6-9]00)$/;
const NOT_BOLD = /^(?:normal|lighter|[1-5]00)$/;

/**
 * Bold, italic and strikethrough set by style (Google Docs, Word, copied web pages) become
 * elements; a `<b>` whose style says it is not bold (Google Docs' whole-paste wrapper,
 * `<b style="font-weight:normal" id="docs-internal-guid-…">`) gives up its content.
 */
function styleToElements(body: HTMLElement): void {
  const doc = body.ownerDocument;
  for (const element of [...body.querySelectorAll('span, font, b, strong')].reverse()) {
    const style = styleOf(element);
    if (element.localName === 'b' || element.localName === 'strong') {
      if (NOT_BOLD.test(style.get('font-weight') ?? '')) unwrap(element);
      continue;
    }
    const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
    const wrappers = [
      BOLD.test(style.get('font-weight') ?? '') && 'strong',
      /^(?:italic|oblique)/.test(style.get('font-style') ?? '') && 'em',
      decoration.includes('line-through') && 'del',
    ].filter((tag): tag is string => tag !== false);
    let content: Node[] = [...element.childNodes];
    for (const tag of wrappers) {
      const wrapper = doc.createElement(tag);
      appendNodes(wrapper, ...content);
      content = [wrapper];
    }
    replaceNode(element, ...content);
  }
}

/**
 * Google Docs nests a sub-list directly in its parent list, where Markdown needs it inside the item
 * above, and puts each item's text in a paragraph, which would make every list a loose one.
 */
function unwrapNestedLists(body: HTMLElement): void {
  for (const item of body.querySelectorAll('li')) {
    const paragraphs = item.querySelectorAll(':scope > p');
    if (paragraphs.length === 1) unwrap(paragraphs[0]);
  }
  for (const list of body.querySelectorAll(':is(ul, ol) > :is(ul, ol)')) {
    const previous = list.previousElementSibling;
    if (previous?.localName === 'li') appendNodes(previous, list);
    else {
      const item = body.ownerDocument.createElement('li');
      replaceNode(list, item);
      appendNodes(item, list);
    }
  }
}

const BLOCK = /^(?:p|div|h[1-6]|ul|ol|li|table|blockquote|pre|hr)$/;

/** A line break after a block (Google Docs' blank line between blocks, its closing "interchange" break) would add a blank line Markdown already has. */
function dropBlockBreaks(body: HTMLElement): void {
  for (const br of body.querySelectorAll('br')) {
    let before = br.previousSibling;
    while (before && before.nodeType === 3 && !before.textContent?.trim()) before = before.previousSibling;
    if (br.classList.contains('Apple-interchange-newline') || (before?.nodeType === 1 && BLOCK.test((before as Element).localName))) br.remove();
  }
}

/** A `<pre>` without `<code>` (an IDE's copy, a plain page) is code all the same: turndown fences only `pre > code`. */
function fixPreformatted(body: HTMLElement): void {
  for (const pre of body.querySelectorAll('pre')) {
    if (pre.firstElementChild?.localName === 'code' && pre.childNodes.length === 1) continue;
    const code = body.ownerDocument.createElement('code');
    const language = /\blanguage-[\w#+.-]+/.exec(pre.className)?.[0] ?? /\blanguage-[\w#+.-]+/.exec(pre.querySelector('code')?.className ?? '')?.[0];
    if (language) code.className = language;
    code.textContent = pre.textContent;
    pre.replaceChildren(code);
  }
}

/** Word and Docs space with no-break spaces; in Markdown they only get in the way (code keeps its own). */
function replaceNoBreakSpaces(body: HTMLElement): void {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.includes('\u00a0') && !text.parentElement?.closest('pre, code')) text.data = text.data.replace(/\u00a0/g, ' ');
  }
}
