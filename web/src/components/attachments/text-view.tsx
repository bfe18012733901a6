import { createEffect, createSignal, Show, type JSX } from 'solid-js';
import { MAX_HIGHLIGHT_CHARS } from '../../lib/markdown/highlight';

/** Text with line numbers, highlighted as `language` (a name languages.ts knows; none for plain text). */
export function TextView(props: { text: string; language: string | null; truncated?: boolean }): JSX.Element {
  let code!: HTMLElement;
  const lines = () => props.text.replace(/\n$/, '').split('\n').length;
  const [highlighted, setHighlighted] = createSignal(false);
  createEffect(() => {
    const text = props.text;
    code.textContent = text;
    setHighlighted(false);
    const language = props.language;
    if (!language || text.length > MAX_HIGHLIGHT_CHARS) return;
    void import('../../lib/markdown/highlight').then(async ({ highlightCode }) => {
      const fragment = await highlightCode(text, language);
      if (fragment && code.textContent === text) {
        code.replaceChildren(fragment);
        setHighlighted(true);
      }
    });
  });
  return (
    <div class="text-view" data-testid="text-view">
      <div class="text-view-scroll">
        <pre class="text-view-gutter" aria-hidden="true">
          {Array.from({ length: lines() }, (_, i) => i + 1).join('\n')}
        </pre>
        <pre class="text-view-code">
          <code ref={code} classList={{ hljs: highlighted() }} data-testid="text-view-code" />
        </pre>
      </div>
      <Show when={props.truncated}>
        <p class="hint text-view-more">Showing the start of the file. Download it to see the rest.</p>
      </Show>
    </div>
  );
}
