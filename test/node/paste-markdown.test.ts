/**
 * Rich pastes to Markdown (web/src/lib/composer/html-to-markdown.ts) on clipboard HTML shaped as
 * Word, Google Docs, Excel and Chrome write it (fixtures/paste/README.md says where each shape
 * comes from). It runs in Debian's Chromium, where the composer runs it: DOMParser and all.
 * Each result is also rendered by the message pipeline, to show it becomes what was copied.
 */
import { describe, expect, it } from 'vitest';
import { useMarkdownPage } from './markdown-page';
import excel from './fixtures/paste/excel.html?raw';
import googleDocs from './fixtures/paste/google-docs.html?raw';
import webPage from './fixtures/paste/web-page.html?raw';
import word from './fixtures/paste/word.html?raw';

const chromium = useMarkdownPage(`
  export { htmlToMarkdown } from '../composer/html-to-markdown';
  export { renderMarkdown } from './render';
`);

type Api = typeof import('../../web/src/lib/composer/html-to-markdown') & typeof import('../../web/src/lib/markdown/render');

interface Converted {
  markdown: string | null;
  /** The markdown rendered as a message, as HTML. */
  html: string;
}

function convert(html: string): Promise<Converted> {
  return chromium.page.evaluate((source) => {
    const { htmlToMarkdown, renderMarkdown } = (window as unknown as { hearthMarkdown: Api }).hearthMarkdown;
    const markdown = htmlToMarkdown(source);
    const out = document.createElement('div');
    out.replaceChildren(renderMarkdown(markdown ?? '', { mentions: [], broadcasts: [], myId: 'me' }));
    return { markdown, html: out.innerHTML };
  }, html);
}

