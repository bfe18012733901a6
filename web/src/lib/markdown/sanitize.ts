/**
 * The allow-list between Markdown's HTML and the page (DESIGN invariant 5): only the
 * elements chat Markdown makes, no style, forms, SVG, MathML or frames; links only to
 * http, https and mailto, in a new tab; table alignment as a class. DOMPurify does the
 * parsing and pruning; the hooks below fit its output to chat.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { safeCodeClass } from './code-info';

const ALLOWED_TAGS = [
  'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'input',
  'li', 'ol', 'p', 'pre', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'start', 'type', 'checked', 'disabled'];
/** DOMPurify's own URI rule with every scheme but these three taken out; relative links stay. */
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const LIVE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const ALIGNMENTS = new Set(['left', 'center', 'right']);

/** A browsing context: the page's own window, or a test's. */
export type Win = Window & typeof globalThis;

const purifiers = new WeakMap<Win, DOMPurify>();
const isElement = (node: Node): node is Element => node.nodeType === 1;

function purifierFor(win: Win): DOMPurify {
  let purify = purifiers.get(win);
  if (purify) return purify;
  purify = createDOMPurify(win);
  const alignOf = new WeakMap<Element, string>();
  purify.addHook('uponSanitizeElement', (node, data) => {
    // An image would load from wherever its author chose; its description is kept as text.
    if (data.tagName === 'img' && isElement(node)) {
      const alt = node.getAttribute('alt');
      if (alt) node.before(alt);
    }
  });
  purify.addHook('beforeSanitizeAttributes', (node) => {
    if (!(isElement(node)) || (node.tagName !== 'TH' && node.tagName !== 'TD')) return;
    const align = node.getAttribute('align');
    if (align && ALIGNMENTS.has(align)) alignOf.set(node, align);
    node.removeAttribute('align');
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    // The only class Markdown makes: a fenced block's language and file name (code-info.ts).
    if (data.attrName === 'class') {
      const kept = node.nodeName === 'CODE' ? safeCodeClass(data.attrValue) : null;
      data.keepAttr = kept !== null;
      if (kept !== null) data.attrValue = kept;
    }
    if ((data.attrName === 'type' || data.attrName === 'checked' || data.attrName === 'disabled') && node.nodeName !== 'INPUT') data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!(isElement(node))) return;
    const align = alignOf.get(node);
    if (align) node.className = `align-${align}`;
    if (node.tagName === 'INPUT') {
      // Task list boxes show state; nothing in a message is a form control.
      node.setAttribute('type', 'checkbox');
      node.setAttribute('disabled', '');
    }
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isLive(href, win)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifiers.set(win, purify);
  return purify;
}

function isLive(href: string, win: Win): boolean {
  try {
    return LIVE_PROTOCOLS.has(new URL(href, win.document.baseURI).protocol);
  } catch {
    return false;
  }
}

/** `html` pruned to the chat allow-list, as a fragment of `win`'s document. */
export function sanitizeHtml(html: string, win: Win = window): DocumentFragment {
  const fragment = purifierFor(win).sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  // DOMPurify answers null, not a fragment, for HTML that parses to a <frameset> document.
  return fragment ?? win.document.createDocumentFragment();
}
