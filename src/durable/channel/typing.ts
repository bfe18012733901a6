import { LIMITS } from '../../shared/limits';

/** People tracked before stale entries are dropped. */
const TRACKED_MAX = 500;

/**
 * Lets through one typing signal per person per LIMITS.typingThrottleMs. Kept in
 * memory only: after hibernation the first signal simply passes.
 */
export class TypingThrottle {
  private readonly lastSignal = new Map<string, number>();

  allow(userId: string, now: number): boolean {
    const last = this.lastSignal.get(userId);
    if (last !== undefined && now - last < LIMITS.typingThrottleMs) return false;
    if (this.lastSignal.size >= TRACKED_MAX) this.forgetBefore(now - LIMITS.typingThrottleMs);
    this.lastSignal.set(userId, now);
    return true;
  }

  /** A post ends a burst of typing: the next signal (a new message begun) passes at once. */
  reset(userId: string) {
    this.lastSignal.delete(userId);
  }

  private forgetBefore(time: number) {
    for (const [userId, at] of this.lastSignal) if (at < time) this.lastSignal.delete(userId);
  }
}
