import { LIMITS } from './limits';

/**
 * The search box's language (issue 7), shared by the server and the web app's autocomplete:
 * words, "exact phrases", -excluded, prefix*, from:@name (from:me), in:#channel, has:file|link|image,
 * before:/after:/on:YYYY-MM-DD, is:pinned. Several from: or in: mean any of them; several has: all of them.
 * A known key with a bad value is an error that says what was expected; an unknown key:value is text.
 */
export interface SearchTerm {
  text: string;
  /** Typed in quotes: its words in this order. */
  phrase: boolean;
  excluded: boolean;
  /** `word*`: any word starting so. */
  prefix: boolean;
}

export type HasFilter = 'file' | 'link' | 'image';

export interface ParsedSearch {
  terms: SearchTerm[];
  /** Usernames, without @; `me` stands for the caller. */
  from: string[];
  /** Channel names, without #. */
  in: string[];
  has: HasFilter[];
  before: string | null;
  after: string | null;
  on: string | null;
  pinned: boolean;
  errors: string[];
}

const KEYS = ['from', 'in', 'has', 'before', 'after', 'on', 'is'] as const;
export type SearchKey = (typeof KEYS)[number];
const HAS: readonly string[] = ['file', 'link', 'image'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One piece of the box as typed, with where it sits (for autocomplete). */
export interface SearchToken {
  raw: string;
  start: number;
  end: number;
}

/** Splits the box into pieces: runs of non-space, or a quoted phrase (an unclosed quote runs to the end). */
export function tokenize(q: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let i = 0;
  while (i < q.length) {
    if (/\s/.test(q[i])) {
      i++;
      continue;
    }
    const start = i;
    const quote = q[i] === '"' ? i : q[i] === '-' && q[i + 1] === '"' ? i + 1 : -1;
    if (quote >= 0) {
      const close = q.indexOf('"', quote + 1);
      i = close < 0 ? q.length : close + 1;
      if (q[i] === '*') i++;
    } else {
      while (i < q.length && !/\s/.test(q[i])) i++;
    }
    tokens.push({ raw: q.slice(start, i), start, end: i });
  }
  return tokens;
}

/** The `key:value` piece the caret is in, for autocomplete; null when it is not a filter. */
export function tokenAt(q: string, caret: number): (SearchToken & { key: SearchKey; value: string }) | null {
  const token = tokenize(q).find((t) => t.start <= caret && caret <= t.end);
  const match = token && /^([a-z]+):(.*)$/i.exec(token.raw);
  if (!token || !match || !(KEYS as readonly string[]).includes(match[1].toLowerCase())) return null;
  return { ...token, key: match[1].toLowerCase() as SearchKey, value: match[2] };
}

export function parseSearch(q: string): ParsedSearch {
  const parsed: ParsedSearch = { terms: [], from: [], in: [], has: [], before: null, after: null, on: null, pinned: false, errors: [] };
  if (q.length > LIMITS.searchQueryMax) parsed.errors.push(`A search is at most ${LIMITS.searchQueryMax} characters`);
  for (const { raw } of tokenize(q.slice(0, LIMITS.searchQueryMax))) {
    const filter = /^([a-z]+):(.+)$/i.exec(raw);
    const key = filter?.[1].toLowerCase();
    if (filter && key && (KEYS as readonly string[]).includes(key)) {
      applyFilter(parsed, key as SearchKey, filter[2]);
      continue;
    }
    const term = asTerm(raw);
    if (term) parsed.terms.push(term);
  }
  if (parsed.terms.length > LIMITS.searchTermsMax) parsed.errors.push(`A search has at most ${LIMITS.searchTermsMax} words or phrases`);
  const hasFilter = parsed.from.length || parsed.in.length || parsed.has.length || parsed.before || parsed.after || parsed.on || parsed.pinned;
  if (parsed.errors.length === 0 && !parsed.terms.some((t) => !t.excluded) && !hasFilter) {
    parsed.errors.push(parsed.terms.length ? 'Add a word or a filter: exclusions alone match everything' : 'Type something to search for');
  }
  return parsed;
}

function asTerm(raw: string): SearchTerm | null {
  let text = raw;
  const excluded = text.length > 1 && text.startsWith('-');
  if (excluded) text = text.slice(1);
  let prefix = false;
  if (text.endsWith('*')) {
    text = text.replace(/\*+$/, '');
    prefix = true;
  }
  const phrase = text.startsWith('"');
  if (phrase) text = text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined);
  text = text.trim();
  // A prefix needs two characters to be worth asking for; a lone `*` or `"` is nothing.
  if (prefix && [...text].length < 2) prefix = false;
  return text ? { text, phrase, excluded, prefix } : null;
}

function applyFilter(parsed: ParsedSearch, key: SearchKey, value: string) {
  switch (key) {
    case 'from':
      parsed.from.push(value.replace(/^@/, '').toLowerCase());
      return;
    case 'in':
      parsed.in.push(value.replace(/^#/, '').toLowerCase());
      return;
    case 'has':
      if (HAS.includes(value.toLowerCase())) parsed.has.push(value.toLowerCase() as HasFilter);
      else parsed.errors.push('has: takes file, link or image');
      return;
    case 'is':
      if (value.toLowerCase() === 'pinned') parsed.pinned = true;
      else parsed.errors.push('is: takes pinned');
      return;
    default:
      if (DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) parsed[key] = value;
      else parsed.errors.push(`${key}: takes a date like 2026-11-03`);
  }
}

/** Milliseconds since the epoch at which `day` (YYYY-MM-DD) starts in time zone `tz`. */
export function dayStart(day: string, tz: string): number {
  const utc = Date.parse(`${day}T00:00:00Z`);
  let at = utc - offsetAt(utc, tz);
  at = utc - offsetAt(at, tz);
  return at;
}

function offsetAt(at: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
