/**
 * PlantUML diagrams in messages (```` ```plantuml ```` or ```` ```puml ````). Hearth's server
 * has the operator's PlantUML server draw the source; the SVG that comes back is sanitized
 * with DOMPurify's SVG profile and shown as an `<img>` from a `blob:` URL, never put into the
 * page: as an image it runs no script and loads nothing, and without a URL of its own on
 * Hearth's origin it can never be opened as a page. The source stays one click away, and in
 * view whenever there is no diagram to show.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { api, ApiError } from '../../api/client';
import type { PlantUmlDiagram } from '../../../../src/shared/model';
import { parseCodeClass } from './code-info';
import type { Win } from './sanitize';

const LANGUAGES = new Set(['plantuml', 'puml']);
/** Diagrams remembered in this tab, so that redrawing a message asks nothing of the server. */
const REMEMBERED = 100;

/** Anything that could fetch, run or embed: the image context refuses these too, but they are never even handed to it. */
const FORBID_TAGS = ['foreignObject', 'script', 'a', 'image', 'use', 'feImage', 'iframe', 'embed', 'object', 'hearth-style'];
/** References inside the drawing itself (`#id`, `url(#id)`) are kept; any other is dropped with its attribute. */
const EXTERNAL_URL = /url\(\s*(?!['"]?#)/i;
/** The CSS properties SVG also takes as attributes (SVG 1.1's presentation attributes, less `cursor`, which loads). */
const PRESENTATION = new Set([
  'alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color', 'color-interpolation',
  'color-interpolation-filters', 'color-rendering', 'direction', 'display', 'dominant-baseline', 'fill', 'fill-opacity',
  'fill-rule', 'filter', 'flood-color', 'flood-opacity', 'font-family', 'font-size', 'font-size-adjust', 'font-stretch',
  'font-style', 'font-variant', 'font-weight', 'image-rendering', 'letter-spacing', 'lighting-color', 'marker-end',
  'marker-mid', 'marker-start', 'mask', 'opacity', 'overflow', 'pointer-events', 'shape-rendering', 'stop-color',
  'stop-opacity', 'stroke', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-opacity', 'stroke-width', 'text-anchor', 'text-decoration', 'text-rendering',
  'unicode-bidi', 'visibility', 'word-spacing', 'writing-mode',
]);
/** A value as PlantUML writes them: words, numbers, colours, `rgb()`, and references inside the drawing. */
const PRESENTATION_VALUE = /^(?:[\w\s#.,%+-]|url\(#[\w-]+\)|rgba?\([\d\s.,%]+\))+$/i;

type Drawing = { ok: true; svg: string } | { ok: false; note: string; final: boolean };

const drawings = new Map<string, Promise<Drawing>>();
const purifiers = new WeakMap<Win, DOMPurify>();
const handled = new WeakSet<Element>();

/** Draws every PlantUML block under `root` as a diagram above its source; resolves when each has an answer. */
export function enhancePlantUml(root: Element, win: Win = window): Promise<void> {
  const blocks = [...root.querySelectorAll('pre > code')].filter((code) => {
    const language = parseCodeClass(code.className)?.language.toLowerCase();
    return language !== undefined && LANGUAGES.has(language) && !handled.has(code);
  });
  return Promise.all(blocks.map((code) => enhanceBlock(code, win))).then(() => undefined);
}

async function enhanceBlock(code: Element, win: Win): Promise<void> {
  handled.add(code);
  const doc = code.ownerDocument;
  const source = code.textContent ?? '';
  const figure = doc.createElement('div');
  figure.className = 'plantuml hides-source';
  figure.dataset.testid = 'plantuml';
  const status = doc.createElement('span');
  status.className = 'plantuml-status';
  status.setAttribute('role', 'status');
  status.textContent = 'Drawing the PlantUML diagram…';
  figure.appendChild(status);
  // Right above the source, whether or not code-block.ts has wrapped it yet: it replaces the
  // <pre> in place, so the CSS rule "a diagram hides the block after it" holds either way.
  // (insertBefore, not before(): workers-types' Element.before, for HTMLRewriter, shadows the DOM's.)
  const block = code.closest('.code-block') ?? code.parentElement!;
  block.parentNode!.insertBefore(figure, block);

  const drawing = await drawingOf(source, win);
  if (!drawing.ok) return showSource(figure, status, drawing.note);
  const shown = await showImage(figure, status, drawing.svg, win);
  if (!shown) showSource(figure, status, 'The PlantUML diagram could not be shown.');
}

function showSource(figure: HTMLElement, status: HTMLElement, note: string) {
  figure.classList.remove('hides-source');
  figure.classList.add('failed');
  status.className = 'plantuml-note';
  status.textContent = note;
}

/** Puts the image in place of the status line; false when the browser could not draw it. */
function showImage(figure: HTMLElement, status: HTMLElement, svg: string, win: Win): Promise<boolean> {
  const doc = figure.ownerDocument;
  const img = doc.createElement('img');
  img.alt = 'PlantUML diagram';
  img.className = 'plantuml-image';
  const url = win.URL.createObjectURL(new win.Blob([svg], { type: 'image/svg+xml' }));
  return new Promise((resolve) => {
    // A decoded image needs its URL no longer: revoking it at once leaves nothing to leak or open.
    img.addEventListener('load', () => {
      win.URL.revokeObjectURL(url);
      status.replaceWith(img);
      figure.appendChild(sourceToggle(figure));
      resolve(true);
    });
    img.addEventListener('error', () => {
      win.URL.revokeObjectURL(url);
      resolve(false);
    });
    img.src = url;
  });
}

function sourceToggle(figure: HTMLElement): HTMLButtonElement {
  const button = figure.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'plantuml-toggle';
  const show = (hidden: boolean) => {
    figure.classList.toggle('hides-source', hidden);
    button.textContent = hidden ? 'Show source' : 'Hide source';
    button.setAttribute('aria-expanded', String(!hidden));
  };
  button.addEventListener('click', () => show(!figure.classList.contains('hides-source')));
  show(true);
  return button;
}

/** The sanitized drawing of `source`, asked of the server once per tab while it keeps succeeding. */
function drawingOf(source: string, win: Win): Promise<Drawing> {
  let drawing = drawings.get(source);
  if (drawing) return drawing;
  drawing = requestDrawing(source, win);
  drawings.set(source, drawing);
  if (drawings.size > REMEMBERED) drawings.delete(drawings.keys().next().value!);
  // A failure may pass (a busy server, a spent budget): the next showing asks again.
  void drawing.then((d) => {
    if (!d.ok && !d.final) drawings.delete(source);
  });
  return drawing;
}

async function requestDrawing(source: string, win: Win): Promise<Drawing> {
  try {
    const { svg } = await api<PlantUmlDiagram>('POST', '/plantuml', { source });
    const clean = sanitizeSvg(svg, win);
    return clean === null ? { ok: false, note: 'The PlantUML server sent something that is not a diagram.', final: false } : { ok: true, svg: clean };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'plantuml_unavailable') {
      return { ok: false, note: 'PlantUML is not configured on this server, so the diagram shows as its source.', final: true };
    }
    return { ok: false, note: `No PlantUML diagram: ${error instanceof Error ? error.message : String(error)}`, final: false };
  }
}

/** `svg` with nothing left that could run, fetch or embed, as XML an `<img>` can load; null if it is no SVG. */
export function sanitizeSvg(svg: string, win: Win): string | null {
  const fragment = purifierFor(win).sanitize(withoutCss(svg), {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS,
    ADD_FORBID_CONTENTS: ['hearth-style'],
    ADD_ATTR: ['data-style'],
    RETURN_DOM_FRAGMENT: true,
  });
  const root = fragment.firstElementChild;
  if (root?.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') return null;
  for (const element of [root, ...root.querySelectorAll('[data-style]')]) stylesToAttributes(element);
  // DOMPurify parsed it as HTML; an image is read as XML.
  return new win.XMLSerializer().serializeToString(root);
}

/**
 * CSS in the drawing is checked against Hearth's CSP the moment it is parsed, in any
 * document of this page, and each style attribute or `<style>` reported as a violation. So
 * before parsing, style attributes are renamed `data-style` (to come back as presentation
 * attributes, which are no CSS) and `<style>` elements renamed to be dropped. Only the
 * names change: what the renaming misses is still sanitized, it merely shows in the console.
 */
function withoutCss(svg: string): string {
  return svg
    .replace(/<(\/?)style\b/gi, '<$1hearth-style')
    .replace(/<[a-z][^<>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, '$1data-style$2'));
}

/** `data-style="stroke: #A80036; stroke-width: 1.0"` → `stroke="#A80036" stroke-width="1.0"`, for the properties SVG has attributes for. */
function stylesToAttributes(element: Element) {
  const style = element.getAttribute('data-style');
  element.removeAttribute('data-style');
  for (const declaration of style?.split(';') ?? []) {
    const colon = declaration.indexOf(':');
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (colon > 0 && PRESENTATION.has(name) && PRESENTATION_VALUE.test(value)) element.setAttribute(name, value);
  }
}

function purifierFor(win: Win): DOMPurify {
  let purify = purifiers.get(win);
  if (purify) return purify;
  purify = createDOMPurify(win);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName;
    if ((name === 'href' || name === 'xlink:href') && !data.attrValue.startsWith('#')) data.keepAttr = false;
    if (EXTERNAL_URL.test(data.attrValue)) data.keepAttr = false;
  });
  purifiers.set(win, purify);
  return purify;
}
