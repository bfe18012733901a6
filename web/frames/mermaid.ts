/**
 * The diagram renderer: runs Mermaid in a frame sandboxed without same-origin access, served
 * with its own CSP (no network: images, fonts and fetches from a diagram go nowhere). It draws
 * what the app sends and answers with the SVG as XML text, which the app shows as an image,
 * so nothing of a diagram ever runs in the app's page.
 */
import mermaid from 'mermaid';
import { isDiagramRequest, type DiagramResult } from './protocol';

const stage = document.getElementById('stage')!;

/**
 * What a label's HTML may not hold: anything that loads (the frame's CSP would block it, but
 * the attempt is not even made) or styles. Mermaid's strict mode alone keeps `<img>`.
 */
const LABEL_PURIFY = {
  FORBID_TAGS: ['img', 'image', 'picture', 'source', 'video', 'audio', 'track', 'iframe', 'frame', 'object', 'embed', 'link', 'style', 'meta', 'base', 'form', 'input', 'svg', 'math'],
  FORBID_ATTR: ['style', 'src', 'srcset', 'background', 'poster', 'action', 'formaction'],
};

/** Settings a diagram's own `%%{init}%%` may not change: Mermaid's defaults plus everything that could load or restyle. */
const LOCKED_SETTINGS = ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges',
  'dompurifyConfig', 'themeCSS', 'themeVariables', 'fontFamily', 'altFontFamily'];
let configuredDark: boolean | null = null;
let queue: Promise<void> = Promise.resolve();

function configure(dark: boolean): void {
  if (configuredDark === dark) return;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    secure: LOCKED_SETTINGS,
    dompurifyConfig: LABEL_PURIFY,
    suppressErrorRendering: true,
    maxTextSize: 8_000,
    theme: dark ? 'dark' : 'default',
    // Edge labels sit on the app's code-block background (--bg-soft in web/src/styles/theme.css).
    themeVariables: { edgeLabelBackground: dark ? '#222529' : '#f6f6f7' },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  });
  configuredDark = dark;
}

async function draw(id: number, source: string, dark: boolean): Promise<DiagramResult> {
  try {
    configure(dark);
    const { svg } = await mermaid.render(`diagram-${id}`, source, stage);
    // render() returns HTML text; an <img> needs XML, so it is parsed and serialized once more.
    const parsed = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
    if (!parsed) return { type: 'failed', id, error: 'Mermaid produced no drawing.' };
    const element = document.importNode(parsed, true);
    stage.replaceChildren(element);
    const { width, height } = size(element);
    element.setAttribute('width', String(width));
    element.setAttribute('height', String(height));
    element.style.removeProperty('max-width');
    const xml = new XMLSerializer().serializeToString(element);
    return { type: 'rendered', id, svg: xml, width, height };
  } catch (error) {
    return { type: 'failed', id, error: describe(error) };
  } finally {
    stage.replaceChildren();
  }
}

function size(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.ceil(rect.width)), height: Math.max(1, Math.ceil(rect.height)) };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : 'The diagram could not be drawn.';
  return text.trim().slice(0, 2_000) || 'The diagram could not be drawn.';
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent || window.parent === window || !isDiagramRequest(event.data)) return;
  const { id, source, dark } = event.data;
  // Mermaid keeps global state while drawing: one diagram at a time.
  queue = queue.then(async () => {
    const result = await draw(id, source, dark);
    window.parent.postMessage(result, '*');
  });
});

window.parent.postMessage({ type: 'ready' }, '*');
