/**
 * What a message may hold once in the page, checked element by element in the browser by the
 * XSS corpus test. Two lists: what the sanitizer may let through (web/src/lib/markdown/sanitize.ts
 * plus the mention chips render.ts draws), and what the enhance step adds with the DOM API (code
 * block headers, highlighting, math, diagrams). A renderer that adds new nodes adds them here.
 */

/** DOM functions saved before any message is rendered (xss-harness.ts), so clobbering cannot blind the audit. */
export interface Tools {
  getElementById: (this: Document, id: string) => HTMLElement | null;
  createElement: (this: Document, tag: string) => Element;
  appendChild: (this: Node, node: Node) => Node;
  querySelectorAll: (this: Element, selectors: string) => NodeListOf<Element>;
  fragmentQuerySelectorAll: (this: DocumentFragment, selectors: string) => NodeListOf<Element>;
  closest: (this: Element, selectors: string) => Element | null;
  dispatchEvent: (this: EventTarget, event: Event) => boolean;
  attributes: (this: Element) => NamedNodeMap;
  localName: (this: Element) => string;
  namespaceURI: (this: Element) => string | null;
}

const HTML = 'http://www.w3.org/1999/xhtml';
const NONE: string[] = [];

/** The sanitizer's allow-list: each element and the attributes it may carry. */
const SANITIZED: Record<string, string[]> = {
  a: ['href', 'title', 'target', 'rel'], blockquote: NONE, br: NONE, code: ['class'], del: NONE, em: NONE,
  h1: NONE, h2: NONE, h3: NONE, h4: NONE, h5: NONE, h6: NONE, hr: NONE, input: ['type', 'checked', 'disabled'],
  li: NONE, ol: ['start'], p: NONE, pre: NONE, strong: NONE, table: NONE, thead: NONE, tbody: NONE, tr: NONE,
  th: ['class'], td: ['class'], ul: NONE, span: ['class', 'data-testid'],
};

/** Added by enhance.ts's passes (code-block.ts, highlight.ts, math.ts, mermaid.ts), on top of the above. */
const ENHANCED: Record<string, string[]> = {
  div: ['class', 'data-testid'], span: ['class', 'title', 'data-testid'], pre: ['class'],
  button: ['type', 'class', 'aria-label', 'aria-expanded', 'aria-pressed'],
  figure: ['class', 'data-testid'], p: ['class', 'role'], img: ['alt', 'width', 'height', 'decoding', 'src'],
};

/** Attribute values the sanitizer may produce; anything else is a finding. */
const VALUES: Record<string, RegExp> = {
  'code class': /^language-[\w#+.-]{1,40}(?::[\w./@+-]{1,200})?$/,
  'th class': /^align-(?:left|center|right)$/,
  'td class': /^align-(?:left|center|right)$/,
  'span class': /^mention(?: me)?$/,
  'span data-testid': /^mention$/,
  'a target': /^_blank$/,
  'a rel': /^noopener noreferrer$/,
  'input type': /^checkbox$/,
  'input disabled': /^$/,
  'input checked': /^$/,
  'ol start': /^\d{1,9}$/,
};

/** Attributes that load or navigate; only `a href` (to a live scheme) and a diagram's `img src` (blob:) may carry one. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'ping',
  'srcdoc', 'codebase', 'cite', 'longdesc', 'dynsrc', 'lowsrc', 'manifest', 'icon', 'classid', 'archive', 'usemap', 'xlink:href']);
/** Never in a message, not even inside KaTeX's output. */
const ACTIVE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'textarea', 'select',
  'style', 'link', 'meta', 'base', 'template', 'audio', 'video', 'source', 'track', 'portal', 'foreignobject', 'use',
  'image', 'animate', 'set', 'animatemotion', 'animatetransform', 'discard', 'handler', 'listener', 'noscript', 'xmp',
  'noembed', 'plaintext', 'dialog', 'slot']);
const LIVE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function describe(element: Element, tools: Tools): string {
  const attrs = [...tools.attributes.call(element)].map((a) => `${a.name}="${a.value.slice(0, 80)}"`).join(' ');
  return `<${tools.localName.call(element)}${attrs ? ` ${attrs}` : ''}>`;
}

function checkLink(href: string): boolean {
  try {
    return LIVE_SCHEMES.has(new URL(href, document.baseURI).protocol);
  } catch {
    return false;
  }
}

/** The sanitizer's output, before it is in the page: only the allow-list, HTML namespace, safe values. */
export function auditSanitized(fragment: DocumentFragment, tools: Tools): string[] {
  const problems: string[] = [];
  for (const element of tools.fragmentQuerySelectorAll.call(fragment, '*')) {
    const tag = tools.localName.call(element);
    const allowed = SANITIZED[tag];
    if (!allowed || tools.namespaceURI.call(element) !== HTML) {
      problems.push(`sanitized: element ${describe(element, tools)}`);
      continue;
    }
    for (const attr of tools.attributes.call(element)) {
      const rule = VALUES[`${tag} ${attr.name}`];
      const bad = !allowed.includes(attr.name) || (rule && !rule.test(attr.value)) || (attr.name === 'href' && !checkLink(attr.value));
      if (bad) problems.push(`sanitized: attribute ${attr.name} in ${describe(element, tools)}`);
    }
    if (tag === 'input' && !element.hasAttribute('disabled')) problems.push(`sanitized: enabled ${describe(element, tools)}`);
    if (tag === 'a' && element.hasAttribute('href') && element.getAttribute('rel') !== 'noopener noreferrer') {
      problems.push(`sanitized: link with an opener ${describe(element, tools)}`);
    }
  }
  return problems;
}

/**
 * A message after the enhance step: the sanitizer's list plus what enhance adds. Inside KaTeX's
 * output (drawn by its DOM API from the TeX, with `trust: false`) any element may appear, but
 * nothing active: no handler, no loading or linking attribute, no element that runs or embeds.
 */
export function auditEnhanced(box: Element, tools: Tools): string[] {
  const problems: string[] = [];
  for (const element of tools.querySelectorAll.call(box, '*')) {
    const tag = tools.localName.call(element);
    const inKatex = tools.closest.call(element, '.katex, .katex-error') !== null;
    if (ACTIVE.has(tag)) problems.push(`enhanced: element ${describe(element, tools)}`);
    else if (!inKatex && (!(tag in SANITIZED || tag in ENHANCED) || tools.namespaceURI.call(element) !== HTML)) {
      problems.push(`enhanced: element ${describe(element, tools)}`);
    }
    for (const attr of tools.attributes.call(element)) {
      const name = attr.name.toLowerCase();
      const listed = (SANITIZED[tag] ?? NONE).includes(name) || (ENHANCED[tag] ?? NONE).includes(name);
      let bad = name.startsWith('on') || (!inKatex && !listed) || (name === 'style' && !inKatex);
      if (URL_ATTRIBUTES.has(name)) {
        bad ||= !((tag === 'a' && name === 'href' && checkLink(attr.value)) || (tag === 'img' && name === 'src' && attr.value.startsWith('blob:')));
      }
      if (bad) problems.push(`enhanced: attribute ${attr.name} in ${describe(element, tools)}`);
    }
  }
  return problems;
}
