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

/** "just now", "5 min ago", "3 h ago", "yesterday", else the day. */
export function formatAgo(ms: number, now = Date.now()): string {
  const minutes = Math.floor((now - ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const dayName = formatDay(ms, now);
  return dayName === 'Yesterday' ? 'yesterday' : dayName;
}

/** "Ana", "Ana and Ben", "Ana, Ben and 3 others". */
export function listNames(names: string[], shown = 2): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= shown + 1) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const rest = names.length - shown;
  return `${names.slice(0, shown).join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
}
