/**
 * Fenced code blocks: the info string (`ts:src/app.ts`), highlighting by highlight.js behind
 * a span-only allow-list, the header, Copy and the fold for long blocks. The parsing half runs
 * here in Node; the DOM half in Debian's Chromium, as in markdown-render.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { useMarkdownPage } from './markdown-page';
import { parseCodeClass, safeCodeClass } from '../../web/src/lib/markdown/code-info';
import { HIGHLIGHTED_NAMES, languageFor } from '../../web/src/lib/markdown/languages';
import { markdownToHtml } from '../../web/src/lib/markdown/parse';

const LONG_FILE = `src/${'a'.repeat(300)}.ts`;
const LONG_LANGUAGE = 'x'.repeat(41);

describe('code block info strings', () => {
  it('splits the language from the file name', () => {
    expect(markdownToHtml('```ts:src/app.ts\nx\n```')).toBe('<pre><code class="language-ts:src/app.ts">x\n</code></pre>');
    expect(parseCodeClass('language-ts:src/app.ts')).toEqual({ language: 'ts', file: 'src/app.ts' });
    expect(parseCodeClass('language-c++')).toEqual({ language: 'c++', file: null });
    expect(parseCodeClass('language-py:a:b.py')).toEqual({ language: 'py', file: null });
  });

  it('keeps a file name that climbs folders as text to show, nothing more', () => {
    expect(parseCodeClass('language-ts:../../etc/passwd')).toEqual({ language: 'ts', file: '../../etc/passwd' });
  });

  it('drops what does not fit: markup, odd characters, very long parts', () => {
    expect(safeCodeClass('language-"><img src=x onerror=alert(1)>')).toBeNull();
    expect(safeCodeClass('language-ts:"><img src=x>')).toBe('language-ts');
    expect(safeCodeClass('language-ts:a<b')).toBe('language-ts');
    expect(safeCodeClass(`language-${LONG_LANGUAGE}`)).toBeNull();
    expect(safeCodeClass(`language-ts:${LONG_FILE}`)).toBe('language-ts');
    expect(safeCodeClass('language-:src/app.ts')).toBeNull();
    expect(safeCodeClass('hljs')).toBeNull();
  });

  it('knows the common languages by their usual names', () => {
    const names = ['ts', 'typescript', 'js', 'javascript', 'python', 'py', 'java', 'c', 'cpp', 'csharp', 'cs', 'go', 'rust',
      'bash', 'sh', 'shell', 'sql', 'json', 'yaml', 'yml', 'xml', 'html', 'css', 'markdown', 'md', 'diff', 'kotlin', 'php',
      'ruby', 'swift', 'dockerfile', 'ini', 'toml', 'TS', 'C#'];
    for (const name of names) expect(languageFor(name).grammar, name).not.toBeNull();
    expect(languageFor('ts').label).toBe('TypeScript');
    expect(languageFor('toml').label).toBe('TOML');
    expect(languageFor('text')).toMatchObject({ grammar: null, label: 'Text' });
    expect(languageFor('brainfuck')).toMatchObject({ grammar: null, label: 'brainfuck' });
  });

  it('loads a grammar for every name it knows', async () => {
    for (const name of HIGHLIGHTED_NAMES) {
      const module = await languageFor(name).load!();
      expect(typeof module.default, name).toBe('function');
    }
  });
});

const markdownPage = useMarkdownPage("export { renderMarkdown } from './render'; export { enhanceMessage } from './enhance';", 'markdown');

interface Block {
  pwned: boolean;
  language: string | null;
  file: string | null;
  classes: string;
  codeClass: string;
  codeText: string;
  /** Every element inside `<code>`, as its tag and attributes. */
  tokens: { tag: string; attrs: Record<string, string> }[];
  /** Every element in the message. */
  elements: { tag: string; attrs: Record<string, string> }[];
  fold: string | null;
}

function renderBlock(markdown: string): Promise<Block> {
  return markdownPage.page.evaluate(async (body) => {
    type Api = typeof import('../../web/src/lib/markdown/render') & typeof import('../../web/src/lib/markdown/enhance');
    const w = window as unknown as { __pwned?: number; hearthMarkdown: Api };
    const out = document.getElementById('out')!;
    out.replaceChildren(w.hearthMarkdown.renderMarkdown(body, { mentions: [], broadcasts: [], myId: 'me' }));
    await w.hearthMarkdown.enhanceMessage(out);
    await new Promise((r) => setTimeout(r, 30));
    const describe = (e: Element) => ({ tag: e.localName, attrs: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])) });
    const block = out.querySelector('.code-block');
    const code = out.querySelector('pre > code')!;
    return {
      pwned: w.__pwned === 1,
      language: block?.querySelector('.code-language')?.textContent ?? null,
      file: block?.querySelector('.code-file')?.textContent ?? null,
      classes: block?.className ?? '',
      codeClass: code.className,
      codeText: code.textContent ?? '',
      tokens: [...code.querySelectorAll('*')].map(describe),
      elements: [...out.querySelectorAll('*')].map(describe),
      fold: block?.querySelector('.code-fold')?.textContent ?? null,
    };
  }, markdown);
}

const HLJS_CLASS = /^(?:hljs-[a-z][\w-]*|[a-z][a-z-]*_+|language-[a-z][\w-]*)$/;

function expectOnlyHljsSpans(tokens: Block['tokens']): void {
  for (const { tag, attrs } of tokens) {
    expect(tag).toBe('span');
    expect(Object.keys(attrs)).toEqual(['class']);
    for (const name of attrs.class.split(' ')) expect(name).toMatch(HLJS_CLASS);
  }
}

