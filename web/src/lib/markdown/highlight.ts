/**
 * Syntax highlighting by highlight.js: its core, plus each grammar on first use.
 *
 * highlight.js escapes the code and wraps tokens in `<span class="hljs-…">`; that HTML is
 * still parsed only after a second DOMPurify pass that allows nothing but `span` and
 * highlight.js's own class names, and it is used only if its text is exactly the code it was
 * given. (Building nodes from hljs's token tree would skip the parse, but that tree is a
 * private API that changes between releases; the public string plus a strict allow-list is
 * the safer of the two to keep working.)
 */
import hljs from 'highlight.js/lib/core';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { languageFor } from './languages';
import type { Win } from './sanitize';

/** Past this size a block is shown plain: highlighting it would stall the page. */
export const MAX_HIGHLIGHT_CHARS = 50_000;
/** highlight.js's classes: a scope (`hljs-title`), its sub-scopes (`function_`), an embedded language (`language-xml`). */
const HLJS_CLASS = /^(?:hljs-[a-z][\w-]{0,40}|[a-z][a-z-]{0,40}_+|language-[a-z][\w-]{0,40})$/;

const registering = new Map<string, Promise<void>>();
const purifiers = new WeakMap<Win, DOMPurify>();

/** Registers a grammar once, however many blocks ask for it at the same time. */
function ensureGrammar(name: string): Promise<boolean> {
  const language = languageFor(name);
  const { grammar, load } = language;
  if (grammar === null || load === null) return Promise.resolve(false);
  let pending = registering.get(grammar);
  if (!pending) {
    pending = load().then((module) => hljs.registerLanguage(grammar, module.default));
    pending.catch(() => registering.delete(grammar));
    registering.set(grammar, pending);
  }
  return pending.then(() => true, () => false);
}

function purifierFor(win: Win): DOMPurify {
  let purify = purifiers.get(win);
  if (purify) return purify;
  purify = createDOMPurify(win);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName !== 'class') return;
    const kept = data.attrValue.split(/\s+/).filter((c) => HLJS_CLASS.test(c));
    data.keepAttr = kept.length > 0;
    data.attrValue = kept.join(' ');
  });
  purifiers.set(win, purify);
  return purify;
}

/** `code` highlighted as nodes of `win`'s document, or null when it is to stay plain text. */
export async function highlightCode(code: string, name: string, win: Win = window): Promise<DocumentFragment | null> {
  if (code.length > MAX_HIGHLIGHT_CHARS || !(await ensureGrammar(name))) return null;
  const grammar = languageFor(name).grammar!;
  const html = hljs.highlight(code, { language: grammar, ignoreIllegals: true }).value;
  const fragment = purifierFor(win).sanitize(html, {
    ALLOWED_TAGS: ['span'],
    ALLOWED_ATTR: ['class'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  return fragment.textContent === code ? fragment : null;
}
