import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { frequentlyUsed, loadEmojiData, recordEmojiUse, withSkinTone, type Emoji, type EmojiData } from '../../web/src/lib/emoji';
import { layoutGrid, moveInGrid, rowsInView, sectionAt } from '../../web/src/lib/emoji/grid';

let data: EmojiData;
beforeAll(async () => {
  data = await loadEmojiData();
});

const unicode = (code: string) => data.byShortcode(code)?.unicode;
const codesOf = (query: string, limit?: number) => data.search(query, limit).map((e) => e.shortcodes[0]);

describe('emoji data', () => {
  it('is loaded once', async () => {
    expect(await loadEmojiData()).toBe(data);
  });

  it('has the nine categories in order, without the skin and hair components', () => {
    expect(data.groups.map((g) => g.name)).toEqual([
      'Smileys & Emotion',
      'People & Body',
      'Animals & Nature',
      'Food & Drink',
      'Travel & Places',
      'Activities',
      'Objects',
      'Symbols',
      'Flags',
    ]);
    expect(data.groups[0].emojis[0].unicode).toBe('😀');
    const all = data.groups.flatMap((g) => g.emojis.map((e) => e.unicode));
    expect(all.length).toBeGreaterThan(1850);
    expect(all).not.toContain('🏻');
    expect(all).not.toContain('🇦');
  });

  it('writes every emoji as the fully-qualified sequence keyboards type', () => {
    const rgi = /^\p{RGI_Emoji}$/v;
    const texts = data.groups.flatMap((g) => g.emojis.flatMap((e) => [e.unicode, ...(e.skins ?? [])]));
    expect(texts.filter((t) => !rgi.test(t))).toEqual([]);
    expect(unicode('+1')).toBe('\u{1F44D}');
    expect(unicode('heart')).toBe('\u2764\uFE0F');
  });
});

describe('shortcodes', () => {
  it('finds an emoji by any of its GitHub shortcodes, with or without colons', () => {
    expect(unicode('smile')).toBe('😄');
    expect(unicode(':tada:')).toBe('🎉');
    expect(unicode('THUMBSUP')).toBe('👍');
    expect(unicode('+1')).toBe('👍');
    expect(unicode('-1')).toBe('👎');
    expect(unicode('us')).toBe('🇺🇸');
    expect(data.byShortcode('no_such_emoji')).toBeUndefined();
  });

  it('makes one from the name for emoji GitHub has none for yet', () => {
    const phoenix = data.byShortcode('phoenix');
    expect(phoenix?.name).toBe('phoenix');
    expect(phoenix?.shortcodes).toEqual(['phoenix']);
    expect(data.byShortcode('head_shaking_horizontally')?.unicode).toBe('🙂‍↔️');
  });

  it('gives every emoji a shortcode that leads back to it', () => {
    for (const emoji of data.groups.flatMap((g) => g.emojis)) {
      expect(emoji.shortcodes.length).toBeGreaterThan(0);
      expect(data.byShortcode(emoji.shortcodes[0])).toBe(emoji);
    }
  });

  it('finds an emoji from its text, in any tone, with or without a variation selector', () => {
    const thumbs = data.byShortcode('+1');
    expect(data.byUnicode('👍')).toBe(thumbs);
    expect(data.byUnicode('👍\uFE0F')).toBe(thumbs);
    expect(data.byUnicode('👍🏽')).toBe(thumbs);
    expect(data.byUnicode('\u2764')).toBe(data.byShortcode('heart'));
    expect(data.byUnicode('hello')).toBeUndefined();
  });
});

describe('search', () => {
  it('puts an exact shortcode first, then shortcodes and names that start with the query', () => {
    const results = codesOf('smile');
    expect(results[0]).toBe('smile');
    expect(results.slice(1, 4)).toEqual(expect.arrayContaining(['smiley']));
    expect(results.indexOf('smile_cat')).toBeLessThan(results.indexOf('grinning'));
  });

  it('ranks a prefix above a word inside the name, above a keyword, above a substring', () => {
    const results = codesOf('cat');
    const rank = (code: string) => results.indexOf(code);
    expect(results[0]).toBe('cat');
    expect(rank('cat2')).toBeGreaterThan(0); // prefix of a shortcode
    expect(rank('smiley_cat')).toBeGreaterThan(rank('cat2')); // a word in the shortcode
    expect(rank('communication')).toBe(-1);
    const keyword = codesOf('happy');
    expect(keyword).toContain('smile'); // "happy" is a keyword of 😄, not in its name
  });

  it('matches a word inside a name, such as a country in a flag', () => {
    expect(codesOf('germany')[0]).toBe('de');
    expect(codesOf('japan')).toContain('jp');
    expect(data.search('united states')[0].unicode).toBe('🇺🇸');
  });

  it('ignores case, colons and spaces versus underscores', () => {
    expect(codesOf(':Heart_Eyes')[0]).toBe('heart_eyes');
    expect(codesOf('heart eyes')[0]).toBe('heart_eyes');
    expect(codesOf('+1')[0]).toBe('+1');
  });

  it('keeps to the limit and finds nothing for an empty query', () => {
    expect(data.search('a', 8)).toHaveLength(8);
    expect(data.search('   ')).toEqual([]);
    expect(data.search('::')).toEqual([]);
    expect(data.search('zzzzqx')).toEqual([]);
  });
});

