/** At most this many emoji in a message of nothing else show large, as in Slack. */
export const LARGE_EMOJI_MAX = 23;

const EMOJI_ONLY = /^(?:\p{RGI_Emoji}|\s)+$/v;
const ONE_EMOJI = /\p{RGI_Emoji}/gv;

/** Whether a message is only emoji (and white space), few enough to show large. */
export function isEmojiOnly(body: string): boolean {
  if (!EMOJI_ONLY.test(body)) return false;
  const count = body.match(ONE_EMOJI)?.length ?? 0;
  return count > 0 && count <= LARGE_EMOJI_MAX;
}
