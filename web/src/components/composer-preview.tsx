import { createEffect, Show, type JSX } from 'solid-js';
import type { ChannelMember } from '../api/endpoints';
import { draftMentions } from '../lib/composer/draft-mentions';
import { drawMessageText } from './message-text';

/** The draft drawn exactly as the message will be: same renderer, mentions resolved the server's way. */
export function ComposerPreview(props: { text: string; members: readonly ChannelMember[]; myId: string; ref: (element: HTMLElement) => void }): JSX.Element {
  let body!: HTMLDivElement;
  createEffect(() => drawMessageText(body, props.text, draftMentions(props.text, props.members, props.myId)));
  return (
    <div class="composer-preview" tabindex="0" role="region" aria-label="Preview of your message" data-testid="composer-preview" ref={props.ref}>
      <Show when={!props.text.trim()}>
        <p class="composer-preview-empty">Nothing to preview yet.</p>
      </Show>
      <div class="markdown" ref={body} />
    </div>
  );
}
