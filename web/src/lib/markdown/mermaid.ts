/**
 * ```mermaid blocks in a rendered message become diagrams, drawn in the sandboxed renderer
 * frame (diagram-frame.ts) and shown as an image made from the returned SVG: an <img> runs no
 * script and fetches nothing. A source Mermaid cannot read shows its error and the source.
 */
import { MAX_DIAGRAM_SOURCE } from '../../../frames/protocol';
import { drawDiagram } from './diagram-frame';

const MERMAID_SELECTOR = 'pre > code.language-mermaid';

export function isDiagramCode(code: Element): boolean {
  return code.matches(MERMAID_SELECTOR);
}

/** Draws every Mermaid block under `root`. */
export async function renderDiagrams(root: Element | DocumentFragment): Promise<void> {
  const codes = [...root.querySelectorAll(MERMAID_SELECTOR)] as HTMLElement[];
  await Promise.all(codes.map((code) => renderDiagram(code)));
}

async function renderDiagram(code: HTMLElement): Promise<void> {
  const pre = code.parentElement!;
  const doc = pre.ownerDocument;
  const source = (code.textContent ?? '').replace(/\n$/, '');

  const figure = element(doc, 'figure', 'diagram');
  figure.dataset.testid = 'diagram';
  const header = element(doc, 'div', 'code-header');
  header.appendChild(element(doc, 'span', 'code-language', 'Mermaid'));
  const canvas = element(doc, 'div', 'diagram-canvas');
  canvas.appendChild(element(doc, 'span', 'diagram-status', 'Drawing diagram…'));
  pre.replaceWith(figure);
  figure.appendChild(header);
  figure.appendChild(canvas);
  figure.appendChild(pre);
  pre.classList.add('diagram-source');

  if (source.length > MAX_DIAGRAM_SOURCE) {
    showError(figure, canvas, `This diagram is longer than ${MAX_DIAGRAM_SOURCE.toLocaleString('en')} characters, so only its source is shown.`);
    return;
  }
  const drawing = await drawDiagram(source, doc);
  if (!figure.isConnected && !figure.parentNode) return;
  if (!drawing.ok) {
    showError(figure, canvas, drawing.error);
    return;
  }
  const image = doc.createElement('img');
  image.alt = `Diagram: ${source.split('\n', 1)[0].slice(0, 100)}`;
  image.width = drawing.width;
  image.height = drawing.height;
  image.decoding = 'async';
  const url = URL.createObjectURL(new Blob([drawing.svg], { type: 'image/svg+xml' }));
  const release = () => URL.revokeObjectURL(url);
  image.addEventListener('load', release, { once: true });
  image.addEventListener('error', () => {
    release();
    showError(figure, canvas, 'The diagram could not be shown.');
  }, { once: true });
  image.src = url;
  canvas.replaceChildren(image);
  header.appendChild(sourceToggle(figure));
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const made = doc.createElement(tag);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function showError(figure: HTMLElement, canvas: HTMLElement, message: string): void {
  figure.classList.add('diagram-failed', 'show-source');
  const error = element(figure.ownerDocument, 'p', 'diagram-error', message);
  error.setAttribute('role', 'note');
  canvas.replaceChildren(error);
}

function sourceToggle(figure: HTMLElement): HTMLButtonElement {
  const button = figure.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'code-copy';
  const show = (source: boolean) => {
    figure.classList.toggle('show-source', source);
    button.textContent = source ? 'Diagram' : 'Source';
    button.setAttribute('aria-pressed', String(source));
  };
  button.addEventListener('click', () => show(!figure.classList.contains('show-source')));
  show(false);
  return button;
}