/** What an enhanced message may hold beyond the sanitizer's own allow-list. */
const BLOCK_PARTS: Record<string, string[]> = {
  div: ['class', 'data-testid'], span: ['class', 'title'], button: ['type', 'class', 'aria-label', 'aria-expanded'],
  pre: [], code: ['class'],
};

function expectOnlyBlockParts(elements: Block['elements']): void {
  for (const { tag, attrs } of elements) {
    expect(BLOCK_PARTS).toHaveProperty(tag);
    for (const name of Object.keys(attrs)) expect(BLOCK_PARTS[tag]).toContain(name);
  }
}

describe('code blocks in Chromium', () => {
  const source = 'import { x } from "./x";\n// say hi\nexport function hi(name: string): number {\n  return `hi ${name}`.length + 42;\n}\n';

  it('shows the language and file name above highlighted TypeScript', async () => {
    const block = await renderBlock('```ts:src/app.ts\n' + source + '```');
    expect(block).toMatchObject({ language: 'TypeScript', file: 'src/app.ts', fold: null, codeText: source });
    expect(block.codeClass).toBe('language-ts:src/app.ts hljs');
    expect(block.tokens.map((t) => t.attrs.class)).toEqual(expect.arrayContaining(['hljs-keyword', 'hljs-string', 'hljs-comment', 'hljs-number']));
    expectOnlyHljsSpans(block.tokens);
    expectOnlyBlockParts(block.elements);
  });

  it('highlights code that looks like markup as text, in spans only', async () => {
    const attack = '"</span><img src=x onerror=window.__pwned=1>";\n<script>window.__pwned=1</script>\n';
    for (const language of ['ts', 'html', 'markdown', 'php']) {
      const block = await renderBlock(`\`\`\`${language}\n${attack}\`\`\``);
      expect(block.pwned).toBe(false);
      expect(block.codeText).toBe(attack);
      expect(block.tokens.length).toBeGreaterThan(0);
      expectOnlyHljsSpans(block.tokens);
      expectOnlyBlockParts(block.elements);
    }
  });

  it.each([
    ['```"><img src=x onerror=window.__pwned=1>\ncode\n```', 'Text', null],
    ['```ts:"><img src=x onerror=window.__pwned=1>\ncode\n```', 'TypeScript', null],
    ['```ts:../../etc/passwd\ncode\n```', 'TypeScript', '../../etc/passwd'],
    [`\`\`\`${LONG_LANGUAGE}\ncode\n\`\`\``, 'Text', null],
    [`\`\`\`ts:${LONG_FILE}\ncode\n\`\`\``, 'TypeScript', null],
    ['```js onerror=window.__pwned=1\ncode\n```', 'JavaScript', null],
  ])('shows hostile info string %j as harmless text', async (markdown, language, file) => {
    const block = await renderBlock(markdown);
    expect(block).toMatchObject({ pwned: false, language, file, codeText: 'code\n' });
    expectOnlyHljsSpans(block.tokens);
    expectOnlyBlockParts(block.elements);
  });

  it('shows an unknown language as plain text under its own name', async () => {
    const block = await renderBlock('```brainfuck\n++[>+<-]\n```');
    expect(block).toMatchObject({ language: 'brainfuck', file: null, codeClass: 'language-brainfuck', tokens: [] });
  });

  it('folds a block longer than 15 lines, and unfolds it', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');
    expect((await renderBlock('```\n' + lines(15) + '\n```')).fold).toBeNull();
    const long = await renderBlock('```\n' + lines(16) + '\n```');
    expect(long.classes).toBe('code-block collapsed');
    expect(long.fold).toBe('Show more (16 lines)');
    const toggled = await markdownPage.page.evaluate(() => {
      const block = document.querySelector('.code-block')!;
      const fold = block.querySelector<HTMLButtonElement>('.code-fold')!;
      fold.click();
      const open = { classes: block.className, text: fold.textContent, expanded: fold.getAttribute('aria-expanded') };
      fold.click();
      return [open, { classes: block.className, text: fold.textContent, expanded: fold.getAttribute('aria-expanded') }];
    });
    expect(toggled).toEqual([
      { classes: 'code-block', text: 'Show less', expanded: 'true' },
      { classes: 'code-block collapsed', text: 'Show more (16 lines)', expanded: 'false' },
    ]);
  });

  it('copies the code as written and says so, with the clipboard API or a selection', async () => {
    const copy = (secure: boolean) => markdownPage.page.evaluate(async (secure) => {
      let text: string | null = null;
      Object.defineProperty(window, 'isSecureContext', { configurable: true, value: secure });
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => { text = t; } } });
      document.addEventListener('copy', () => { text ??= getSelection()!.toString(); }, { once: true });
      const button = document.querySelector<HTMLButtonElement>('.code-copy')!;
      button.click();
      await new Promise((r) => setTimeout(r, 20));
      return { text, label: button.textContent };
    }, secure);
    await renderBlock('```ts:src/app.ts\n' + source + '```');
    const written = source.replace(/\n$/, '');
    expect(await copy(true)).toEqual({ text: written, label: 'Copied' });
    await renderBlock('```ts:src/app.ts\n' + source + '```');
    expect(await copy(false)).toEqual({ text: written, label: 'Copied' });
  });

  it('made no request while rendering all of the above', () => {
    expect(markdownPage.requests).toEqual([]);
  });
});
