import { createSignal } from 'solid-js';
import type { UserStatus } from '../../../src/shared/model';
import { activeStatus } from './profile';

/** When a status clears by itself, as the profile editor offers it (Slack's choices). */
export const EXPIRY_CHOICES = [
  { value: 'never', label: "Don't clear" },
  { value: '30m', label: '30 minutes' },
  { value: '1h', label: '1 hour' },
  { value: '4h', label: '4 hours' },
  { value: 'today', label: 'Today' },
  { value: 'week', label: 'This week' },
] as const;
/** `keep` leaves an existing status's end where it is. */
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'] | 'keep';

/** Common statuses, one click to fill in, as Slack suggests them. */
export const STATUS_PRESETS: Array<{ emoji: string; text: string; expiry: ExpiryChoice }> = [
  { emoji: '📅', text: 'In a meeting', expiry: '1h' },
  { emoji: '🚌', text: 'Commuting', expiry: '30m' },
  { emoji: '🤒', text: 'Out sick', expiry: 'today' },
  { emoji: '🌴', text: 'Vacationing', expiry: 'never' },
  { emoji: '🎯', text: 'Focusing', expiry: '4h' },
];

/** The moment a choice ends, counted from `now`: the end of today, or of Sunday for "this week". */
export function expiryTime(choice: Exclude<ExpiryChoice, 'keep'>, now = Date.now()): number | null {
  const minutes = { '30m': 30, '1h': 60, '4h': 240 } as const;
  if (choice === 'never') return null;
  if (choice in minutes) return now + minutes[choice as keyof typeof minutes] * 60_000;
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  if (choice === 'week') end.setDate(end.getDate() + ((7 - end.getDay()) % 7));
  return end.getTime();
}

/** The status being edited: text, emoji and when it clears; `result` says what to save. */
export function createStatusDraft(initial: UserStatus | null) {
  const current = activeStatus(initial);
  const [text, setText] = createSignal(current?.text ?? '');
  const [emoji, setEmoji] = createSignal<string | null>(current?.emoji ?? null);
  const [expiry, setExpiry] = createSignal<ExpiryChoice>(current?.expiresAt ? 'keep' : 'never');

  function clear() {
    setText('');
    setEmoji(null);
    setExpiry('never');
  }

  /** `undefined` when nothing changed; `null` to clear the status. */
  function result(now = Date.now()): UserStatus | null | undefined {
    const trimmed = text().trim();
    if (!trimmed && !emoji()) return current ? null : undefined;
    const choice = expiry();
    const sameEnd = choice === 'keep' || (choice === 'never' && current?.expiresAt === null);
    if (current && sameEnd && current.text === trimmed && current.emoji === emoji()) return undefined;
    return { text: trimmed, emoji: emoji(), expiresAt: choice === 'keep' ? (current?.expiresAt ?? null) : expiryTime(choice, now) };
  }

  return { text, setText, emoji, setEmoji, expiry, setExpiry, clear, result, initialExpiresAt: current?.expiresAt ?? null };
}

export type StatusDraft = ReturnType<typeof createStatusDraft>;
