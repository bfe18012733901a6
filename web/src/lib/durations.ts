/** Choices offered for timeouts and slow mode, in seconds, with how they read. */
export const TIMEOUT_CHOICES = [
  { seconds: 60, label: '1 minute' },
  { seconds: 5 * 60, label: '5 minutes' },
  { seconds: 10 * 60, label: '10 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 7 * 86_400, label: '1 week' },
] as const;

export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60, 300, 900, 3600, 21_600] as const;

/** "30 s", "5 min", "1 h", "6 h": short, for slow mode. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

/** "0:42", "4:05", "1:00:00": a countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const local = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const localTime = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** A moment in the reader's local time: the clock alone when it is today. */
export function formatLocalMoment(ms: number, now = Date.now()): string {
  return new Date(ms).toDateString() === new Date(now).toDateString() ? localTime.format(ms) : local.format(ms);
}

/** "30 seconds", "1 minute", "6 hours": long, for choices. */
export function formatDurationLong(seconds: number): string {
  const [n, unit] = seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [seconds / 60, 'minute'] : seconds < 86_400 ? [seconds / 3600, 'hour'] : [seconds / 86_400, 'day'];
  const whole = Math.round(n);
  return `${whole} ${unit}${whole === 1 ? '' : 's'}`;
}
