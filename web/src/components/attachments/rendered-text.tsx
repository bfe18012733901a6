import { createEffect, type JSX } from 'solid-js';
import { enhanceMessage } from '../../lib/markdown/enhance';
import { renderMarkdown } from '../../lib/markdown/render';

/** Longest Markdown file drawn as a message would be; a longer one shows its source. */
export const RENDER_MAX_CHARS = 100_000;

/** A fence that no line of `text` can close: one backtick more than its longest run. */
const fenceFor = (text: string) => '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));

/** Markdown drawn exactly as messages are (sanitized, then enhanced); `.puml` as a PlantUML fence on the same path. */
export function RenderedText(props: { text: string; as: 'markdown' | 'plantuml' }): JSX.Element {
  let root!: HTMLDivElement;
  createEffect(() => {
    const fence = fenceFor(props.text);
    const source = props.as === 'plantuml' ? `${fence}plantuml\n${props.text.replace(/\n$/, '')}\n${fence}` : props.text;
    root.replaceChildren(renderMarkdown(source, { mentions: [], broadcasts: [], myId: '' }));
    void enhanceMessage(root);
  });
  return <div class="markdown rendered-file" data-testid="rendered-file" ref={root} />;
}
