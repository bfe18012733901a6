/**
 * TeX in a rendered message, drawn by KaTeX (bundled, loaded with the first message that has
 * math). KaTeX must draw with `katex.render()`: it sets its inline styles through the CSSOM,
 * which the page's CSP allows, whereas its HTML string's `style` attributes would be blocked
 * (and must never pass the sanitizer anyway). `trust: false` refuses `\href`, `\url`,
 * `\includegraphics` and the `\html…` commands, so math can link, load or style nothing.
 */
import type { KatexOptions } from 'katex';

/** The code elements math-syntax.ts writes, by how each is drawn. */
const MATH_SELECTOR = 'code.language-math-inline, code.language-math-display, pre > code.language-math';
/** Past this much TeX a formula stays as its source: KaTeX would stall the page. */
export const MAX_MATH_CHARS = 5_000;

const OPTIONS: KatexOptions = {
  // KaTeX's own error display colours itself with a style attribute, which the CSP blocks:
  // parse errors are caught and shown by showUnreadable() instead.
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 500,
  output: 'htmlAndMathml',
};

let katexLoading: Promise<typeof import('katex').default> | undefined;

function loadKatex() {
  katexLoading ??= Promise.all([import('katex'), import('./math-style')]).then(([module]) => module.default);
  katexLoading.catch(() => (katexLoading = undefined));
  return katexLoading;
}

/** Whether a fenced block is math, so code-block.ts leaves it to this module. */
export function isMathCode(code: Element): boolean {
  return code.matches(MATH_SELECTOR);
}

function showUnreadable(target: HTMLElement, tex: string, message: string): void {
  const source = target.ownerDocument.createElement('span');
  source.className = 'katex-error';
  source.title = message;
  source.textContent = tex;
  target.replaceChildren(source);
}

/** Draws every formula under `root`; a formula KaTeX cannot read shows its source in the error colour. */
export async function renderMath(root: Element | DocumentFragment): Promise<void> {
  const codes = [...root.querySelectorAll(MATH_SELECTOR)] as HTMLElement[];
  if (codes.length === 0) return;
  const katex = await loadKatex();
  for (const code of codes) {
    const tex = code.textContent ?? '';
    if (!root.contains(code)) continue; // the message was redrawn while KaTeX loaded
    if (tex.length > MAX_MATH_CHARS) continue;
    const display = !code.classList.contains('language-math-inline');
    const target = code.ownerDocument.createElement(display ? 'div' : 'span');
    target.className = display ? 'math math-display' : 'math math-inline';
    target.dataset.testid = 'math';
    target.title = tex;
    try {
      katex.render(tex, target, { ...OPTIONS, displayMode: display });
    } catch (error) {
      if (!(error instanceof katex.ParseError)) throw error;
      showUnreadable(target, tex, error.message);
    }
    (code.parentElement?.tagName === 'PRE' ? code.parentElement : code).replaceWith(target);
  }
}
