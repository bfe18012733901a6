const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
const dayWithYear = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

export const formatTime = (ms: number) => time.format(ms);
export const formatFull = (ms: number) => full.format(ms);

export function formatDay(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const today = new Date(now);
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  if (ms >= startOfToday) return 'Today';
  if (ms >= startOfToday - 86_400_000) return 'Yesterday';
  return d.getFullYear() === today.getFullYear() ? day.format(ms) : dayWithYear.format(ms);
}

export const dayKey = (ms: number) => new Date(ms).toDateString();

export function formatRelativeExpiry(expiresAt: number | null, now = Date.now()): string {
  if (expiresAt === null) return 'Never';
  const minutes = Math.round((expiresAt - now) / 60_000);
  if (minutes <= 0) return 'Expired';
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} h`;
  return `in ${Math.round(hours / 24)} days`;
}
