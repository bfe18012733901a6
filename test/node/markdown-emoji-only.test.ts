import { describe, expect, it } from 'vitest';
import { isEmojiOnly, LARGE_EMOJI_MAX } from '../../web/src/lib/markdown/emoji-only';

describe('a message of only emoji', () => {
  it.each(['👍', '🎉🎉', ' 🔥 🚀 ', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '1️⃣'])('%s shows large', (body) => {
    expect(isEmojiOnly(body)).toBe(true);
  });

  it.each(['Deal 👍', '👍!', '123', ':tada:', '', '   ', '**🔥**', `${'😀'.repeat(LARGE_EMOJI_MAX + 1)}`])('%j does not', (body) => {
    expect(isEmojiOnly(body)).toBe(false);
  });
});
