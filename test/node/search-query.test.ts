import { describe, expect, it } from 'vitest';
import { dayStart, parseSearch, tokenAt } from '../../src/shared/search-query';
import { highlightRanges } from '../../web/src/lib/search/highlight';

describe('the search box language', () => {
  it('reads words, phrases, exclusions, prefixes and every filter', () => {
    const parsed = parseSearch('deploy "exact words" -staging conf* from:@Ana from:me in:#ops has:link has:image before:2026-11-03 after:2026-10-01 is:pinned');
    expect(parsed.errors).toEqual([]);
    expect(parsed.terms).toEqual([
      { text: 'deploy', phrase: false, excluded: false, prefix: false },
      { text: 'exact words', phrase: true, excluded: false, prefix: false },
      { text: 'staging', phrase: false, excluded: true, prefix: false },
      { text: 'conf', phrase: false, excluded: false, prefix: true },
    ]);
    expect(parsed).toMatchObject({ from: ['ana', 'me'], in: ['ops'], has: ['link', 'image'], before: '2026-11-03', after: '2026-10-01', pinned: true });
  });

  it('keeps an unknown key:value and a URL as text, and an unclosed quote runs to the end', () => {
    expect(parseSearch('body:secret').terms.map((t) => t.text)).toEqual(['body:secret']);
    expect(parseSearch('http://x.test/a').terms.map((t) => t.text)).toEqual(['http://x.test/a']);
    expect(parseSearch('"unclosed phrase here').terms).toEqual([{ text: 'unclosed phrase here', phrase: true, excluded: false, prefix: false }]);
  });

  it('says what a known key expected, and refuses exclusions alone', () => {
    expect(parseSearch('before:soon').errors).toEqual(['before: takes a date like 2026-11-03']);
    expect(parseSearch('has:video').errors).toEqual(['has: takes file, link or image']);
    expect(parseSearch('-alone').errors[0]).toMatch(/Add a word or a filter/);
    expect(parseSearch('-alone in:#x').errors).toEqual([]);
  });

  it('finds the filter under the caret for autocomplete', () => {
    expect(tokenAt('hello from:@an', 14)).toMatchObject({ key: 'from', value: '@an', start: 6, end: 14 });
    expect(tokenAt('hello from:@an', 3)).toBeNull();
    expect(tokenAt('in:', 3)).toMatchObject({ key: 'in', value: '' });
  });

  it('starts a day in the caller’s time zone', () => {
    expect(new Date(dayStart('2026-11-03', 'UTC')).toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(new Date(dayStart('2026-11-03', 'Asia/Tokyo')).toISOString()).toBe('2026-11-02T15:00:00.000Z');
    expect(new Date(dayStart('2026-07-01', 'America/New_York')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });
});

describe('highlighting', () => {
  const marked = (text: string, terms: string[]) => highlightRanges(text, terms).map(([a, b]) => text.slice(a, b));

  it('marks English word forms, CJK substrings and code literally', () => {
    expect(marked('The connection was reset; we connected again', ['connecting'])).toEqual(['connection', 'connected']);
    expect(marked('東京都に住んでいます', ['東京'])).toEqual(['東京']);
    expect(marked('Call foo.bar() before init', ['foo.bar()'])).toEqual(['foo.bar()']);
    expect(marked('The café serves crème brûlée', ['cafe'])).toEqual(['café']);
  });
});