describe('skin tones', () => {
  it('picks the variant in the tone, or the emoji itself when it takes none', () => {
    const wave = data.byShortcode('wave')!;
    expect(withSkinTone(wave, 0)).toBe('👋');
    expect(withSkinTone(wave, 1)).toBe('👋🏻');
    expect(withSkinTone(wave, 3)).toBe('👋🏽');
    expect(withSkinTone(wave, 5)).toBe('👋🏿');
    const thumbs = data.byShortcode('+1')!;
    expect(withSkinTone(thumbs, 2)).toBe('👍🏼');
    expect(withSkinTone(data.byShortcode('smile')!, 4)).toBe('😄');
  });

  it('uses one tone for both people of a two-person emoji', () => {
    expect(withSkinTone(data.byShortcode('handshake')!, 5)).toBe('🤝🏿');
    const couple = data.byShortcode('couple')!;
    expect(couple.skins).toHaveLength(5);
    expect(withSkinTone(couple, 1)).toBe('👫🏻');
  });
});

describe('frequently used', () => {
  const store = new Map<string, string>();
  beforeAll(() => {
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    });
  });
  afterEach(() => store.clear());

  it('ranks by use, recent uses counting more than old ones', () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.UTC(2026, 0, 31);
    for (let i = 0; i < 3; i++) recordEmojiUse('🎉', now - 60 * day);
    recordEmojiUse('👍', now - day);
    recordEmojiUse('👍', now - day);
    recordEmojiUse('😄', now);
    expect(frequentlyUsed(24, now)).toEqual(['👍', '😄', '🎉']);
    expect(frequentlyUsed(1, now)).toEqual(['👍']);
  });

  it('is empty when storage holds nothing or garbage', () => {
    expect(frequentlyUsed(24)).toEqual([]);
    store.set('hearth.emoji.usage', '{not json');
    expect(frequentlyUsed(24)).toEqual([]);
  });
});

describe('picker grid', () => {
  const fake = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ unicode: `${prefix}${i}` }) as Emoji);
  const metrics = { columns: 4, rowHeight: 10, titleHeight: 5 };
  // A: title, 4, 2 — B: title, 4, 4, 1
  const grid = layoutGrid(
    [
      { key: 'a', title: 'A', emojis: fake(6, 'a') },
      { key: 'empty', title: 'Empty', emojis: [] },
      { key: 'b', title: 'B', emojis: fake(9, 'b') },
    ],
    metrics,
  );
  const text = (index: number | undefined) => (index === undefined ? undefined : grid.emojis[index].unicode);

  it('lays sections out as a title row and rows of emoji, skipping empty ones', () => {
    expect(grid.rows.map((r) => r.title ?? r.emojis.length)).toEqual(['A', 4, 2, 'B', 4, 4, 1]);
    expect(grid.rows.map((r) => r.top)).toEqual([0, 5, 15, 25, 30, 40, 50]);
    expect(grid.height).toBe(60);
    expect(grid.sectionTops).toEqual([0, 25, 25]);
  });

  it('moves up and down by column, into shorter rows and over titles', () => {
    expect(text(moveInGrid(grid, 3, 'down'))).toBe('a5'); // column 3 into a row of two
    expect(text(moveInGrid(grid, 5, 'down'))).toBe('b1'); // over the title of B
    expect(text(moveInGrid(grid, 6, 'up'))).toBe('a4');
    expect(text(moveInGrid(grid, 14, 'down'))).toBe('b8'); // the last row stays
    expect(moveInGrid(grid, 2, 'up')).toBeUndefined(); // out of the top, to the search box
    expect(text(moveInGrid(grid, 5, 'right'))).toBe('b0');
    expect(text(moveInGrid(grid, 0, 'left'))).toBe('a0');
    expect(text(moveInGrid(grid, 7, 'end'))).toBe('b8');
  });

  it('finds the rows in a band of the scroll area and the section at an offset', () => {
    expect(rowsInView(grid, 12, 31).map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(rowsInView(grid, 0, 1).map((r) => r.index)).toEqual([0]);
    expect(sectionAt(grid, 24)).toBe(0);
    expect(sectionAt(grid, 25)).toBe(2);
    expect(sectionAt(layoutGrid([], metrics), 0)).toBe(-1);
  });
});