describe('paste from Word', () => {
  it('turns typed-bullet paragraphs into nested and numbered lists, keeps emphasis and links, drops Office markup', async () => {
    const { markdown } = await convert(word);
    expect(markdown).toBe(
      [
        '# Lathe handover',
        '',
        'The new lathe is **installed** and *calibrated*; the old one is ~~for sale~~ gone. Manual: [lathe manual](https://intranet.example/docs/lathe-manual.pdf).',
        '',
        '- Check the coolant level',
        '  - Top up with **type B** only',
        '- Book the safety training',
        '',
        '1. Power off',
        '2. Lock out the breaker',
        '',
        'Photo of the new lathe',
        '',
        '| Part | Owner |',
        '| --- | --- |',
        '| Chuck key | Ben |',
      ].join('\n'),
    );
  });

  it('renders as the lists and table that were copied', async () => {
    const { html } = await convert(word);
    expect(html).toContain('<ul>\n<li>Check the coolant level\n<ul>\n<li>Top up with <strong>type B</strong> only</li>');
    expect(html).toContain('<ol>\n<li>Power off</li>');
    expect(html).toContain('<th>Part</th>');
    expect(html).not.toMatch(/file:|o:p|mso-|·/);
  });

  it('reads the marker from the comment form Word also writes (`<!--[if !supportLists]-->`), numbering from where it starts', async () => {
    const item = (n: string, text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='text-indent:-.25in;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>${n}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><!--[endif]-->${text}<o:p></o:p></p>`;
    const { markdown } = await convert(`${item('3.', 'Clamp')}${item('4.', 'Cut')}`);
    expect(markdown).toBe('3. Clamp\n4. Cut');
  });
});

describe('paste from Google Docs', () => {
  it('unwraps the not-bold wrapper, reads bold, italic and strikethrough from styles, nests the sub-list', async () => {
    const { markdown } = await convert(googleDocs);
    expect(markdown).toBe(
      [
        '## Release checklist',
        '',
        'Please **review** the *draft* [release notes](https://docs.example/document/d/1a2B3c/edit) before Friday; the ~~Thursday~~ slot is gone.',
        '',
        '- Tag the build',
        '  - From **main** only',
        '- Post the notes in #releases',
        '',
        '| Step | Who |',
        '| --- | --- |',
        '| Freeze | Ada |',
        '| Smoke test (staging) | Ben |',
      ].join('\n'),
    );
  });

  it('renders a heading, emphasis, a nested list and a table', async () => {
    const { html } = await convert(googleDocs);
    expect(html).toContain('<h2>Release checklist</h2>');
    expect(html).toContain('<del>Thursday</del>');
    expect(html).toMatch(/<li>Tag the build\n<ul>\n<li>From <strong>main<\/strong> only<\/li>/);
    expect(html).toContain('<td>Smoke test (staging)</td>');
  });
});

describe('paste from Excel', () => {
  it('becomes a table with the first row as its header, numbers aligned right, a | escaped', async () => {
    const { markdown } = await convert(excel);
    expect(markdown).toBe(
      [
        '| Part | Qty | Price | Notes |',
        '| --- | ---: | ---: | --- |',
        '| Bolt M6\\|M8 | 120 | 0.35 | 007 |',
        '| Washer | 1,500 | 1.20 | Zinc plated |',
        '| Total |     | 1,842.00 |     |',
      ].join('\n'),
    );
  });

  it('renders as a four-column table, the | kept in its cell', async () => {
    const { html } = await convert(excel);
    expect(html.match(/<th[ >]/g)).toHaveLength(4);
    expect(html).toContain('<td>Bolt M6|M8</td>');
    expect(html).toContain('<td class="align-right">1,842.00</td>');
  });
});

describe('paste from Google Sheets', () => {
  it('becomes a table headed by its first row', async () => {
    const sheets =
      '<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style>' +
      '<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1">' +
      '<colgroup><col width="100"/><col width="100"/></colgroup><tbody>' +
      '<tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;font-weight:bold;">Shift</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;font-weight:bold;">Lead</td></tr>' +
      '<tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;">Early</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;">Cy</td></tr>' +
      '</tbody></table></google-sheets-html-origin>';
    expect((await convert(sheets)).markdown).toBe('| Shift | Lead |\n| --- | --- |\n| Early | Cy  |');
  });
});

describe('paste from a web page', () => {
  it('keeps code, links, lists and tables; drops buttons, images (their description stays) and javascript: links', async () => {
    const { markdown } = await convert(webPage);
    expect(markdown).toBe(
      [
        '## [Syntax](https://developer.example/en-US/docs/Web/API/fetch#syntax)',
        '',
        'Call `fetch()` with a [Request](https://developer.example/en-US/docs/Web/API/Request); it **always** resolves, even on HTTP 404 or 500 (see error handling).',
        '',
        'js',
        '',
        '```',
        'const response = await fetch("/api/parts?page=2");',
        'if (!response.ok) throw new Error(response.status);',
        '```',
        '',
        '- `method`: the request method, e.g. *GET* or *POST*.',
        '- `mode`: see the table below.',
        '  - ~~navigate~~ is only for documents',
        '',
        'How a request flows through the service worker',
        '',
        '| Mode | Sends cookies |',
        '| --- | --- |',
        '| `cors` | Same origin only |',
        '| `no-cors` | Yes |',
      ].join('\n'),
    );
  });

  it('renders the code block and the table', async () => {
    const { html } = await convert(webPage);
    expect(html).toContain('<pre><code>const response = await fetch("/api/parts?page=2");');
    expect(html).toContain('<td><code>no-cors</code></td>');
    expect(html).not.toContain('javascript:');
  });
});

describe('what stays plain', () => {
  it('HTML that carries no more than its text is left to paste as text', async () => {
    expect((await convert('<meta charset="utf-8"><span style="color: rgb(29, 28, 29); font-size: 15px;">just words, snake_case and 2*3</span>')).markdown).toBeNull();
    expect((await convert('<div><p>One paragraph</p><p>and another</p></div>')).markdown).toBeNull();
    // VS Code's colours, on a theme that uses no bold: code, pasted as text.
    const vscode = '<meta charset="utf-8"><div style="color: #d4d4d4;background-color: #1e1e1e;font-family: Consolas, \'Courier New\', monospace;font-weight: normal;font-size: 14px;line-height: 19px;white-space: pre;"><div><span style="color: #569cd6;">const</span><span style="color: #d4d4d4;"> </span><span style="color: #4fc1ff;">x</span><span style="color: #d4d4d4;"> = </span><span style="color: #b5cea8;">1</span><span style="color: #d4d4d4;">;</span></div></div>';
    expect((await convert(vscode)).markdown).toBeNull();
  });

  it('nothing of a script, a style or an event handler survives, and nothing loads', async () => {
    const hostile = '<p><b>bold</b><script>window.__pwned = 1</script><style>p{}</style><img src="http://outside.invalid/x.png" onerror="window.__pwned = 1"><a href=" JaVaScRiPt:window.__pwned=1">x</a><a href="data:text/html,hi">y</a><iframe src="http://outside.invalid/"></iframe></p>';
    const { markdown } = await convert(hostile);
    expect(markdown).toBe('**bold**xy');
    expect(await chromium.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(chromium.requests).toEqual([]);
  });
});
