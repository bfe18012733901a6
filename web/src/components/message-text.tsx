import { createEffect, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { isEmojiOnly } from '../lib/markdown/emoji-only';
import { enhanceMessage } from '../lib/markdown/enhance';
import { renderMarkdown, type MentionContext } from '../lib/markdown/render';

/** A message's text as Markdown, with its resolved mentions drawn as chips (yours stand out) and code blocks highlighted; only emoji show large. */
export function MessageText(props: { message: Message; myId: string }): JSX.Element {
  let body!: HTMLDivElement;
  createEffect(() => {
    const { body: text, mentions, broadcasts } = props.message;
    drawMessageText(body, text, { mentions, broadcasts, myId: props.myId });
  });
  return <div class="markdown" data-testid="message-body" ref={body} />;
}

/**
 * Draws a message body into `element` (class "markdown"). The composer's preview draws with it
 * too, so the preview is what the message will look like.
 */
export function drawMessageText(element: HTMLElement, text: string, context: MentionContext): void {
  element.replaceChildren(renderMarkdown(text, context));
  // Set here rather than bound: enhancing may find a message of :shortcodes: is only emoji too.
  element.classList.toggle('emoji-only', isEmojiOnly(text));
  void enhanceMessage(element);
}

/** Whether a message calls on this person: by name, or @channel/@everyone/@here. Never their own. */
export function mentionsMe(message: Message, myId: string): boolean {
  if (message.authorId === myId || message.deletedAt !== null) return false;
  return message.broadcasts.length > 0 || message.mentions.some((m) => m.userId === myId);
}
