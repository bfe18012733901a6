// Every HTML element with every HTML event handler, and every SVG element with every SVG event
// handler, each setting the sentinel the corpus test watches. Generated (from wooorm's lists, npm
// html-tag-names, html-event-attributes, svg-tag-names, svg-event-attributes) rather than stored:
// it is about 20,000 strings.
import { htmlEventAttributes } from 'html-event-attributes';
import { htmlTagNames } from 'html-tag-names';
import { svgEventAttributes } from 'svg-event-attributes';
import { svgTagNames } from 'svg-tag-names';

export const SENTINEL = 'window.__pwned=1';

/** @returns {string[]} */
export function tagEventMatrix() {
  const vectors = [];
  for (const tag of htmlTagNames) {
    for (const event of htmlEventAttributes) vectors.push(`<${tag} ${event}="${SENTINEL}">x</${tag}>`);
  }
  for (const tag of svgTagNames) {
    for (const event of svgEventAttributes) vectors.push(`<svg><${tag} ${event}="${SENTINEL}">x</${tag}></svg>`);
  }
  return vectors;
}
