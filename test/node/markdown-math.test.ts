/**
 * Math in messages: the `$…$` / `$$…$$` syntax (in Node) and KaTeX drawing it with its DOM API
 * (in Debian's Chromium), where a formula can link, load or run nothing.
 */
import { describe, expect, it } from 'vitest';
import { useMarkdownPage } from './markdown-page';
import { markdownToHtml } from '../../web/src/lib/markdown/parse';

describe('math syntax', () => {
  it('reads $…$ as inline math and $$…$$ as display math, as code the sanitizer already allows', () => {
    expect(markdownToHtml('Euler: $e^{i\\pi}+1=0$')).toBe('<p>Euler: <code class="language-math-inline">e^{i\\pi}+1=0</code></p>');
    expect(markdownToHtml('$$x^2$$')).toBe('<p><code class="language-math-display">x^2</code></p>');
    expect(markdownToHtml('$$\n\\int_0^1 x\\,dx\n$$')).toBe('<pre><code class="language-math">\\int_0^1 x\\,dx</code></pre>');
    expect(markdownToHtml('```math\nx\n```')).toBe('<pre><code class="language-math">x\n</code></pre>');
  });

  it('keeps prices and spaced dollars as text (Pandoc\'s rule)', () => {
    expect(markdownToHtml('It costs $5 and $10 now')).toBe('<p>It costs $5 and $10 now</p>');
    expect(markdownToHtml('$ x $')).toBe('<p>$ x $</p>');
    expect(markdownToHtml('between $1 and $2, say')).toBe('<p>between $1 and $2, say</p>');
  });

  it('escapes TeX as text and leaves code spans alone', () => {
    expect(markdownToHtml('$a<b>c$')).toBe('<p><code class="language-math-inline">a&lt;b&gt;c</code></p>');
    expect(markdownToHtml('$$\n</code><script>alert(1)</script>\n$$')).toBe(
      '<pre><code class="language-math">&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>',
    );
    expect(markdownToHtml('`$x$`')).toBe('<p><code>$x$</code></p>');
  });
});

const markdownPage = useMarkdownPage("export { renderMarkdown } from './render'; export { enhanceMessage } from './enhance';", 'markdown');

interface Shown {
  html: string;
  text: string;
  katex: number;
  display: number;
  links: number;
  styled: number;
  /** Images, data attributes or styles naming a URL: what \\includegraphics, \\htmlData and \\htmlStyle would add. */
  unsafe: number;
  errors: string[];
}

/** Renders and enhances a body as a message does. */
function show(body: string): Promise<Shown> {
  return markdownPage.page.evaluate(async (body) => {
    const out = document.getElementById('out')!;
    const api = (window as unknown as { hearthMarkdown: { renderMarkdown: (b: string, c: object) => DocumentFragment; enhanceMessage: (e: Element) => Promise<void> } }).hearthMarkdown;
    out.replaceChildren(api.renderMarkdown(body, { mentions: [], broadcasts: [], myId: 'me' }));
    await api.enhanceMessage(out);
    return {
      html: out.innerHTML,
      text: out.textContent ?? '',
      katex: out.querySelectorAll('.math .katex').length,
      display: out.querySelectorAll('.math-display .katex-display').length,
      links: out.querySelectorAll('a, [href]').length,
      // KaTeX sizes its boxes with inline styles set through the CSSOM; they must have applied.
      styled: [...out.querySelectorAll<HTMLElement>('.katex-html *')].filter((el) => el.style.length > 0).length,
      errors: [...out.querySelectorAll('.katex-error')].map((el) => el.textContent ?? ''),
      unsafe: out.querySelectorAll('img, [data-foo], [style*="url("]').length,
    };
  }, body);
}

describe('math drawn by KaTeX', () => {
  it('draws inline and display math with its styles applied', async () => {
    const shown = await show('Euler: $e^{i\\pi}+1=0$\n$$\n\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}\n$$');
    expect(shown.katex).toBe(2);
    expect(shown.display).toBe(1);
    expect(shown.styled).toBeGreaterThan(5);
    expect(shown.html).toContain('<math'); // MathML for screen readers
    expect(shown.errors).toEqual([]);
  });

  it('shows a formula it cannot read as its source, marked as an error', async () => {
    const shown = await show('$\\frac{1}{$ and $\\sqrt{$');
    expect(shown.errors).toEqual(['\\frac{1}{', '\\sqrt{']);
  });

  it('refuses commands that would link, load or style: \\href, \\url, \\includegraphics, \\htmlStyle', async () => {
    const shown = await show([
      '$\\href{javascript:alert(1)}{click}$',
      '$\\url{https://example.com}$',
      '$\\includegraphics{https://example.com/x.png}$',
      '$\\htmlStyle{background:url(https://example.com/x)}{x}$',
      '$\\htmlData{foo=bar}{x}$',
    ].join(' '));
    expect(shown.links).toBe(0);
    expect(shown.unsafe).toBe(0);
  });

  it('stays bounded on macros that expand without end', async () => {
    const shown = await show('$\\def\\a{\\a\\a}\\a$ $\\rule{100000em}{100000em}$');
    expect(shown.katex + shown.errors.length).toBeGreaterThan(0);
  });

  it('makes no request of its own', () => {
    expect(markdownPage.requests).toEqual([]);
  });
});
