/** `:shortcode:` in rendered messages, in Debian's Chromium with the bundled emoji data. */
import { describe, expect, it } from 'vitest';
import { useMarkdownPage } from './markdown-page';

const markdownPage = useMarkdownPage("export { renderMarkdown } from './render'; export { enhanceMessage } from './enhance';", 'markdown');

/** Renders and enhances a body as a message does; returns its text, its HTML and whether it shows large. */
function show(body: string) {
  return markdownPage.page.evaluate(async (body) => {
    const out = document.getElementById('out')!;
    const api = (window as unknown as { hearthMarkdown: { renderMarkdown: (b: string, c: object) => DocumentFragment; enhanceMessage: (e: Element) => Promise<void> } }).hearthMarkdown;
    out.className = 'markdown';
    out.replaceChildren(api.renderMarkdown(body, { mentions: [], broadcasts: [], myId: 'me' }));
    await api.enhanceMessage(out);
    return { text: out.textContent, html: out.innerHTML, large: out.classList.contains('emoji-only') };
  }, body);
}

describe(':shortcodes: in messages', () => {
  it('become their emoji in text, bold and links alike', async () => {
    expect((await show('Shipped :tada: at last :+1:')).text).toBe('Shipped 🎉 at last 👍');
    expect((await show('**:fire:** [hot :fire:](https://lan.example/)')).html).toBe(
      '<p><strong>🔥</strong> <a href="https://lan.example/" target="_blank" rel="noopener noreferrer">hot 🔥</a></p>',
    );
  });

  it('stay as typed in code, and when no emoji has that name', async () => {
    expect((await show('`:tada:` and :not_an_emoji_at_all:')).text).toBe(':tada: and :not_an_emoji_at_all:');
    expect((await show('```\n:tada:\n```')).text).toContain(':tada:');
  });

  it('a message of only shortcodes shows large, like one of only emoji', async () => {
    expect((await show(':tada: :tada:')).large).toBe(true);
    expect((await show(':tada: done')).large).toBe(false);
  });

  it('are text, never markup, and load nothing from anywhere', async () => {
    expect((await show(':<img src=x onerror=alert(1)>:')).html).not.toContain('<img');
    expect(markdownPage.requests).toEqual([]);
  });
});
