/**
 * The message pipeline (parse.ts → sanitize.ts → soft breaks → mentions) against hand-picked
 * attacks and chat behaviour. DOMPurify's safety rests on the browser's own HTML parser, so
 * the DOM half runs in Debian's Chromium (the project has no jsdom or happy-dom, whose
 * parsers differ from a browser's); the parser half is checked here in Node.
 */
import { describe, expect, it } from 'vitest';
import { useMarkdownPage } from './markdown-page';
import { markdownToHtml } from '../../web/src/lib/markdown/parse';

describe('markdownToHtml', () => {
  it('shows raw HTML as text', () => {
    expect(markdownToHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownToHtml('a <img src=x onerror=alert(1)> b')).toBe('<p>a &lt;img src=x onerror=alert(1)&gt; b</p>');
  });
  it('drops link targets with other protocols', () => {
    expect(markdownToHtml('[x](javascript:alert(1))')).toBe('<p><a href="">x</a></p>');
    expect(markdownToHtml('[x](JaVaScRiPt:alert(1))')).toBe('<p><a href="">x</a></p>');
    expect(markdownToHtml('<javascript:alert(1)>')).toBe('<p><a href="">javascript:alert(1)</a></p>');
  });
  it('writes table alignment as an attribute, never as style', () => {
    expect(markdownToHtml('| a | b |\n|:-:|--:|\n| 1 | 2 |')).not.toContain('style');
  });
});

/** Attacks as Markdown a member could send; none may leave script, style, a form or a live odd link. */
const ATTACKS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r=5 /></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<style>body{display:none}</style>',
  '<form action="/api/x"><input name=a><button>go</button></form>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<div style="position:fixed;inset:0">cover</div>',
  '[click](javascript:window.__pwned=1)',
  '[click](JAVASCRIPT:window.__pwned=1)',
  '[click](java\tscript:window.__pwned=1)',
  '[click](&#106;avascript:window.__pwned=1)',
  '[click](&#x6A;&#x61;vascript&colon;window.__pwned=1)',
  '[click](jav&#x09;ascript:window.__pwned=1)',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click](file:///etc/passwd)',
  '[click](  javascript:window.__pwned=1)',
  '<javascript:window.__pwned=1>',
  '<data:text/html,<script>window.__pwned=1</script>>',
  '![x](javascript:window.__pwned=1)',
  '![x" onerror="window.__pwned=1](http://example.invalid/a.png)',
  '![pic](http://example.invalid/track.png)',
  '[x](http://example.com "title\\" onmouseover=\\"window.__pwned=1")',
  '[x][ref]\n\n[ref]: javascript:window.__pwned=1',
  '```html\n<script>window.__pwned=1</script>\n```',
  '`<img src=x onerror=window.__pwned=1>`',
  '```"><img src=x onerror=window.__pwned=1>\ncode\n```',
  '```js onerror=window.__pwned=1\ncode\n```',
  '- [x] <input type=text autofocus onfocus=window.__pwned=1>',
  '| a |\n|---|\n| <img src=x onerror=window.__pwned=1> |',
  '<a href="http://x" target="_self" onclick="window.__pwned=1">x</a>',
  '<details open ontoggle="window.__pwned=1">x</details>',
  '<base href="http://evil.invalid/">',
  '<meta http-equiv="refresh" content="0;url=http://evil.invalid/">',
  '<link rel=stylesheet href=http://evil.invalid/x.css>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<!--<img src=x onerror=window.__pwned=1>-->',
  'www.example.com/<img src=x onerror=window.__pwned=1>',
  '@everyone <img src=x onerror=window.__pwned=1>',
];

/** What a rendered message may hold: each element and the attributes it may carry. */
const TEXT: string[] = [];
const CELL = ['class'];
const ALLOWED: Record<string, string[]> = {
  a: ['href', 'title', 'target', 'rel'], blockquote: TEXT, br: TEXT, code: ['class'], del: TEXT, em: TEXT,
  h1: TEXT, h2: TEXT, h3: TEXT, h4: TEXT, h5: TEXT, h6: TEXT, hr: TEXT, input: ['type', 'checked', 'disabled'],
  li: TEXT, ol: ['start'], p: TEXT, pre: TEXT, strong: TEXT, table: TEXT, thead: TEXT, tbody: TEXT, tr: TEXT,
  th: CELL, td: CELL, ul: TEXT, span: ['class', 'data-testid'],
};

