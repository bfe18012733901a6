// emojibase's English data, turned into what the picker and `:shortcode:` completion use.
// Imported only through loadEmojiData(), so the data (~600 kB, ~100 kB gzipped) is its own chunk.
import compact from 'emojibase-data/en/compact.json';
import messages from 'emojibase-data/en/messages.json';
import github from 'emojibase-data/en/shortcodes/github.json';
import type { CompactEmoji, MessagesDataset, ShortcodesDataset } from 'emojibase';
import { createSearch } from './search';
import type { Emoji, EmojiData, EmojiGroup } from './types';

/** Skin and hair modifiers: parts of other emoji, not emoji to pick. */
const COMPONENT_GROUP = 'component';
const TONE_MODIFIERS = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];
const VARIATION_SELECTOR = /\uFE0F/g;

export function buildEmojiData(list: CompactEmoji[], shortcodes: ShortcodesDataset, text: MessagesDataset): EmojiData {
  const groups: EmojiGroup[] = [];
  const groupAt = new Map<number, Emoji[]>();
  for (const group of text.groups) {
    if (group.key === COMPONENT_GROUP) continue;
    const emojis: Emoji[] = [];
    groupAt.set(group.order, emojis);
    groups.push({ key: group.key, name: titleCase(group.message), emojis });
  }

  const byCode = new Map<string, Emoji>();
  const byText = new Map<string, Emoji>();
  const derived: Emoji[] = [];
  // emojibase lists every emoji in order; those without a group are regional indicator letters.
  for (const raw of list) {
    const bucket = raw.group === undefined ? undefined : groupAt.get(raw.group);
    if (!bucket) continue;
    const given = shortcodes[raw.hexcode];
    const emoji: Emoji = {
      unicode: qualify(raw.unicode),
      name: raw.label,
      // The newest emoji have no GitHub shortcode yet: they get one made from their name.
      shortcodes: given === undefined ? [codeFromName(raw.label)] : typeof given === 'string' ? [given] : given,
      tags: raw.tags ?? [],
      skins: raw.skins && oneToneSkins(raw.skins),
    };
    if (given === undefined) derived.push(emoji);
    else for (const code of emoji.shortcodes) byCode.set(code, emoji);
    for (const variant of [emoji.unicode, ...(emoji.skins ?? [])]) byText.set(variant.replace(VARIATION_SELECTOR, ''), emoji);
    bucket.push(emoji);
  }
  // After GitHub's own, so that a made-up shortcode never takes one of them.
  for (const emoji of derived) if (!byCode.has(emoji.shortcodes[0])) byCode.set(emoji.shortcodes[0], emoji);

  return {
    groups,
    search: createSearch(groups.flatMap((g) => g.emojis)),
    byShortcode: (code) => byCode.get(code.trim().replace(/^:|:$/g, '').toLowerCase()),
    byUnicode: (value) => byText.get(value.trim().replace(VARIATION_SELECTOR, '')),
  };
}

/**
 * emojibase writes a variation selector after some emoji that are already emoji by default
 * ("👍" + U+FE0F). Unicode's fully-qualified form has none there, and it is what keyboards
 * type, so a reaction picked here and one typed elsewhere are the same string.
 */
const qualify = (unicode: string) => unicode.replace(/(\p{Emoji_Presentation})\uFE0F/gu, '$1');

/**
 * The variant in each single tone, light to dark. Multi-person emoji also list mixed
 * tones ("handshake: light skin tone, dark skin tone"); those are left out.
 */
function oneToneSkins(skins: CompactEmoji[]): string[] | undefined {
  const picked = TONE_MODIFIERS.map((tone) =>
    skins.find((skin) => {
      const tones = skin.hexcode.split('-').filter((part) => TONE_MODIFIERS.includes(part));
      return tones.length > 0 && tones.every((t) => t === tone);
    }),
  );
  return picked.every((skin) => skin !== undefined) ? picked.map((skin) => qualify(skin.unicode)) : undefined;
}

const titleCase = (text: string) => text.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());

const codeFromName = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

export const emojiData: EmojiData = buildEmojiData(compact, github, messages);
