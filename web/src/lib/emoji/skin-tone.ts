import { readStored, writeStored } from './storage';
import type { SkinTone } from './types';

const KEY = 'hearth.emoji.skinTone';

/** The tones in the chooser's order, with the names people hear. */
export const SKIN_TONES: readonly { tone: SkinTone; name: string }[] = [
  { tone: 0, name: 'Default skin tone' },
  { tone: 1, name: 'Light skin tone' },
  { tone: 2, name: 'Medium-light skin tone' },
  { tone: 3, name: 'Medium skin tone' },
  { tone: 4, name: 'Medium-dark skin tone' },
  { tone: 5, name: 'Dark skin tone' },
];

/** The tone this browser picked last, for every emoji that takes one. */
export function preferredSkinTone(): SkinTone {
  const stored = readStored<number>(KEY);
  return SKIN_TONES.find((t) => t.tone === stored)?.tone ?? 0;
}

export function setPreferredSkinTone(tone: SkinTone): void {
  writeStored(KEY, tone);
}
