/**
 * Resolved mentions drawn as chips in rendered Markdown. The server resolved them in the
 * body with the shared tokenizer; the same tokenizer finds them again in the text here,
 * except in code, where an `@name` is code.
 */
import { mentionTokens } from '../../../../src/shared/mentions';
import type { BroadcastMention, Mention } from '../../../../src/shared/model';

export interface MentionContext {
  mentions: Mention[];
  broadcasts: BroadcastMention[];
  myId: string;
}

export function highlightMentions(root: DocumentFragment | Element, context: MentionContext): void {
  if (context.mentions.length === 0 && context.broadcasts.length === 0) return;
  const people = new Map(context.mentions.map((m) => [m.username, m.userId]));
  const doc = root.ownerDocument ?? (root as unknown as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('code, pre')) texts.push(node as Text);
  }
  for (const text of texts) {
    const pieces: (string | Node)[] = [];
    let last = 0;
    for (const token of mentionTokens(text.data)) {
      const userId = people.get(token.name);
      const broadcast = token.broadcast !== null && context.broadcasts.includes(token.broadcast);
      if (userId === undefined && !broadcast) continue;
      pieces.push(text.data.slice(last, token.start));
      const chip = doc.createElement('span');
      chip.className = broadcast || userId === context.myId ? 'mention me' : 'mention';
      chip.dataset.testid = 'mention';
      chip.textContent = text.data.slice(token.start, token.end);
      pieces.push(chip);
      last = token.end;
    }
    if (last === 0) continue;
    pieces.push(text.data.slice(last));
    text.replaceWith(...pieces.filter((p) => p !== ''));
  }
}