const markdownPage = useMarkdownPage("export * from './render';");

interface Rendered {
  html: string;
  pwned: boolean;
  /** Every element rendered, as its tag and its attributes. */
  elements: { tag: string; attrs: Record<string, string> }[];
}

function render(markdown: string, myId = 'me'): Promise<Rendered> {
  return markdownPage.page.evaluate(
    async ([body, id]) => {
      const w = window as unknown as { __pwned?: number; hearthMarkdown: typeof import('../../web/src/lib/markdown/render') };
      const out = document.getElementById('out')!;
      const mentions = [{ username: 'ana', userId: 'u-ana' }, { username: 'me', userId: 'me' }] as never[];
      out.replaceChildren(w.hearthMarkdown.renderMarkdown(body, { mentions, broadcasts: ['everyone'], myId: id }));
      await new Promise((r) => setTimeout(r, 30)); // let any onerror/onload fire
      const elements = [...out.querySelectorAll('*')].map((e) => ({ tag: e.localName, attrs: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])) }));
      return { html: out.innerHTML, pwned: w.__pwned === 1, elements };
    },
    [markdown, myId] as const,
  );
}

describe('renderMarkdown in Chromium', () => {
  it.each(ATTACKS)('leaves %j inert', async (attack) => {
    const { pwned, elements } = await render(attack);
    expect(pwned).toBe(false);
    for (const { tag, attrs } of elements) {
      expect(ALLOWED).toHaveProperty(tag);
      for (const name of Object.keys(attrs)) expect(ALLOWED[tag]).toContain(name);
      if ('href' in attrs) expect(attrs.href).toMatch(/^(https?:|mailto:)/);
      if (tag === 'input') expect(attrs).toMatchObject({ type: 'checkbox', disabled: '' });
    }
  });

  it('renders chat Markdown: a new line is a line break, blocks keep theirs', async () => {
    const { html } = await render('one\ntwo *three\nfour*\n\n- a\n- b\n  - c\n\n```\nx\ny\n```');
    expect(html).toBe('<p>one<br>two <em>three<br>four</em></p>\n<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n<pre><code>x\ny\n</code></pre>');
  });

  it('opens links in a new tab without an opener or referrer', async () => {
    const { html } = await render('[a](https://hearth.lan/x) www.example.com <mailto:a@b.c> <https://b.lan>');
    expect(html).toContain('<a href="https://hearth.lan/x" target="_blank" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="http://www.example.com" target="_blank" rel="noopener noreferrer">www.example.com</a>');
    expect(html).toContain('<a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer">mailto:a@b.c</a>');
  });

  it('aligns table cells with classes', async () => {
    const { html } = await render('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
    expect(html).not.toContain('align=');
  });

  it('renders task lists as disabled checkboxes', async () => {
    const { html } = await render('- [x] done\n- [ ] todo');
    expect(html).toContain('<li><input type="checkbox" disabled="" checked=""> done</li>');
    expect(html).toContain('<li><input type="checkbox" disabled=""> todo</li>');
  });

  it('keeps a code block language as its only class', async () => {
    const { html } = await render('```ts\nlet a = 1;\n```');
    expect(html).toBe('<pre><code class="language-ts">let a = 1;\n</code></pre>');
  });

  it('draws resolved mentions, mine and broadcasts stand out, none inside code', async () => {
    const { html } = await render('hi @Ana and @me, @everyone, not @bob\n`@ana` and\n```\n@ana\n```');
    expect(html).toContain('<span class="mention" data-testid="mention">@Ana</span>');
    expect(html).toContain('<span class="mention me" data-testid="mention">@me</span>');
    expect(html).toContain('<span class="mention me" data-testid="mention">@everyone</span>');
    expect(html).toContain('not @bob');
    expect(html).toContain('<code>@ana</code>');
    expect(html).toContain('<pre><code>@ana\n</code></pre>');
  });

  it('keeps an image as its description, loading nothing', async () => {
    const { html } = await render('see ![the plan](http://example.invalid/plan.png)');
    expect(html).toBe('<p>see the plan</p>');
  });

  it('made no request while rendering all of the above', () => {
    expect(markdownPage.requests).toEqual([]);
  });
});
