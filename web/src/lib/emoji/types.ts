/** 0 is the default (yellow) emoji; 1–5 are the Fitzpatrick tones, light to dark. */
export type SkinTone = 0 | 1 | 2 | 3 | 4 | 5;

export interface Emoji {
  /** The emoji as text: the fully-qualified sequence, default skin. */
  readonly unicode: string;
  /** Its CLDR name, lower case: "grinning face", "flag: Japan". */
  readonly name: string;
  /** Shortcodes without colons, GitHub's set; the preferred one first. Never empty. */
  readonly shortcodes: readonly string[];
  /** CLDR keywords: "happy", "smile". */
  readonly tags: readonly string[];
  /** The five one-tone variants, light to dark; absent when the emoji takes no skin tone. */
  readonly skins?: readonly string[];
}

export interface EmojiGroup {
  /** emojibase's key: "smileys-emotion". */
  readonly key: string;
  /** For people: "Smileys & Emotion". */
  readonly name: string;
  readonly emojis: readonly Emoji[];
}

export interface EmojiData {
  /** The categories in Unicode's order, without the skin/hair "component" group. */
  readonly groups: readonly EmojiGroup[];
  /**
   * Emoji matching a query (case-insensitive, colons optional), best first: an exact
   * shortcode, then shortcodes or names starting with it, then a word of the name or
   * shortcode starting with it, then keywords starting with it, then anything containing
   * it. Within a rank, in the picker's order.
   */
  search(query: string, limit?: number): Emoji[];
  /** `smile`, `:smile:` or `SMILE`. */
  byShortcode(code: string): Emoji | undefined;
  /** The emoji a text is, in any skin tone, with or without variation selectors. */
  byUnicode(text: string): Emoji | undefined;
}
