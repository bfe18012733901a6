/**
 * Finding `@name` mentions in a message body: the server resolves them to
 * people, the web app highlights the same tokens. Pure, no dependencies.
 */
import { LIMITS } from './limits';
import { BROADCAST_MENTIONS, type BroadcastMention } from './model';

/** One `@name` in a text: `start` is the index of the `@`, `end` is just past the name. */
export interface MentionToken {
  start: number;
  end: number;
  /** Lowercase, without the `@`. */
  name: string;
  /** Set when the name is `channel`, `everyone` or `here`. */
  broadcast: BroadcastMention | null;
}

// An `@` starts a mention only at the start or after a character that cannot be in a word, so an
// address like a@b.com is not one. Usernames are lowercase; `@Ana` is typed often enough to count.
const MENTION = /(?<![\p{L}\p{N}_])@([A-Za-z0-9][A-Za-z0-9._-]*)/gu;

/** Every mention-shaped token in `text`, in order; a trailing dot ends the sentence, not the name. */
export function mentionTokens(text: string): MentionToken[] {
  const tokens: MentionToken[] = [];
  for (const match of text.matchAll(MENTION)) {
    const name = match[1].replace(/\.+$/, '').toLowerCase();
    if (name.length > LIMITS.usernameMax) continue;
    const broadcast = (BROADCAST_MENTIONS as readonly string[]).includes(name) ? (name as BroadcastMention) : null;
    tokens.push({ start: match.index, end: match.index + 1 + name.length, name, broadcast });
  }
  return tokens;
}

/** The distinct names and broadcasts a text mentions, each in order of first appearance. */
export function parseMentions(text: string): { names: string[]; broadcasts: BroadcastMention[] } {
  const names = new Set<string>();
  const broadcasts = new Set<BroadcastMention>();
  for (const token of mentionTokens(text)) {
    if (token.broadcast) broadcasts.add(token.broadcast);
    else names.add(token.name);
  }
  return { names: [...names], broadcasts: [...broadcasts] };
}
