/** Sets off inline event handlers, if any got through: every common event, sent to every element under a message. */
import type { Tools } from './xss-allow-list';

/** Plain Events, not MouseEvents: a synthetic `click` follows no link and submits nothing. */
const EVENTS = ['mouseover', 'mouseenter', 'pointerover', 'click', 'focus', 'focusin', 'blur', 'keydown', 'input', 'change',
  'toggle', 'load', 'error', 'animationstart', 'animationend', 'transitionend'];

export function pokeAll(root: Element, tools: Tools): void {
  for (const element of tools.querySelectorAll.call(root, '*')) {
    // KaTeX draws a span a glyph: its root is poked, its insides are audited.
    if (tools.closest.call(element, '.katex *')) continue;
    // The enhance step's own buttons (copy, fold, diagram source) do their job on click, and nothing else.
    const ours = tools.localName.call(element) === 'button';
    for (const type of EVENTS) {
      if (ours && type === 'click') continue;
      try {
        tools.dispatchEvent.call(element, new Event(type, { bubbles: false }));
      } catch {
        // An element a vector replaced or removed meanwhile.
      }
    }
  }
}
