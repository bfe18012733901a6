/**
 * The app's side of the diagram renderer: one off-screen frame per tab, created with the first
 * diagram, sandboxed without same-origin access (web/frames/mermaid.ts). Requests go one at a
 * time in order; a frame that stops answering is replaced. Results are kept per source and
 * theme, so a message that is drawn again (an edit elsewhere, a reaction) costs nothing.
 */
import {
  isDiagramResult,
  isFrameReady,
  type DiagramRequest,
  type DiagramResult,
} from '../../../frames/protocol';

export const FRAME_URL = '/frames/mermaid.html';
/** A diagram not drawn by then fails, and the frame is replaced. Mermaid's first load is ~700 ms. */
export const DIAGRAM_TIMEOUT_MS = 15_000;
const CACHE_SIZE = 100;
const TIMED_OUT = 'The diagram took too long to draw.';

export type Drawing = { ok: true; svg: string; width: number; height: number } | { ok: false; error: string };

interface Pending {
  resolve: (result: DiagramResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

let frame: HTMLIFrameElement | null = null;
let ready: Promise<Window> | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
const drawings = new Map<string, Promise<Drawing>>();

function openFrame(doc: Document): Promise<Window> {
  if (ready && frame?.isConnected) return ready;
  const element = doc.createElement('iframe');
  // No allow-same-origin: the frame's origin is opaque, whatever the diagram contains.
  element.setAttribute('sandbox', 'allow-scripts');
  element.className = 'diagram-renderer';
  element.title = 'Diagram renderer';
  element.setAttribute('aria-hidden', 'true');
  element.tabIndex = -1;
  element.src = FRAME_URL;
  const win = doc.defaultView!;
  ready = new Promise((resolve) => {
    const onReady = (event: MessageEvent) => {
      if (event.source !== element.contentWindow || !isFrameReady(event.data)) return;
      win.removeEventListener('message', onReady);
      resolve(element.contentWindow!);
    };
    win.addEventListener('message', onReady);
  });
  win.addEventListener('message', onResult);
  frame = element;
  doc.body.appendChild(element);
  return ready;
}

function onResult(event: MessageEvent): void {
  if (!frame || event.source !== frame.contentWindow || !isDiagramResult(event.data)) return;
  const entry = pending.get(event.data.id);
  if (!entry) return;
  pending.delete(event.data.id);
  clearTimeout(entry.timer);
  entry.resolve(event.data);
}

function closeFrame(): void {
  frame?.ownerDocument.defaultView?.removeEventListener('message', onResult);
  frame?.remove();
  frame = null;
  ready = null;
}

async function request(source: string, dark: boolean, doc: Document): Promise<DiagramResult> {
  const target = await openFrame(doc);
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      closeFrame();
      resolve({ type: 'failed', id, error: TIMED_OUT });
    }, DIAGRAM_TIMEOUT_MS);
    pending.set(id, { resolve, timer });
    const message: DiagramRequest = { type: 'render', id, source, dark };
    // The frame's origin is opaque and cannot be named; what is sent is text its reader already sees.
    target.postMessage(message, '*');
  });
}

/** The drawing of a Mermaid source, from the frame or from this tab's cache. */
export function drawDiagram(source: string, doc: Document): Promise<Drawing> {
  const dark = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)').matches ?? false;
  const key = `${dark ? 'dark' : 'light'}\n${source}`;
  const cached = drawings.get(key);
  if (cached) {
    drawings.delete(key); // most recently used goes last
    drawings.set(key, cached);
    return cached;
  }
  const drawing = request(source, dark, doc).then((result): Drawing =>
    result.type === 'rendered' ? { ok: true, svg: result.svg, width: result.width, height: result.height } : { ok: false, error: result.error });
  drawings.set(key, drawing);
  // Failures from a timeout may succeed later; errors in the source will not, and stay cached.
  void drawing.then((result) => {
    if (!result.ok && result.error === TIMED_OUT) drawings.delete(key);
  });
  if (drawings.size > CACHE_SIZE) drawings.delete(drawings.keys().next().value!);
  return drawing;
}
