// Emoji for the picker, reactions and `:shortcode:` completion. The data (emojibase,
// GitHub shortcodes) is a separate chunk fetched on first use, never with the app.
import type { Emoji, EmojiData, SkinTone } from './types';

export type { Emoji, EmojiData, EmojiGroup, SkinTone } from './types';
export { frequentlyUsed, recordEmojiUse } from './usage';
export { preferredSkinTone, setPreferredSkinTone, SKIN_TONES } from './skin-tone';

let loading: Promise<EmojiData> | undefined;

/** The emoji data, fetched once; a failed fetch is tried again on the next call. */
export function loadEmojiData(): Promise<EmojiData> {
  loading ??= import('./catalog').then(
    (module) => module.emojiData,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The emoji in a skin tone, or as it is when it takes none. */
export function withSkinTone(emoji: Emoji, tone: SkinTone): string {
  return (tone !== 0 && emoji.skins?.[tone - 1]) || emoji.unicode;
}
