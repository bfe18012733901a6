/**
 * Fenced code blocks in a rendered message: a header with the language, the file name and a
 * Copy button, highlighting once the grammar has loaded, and long blocks folded behind
 * "Show more". Everything here is built with the DOM API and `textContent`; the code's own
 * text is never parsed as HTML (highlight.ts sanitizes highlight.js's output separately).
 */
import { parseCodeClass } from './code-info';
import { languageFor } from './languages';
import { isMathCode } from './math';
import { isDiagramCode } from './mermaid';
import type { Win } from './sanitize';

/** A block longer than this many lines starts folded. */
export const COLLAPSE_LINES = 15;
const COPIED_MS = 1500;

/** Turns each fenced block under `root` into a code block; resolves when all are highlighted. */
export function enhanceCodeBlocks(root: Element | DocumentFragment, win: Win = window): Promise<void> {
  const blocks = [...root.querySelectorAll('pre > code')]
    .filter((code) => !code.closest('.code-block') && !isMathCode(code) && !isDiagramCode(code));
  return Promise.all(blocks.map((code) => enhanceBlock(code as HTMLElement, win))).then(() => undefined);
}

async function enhanceBlock(code: HTMLElement, win: Win): Promise<void> {
  const pre = code.parentElement!;
  const doc = pre.ownerDocument;
  const info = parseCodeClass(code.className);
  const text = code.textContent ?? '';

  const block = doc.createElement('div');
  block.className = 'code-block';
  block.dataset.testid = 'code-block';
  pre.replaceWith(block);

  const header = doc.createElement('div');
  header.className = 'code-header';
  const language = doc.createElement('span');
  language.className = 'code-language';
  language.textContent = info ? languageFor(info.language).label : 'Text';
  header.appendChild(language);
  if (info?.file) {
    const file = doc.createElement('span');
    file.className = 'code-file';
    file.title = info.file;
    file.textContent = info.file;
    header.appendChild(file);
  }
  header.appendChild(copyButton(text.replace(/\n$/, ''), code, win));
  // appendChild, not append: workers-types' Element.append (HTMLRewriter) shadows the DOM's.
  block.appendChild(header);
  block.appendChild(pre);

  const lines = text.replace(/\n$/, '').split('\n').length;
  if (lines > COLLAPSE_LINES) block.appendChild(foldButton(block, lines));

  if (!info || languageFor(info.language).grammar === null) return;
  // highlight.js's core, like each grammar, loads only once a message needs it.
  const { highlightCode } = await import('./highlight');
  const highlighted = await highlightCode(text, info.language, win);
  // The message may have been edited and redrawn meanwhile: only fill a block still showing this text.
  if (!highlighted || code.textContent !== text) return;
  code.replaceChildren(highlighted);
  code.classList.add('hljs');
}

function copyButton(text: string, code: HTMLElement, win: Win): HTMLButtonElement {
  const button = code.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'code-copy';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy code');
  let reset: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    void copyText(text, code, win).then((ok) => {
      button.textContent = ok ? 'Copied' : 'Copy failed';
      button.classList.toggle('copied', ok);
      clearTimeout(reset);
      reset = setTimeout(() => {
        button.textContent = 'Copy';
        button.classList.remove('copied');
      }, COPIED_MS);
    });
  });
  return button;
}

/** The clipboard API exists only in secure contexts; a LAN install on plain http falls back to a selection. */
async function copyText(text: string, code: HTMLElement, win: Win): Promise<boolean> {
  if (win.isSecureContext && win.navigator.clipboard) {
    try {
      await win.navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied or unfocused: try the selection instead.
    }
  }
  const selection = win.getSelection();
  if (!selection) return false;
  const range = code.ownerDocument.createRange();
  range.selectNodeContents(code);
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    return code.ownerDocument.execCommand('copy');
  } finally {
    selection.removeAllRanges();
  }
}

function foldButton(block: HTMLElement, lines: number): HTMLButtonElement {
  const button = block.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'code-fold';
  const show = (collapsed: boolean) => {
    block.classList.toggle('collapsed', collapsed);
    button.textContent = collapsed ? `Show more (${lines} lines)` : 'Show less';
    button.setAttribute('aria-expanded', String(!collapsed));
  };
  button.addEventListener('click', () => show(!block.classList.contains('collapsed')));
  show(true);
  return button;
}
