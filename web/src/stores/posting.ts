import { createEffect, createSignal, onCleanup } from 'solid-js';
import type { Channel, Member } from '../../../src/shared/model';
import { heldToSlowMode } from '../../../src/shared/permissions';

/** setTimeout's longest delay; a 28-day timeout is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export type Posting = ReturnType<typeof createPosting>;

/**
 * Whether the caller may post in a channel right now, and for how long not:
 * archived, timed out (ends by itself when the time passes), or waiting out
 * slow mode after their last message.
 */
export function createPosting(channel: () => Channel, member: () => Member) {
  const [now, setNow] = createSignal(Date.now());

  createEffect(() => {
    const until = member().timedOutUntil;
    const left = until === null ? 0 : until - now();
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(left + 50, LONGEST_TIMER_MS));
    onCleanup(() => clearTimeout(timer));
  });

  const timedOutUntil = () => {
    const until = member().timedOutUntil;
    return until !== null && until > now() ? until : null;
  };
  const archived = () => channel().archivedAt !== null;
  /** Seconds between the caller's messages here; 0 when slow mode is off or they are exempt. */
  const slowModeSeconds = () => (heldToSlowMode(member().role) ? channel().slowModeSeconds : 0);

  const [lastSentAt, setLastSentAt] = createSignal<number | null>(null);
  const cooldownLeft = () => {
    const last = lastSentAt();
    const seconds = slowModeSeconds();
    return last === null || seconds === 0 ? 0 : Math.max(0, Math.ceil((last + seconds * 1000 - now()) / 1000));
  };
  createEffect(() => {
    if (cooldownLeft() <= 0) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    onCleanup(() => clearInterval(tick));
  });

  return {
    archived,
    timedOutUntil,
    slowModeSeconds,
    /** Seconds until slow mode lets the caller post again. */
    cooldownLeft,
    /** Call after each message the caller sends. */
    sent: () => {
      setLastSentAt(Date.now());
      setNow(Date.now());
    },
  };
}
