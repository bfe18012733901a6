import { createSignal } from 'solid-js';
import type { NameColor, ProfileFields, Role, UserStatus } from '../../../src/shared/model';
import { avatarUrl } from '../api/endpoints';

/** The time, moved on every half minute: statuses read it, so one that expires disappears by itself. */
const [now, setNow] = createSignal(Date.now());
setInterval(() => setNow(Date.now()), 30_000);

/** Where a person's picture is, or null when they show initials. */
export function avatarSrc(userId: string, profile: Pick<ProfileFields, 'avatarVersion'> | undefined | null): string | null {
  return profile?.avatarVersion ? avatarUrl(userId, profile.avatarVersion) : null;
}

/** The class that colours a name (theme variables, readable in light and dark); empty for the default colour. */
export function nameColorClass(color: NameColor | null | undefined): string {
  return color ? `name-color-${color}` : '';
}

/** A status as others should see it now: null once it has expired (the server may not have cleared it yet). */
export function activeStatus(status: UserStatus | null | undefined, at = now()): UserStatus | null {
  if (!status || (!status.text && !status.emoji)) return null;
  return status.expiresAt !== null && status.expiresAt <= at ? null : status;
}

export const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', admin: 'Admin', moderator: 'Moderator', member: 'Member' };

export const NAME_COLOR_LABEL: Record<NameColor, string> = {
  red: 'Red',
  orange: 'Orange',
  amber: 'Amber',
  green: 'Green',
  teal: 'Teal',
  blue: 'Blue',
  indigo: 'Indigo',
  purple: 'Purple',
  pink: 'Pink',
};

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const weekdayClock = new Intl.DateTimeFormat(undefined, { weekday: 'long', hour: 'numeric', minute: '2-digit' });
const dateClock = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "until 5:30 PM", "until Friday 9:00 AM", "until Mar 3, 9:00 AM": how Slack says when a status clears. */
export function formatUntil(ms: number, now = Date.now()): string {
  const days = (ms - now) / 86_400_000;
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  if (sameDay) return `until ${clock.format(ms)}`;
  return `until ${days < 6 ? weekdayClock.format(ms) : dateClock.format(ms)}`;
}
