import { mentionTokens } from '../../../src/shared/mentions';
import type { BroadcastMention, Mention } from '../../../src/shared/model';

export type Segment = { text: string } | { text: string; mention: { userId: string | null; broadcast: boolean } };

/**
 * Splits a body into text and the mentions the server resolved in it (found
 * with the server's own tokenizer), so only names that reach someone are drawn as mentions.
 */
export function mentionSegments(body: string, mentions: Mention[], broadcasts: BroadcastMention[]): Segment[] {
  if (mentions.length === 0 && broadcasts.length === 0) return [{ text: body }];
  const people = new Map(mentions.map((m) => [m.username, m.userId]));
  const segments: Segment[] = [];
  let last = 0;
  for (const token of mentionTokens(body)) {
    const userId = people.get(token.name);
    const isBroadcast = token.broadcast !== null && broadcasts.includes(token.broadcast);
    if (userId === undefined && !isBroadcast) continue;
    if (token.start > last) segments.push({ text: body.slice(last, token.start) });
    segments.push({ text: body.slice(token.start, token.end), mention: { userId: userId ?? null, broadcast: isBroadcast } });
    last = token.end;
  }
  if (last < body.length) segments.push({ text: body.slice(last) });
  return segments;
}
