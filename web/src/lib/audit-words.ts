import type { AuditAction, AuditEntry } from '../../../src/shared/model';
import { formatDurationLong } from './durations';
import { formatFull } from './format';

/** Each audit action in plain words, for the log's table and its filter. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'member.role': 'Role changed',
  'member.remove': 'Member removed',
  'member.ban': 'Member banned',
  'member.unban': 'Ban lifted',
  'member.timeout': 'Member timed out',
  'member.timeout_clear': 'Timeout cleared',
  'channel.create': 'Channel created',
  'channel.rename': 'Channel renamed',
  'channel.topic': 'Topic changed',
  'channel.archive': 'Channel archived',
  'channel.unarchive': 'Channel unarchived',
  'channel.delete': 'Channel deleted',
  'channel.slow_mode': 'Slow mode changed',
  'channel.member_add': 'Added to channel',
  'channel.member_remove': 'Removed from channel',
  'message.delete': 'Message deleted',
  'invite.create': 'Invite created',
  'invite.revoke': 'Invite revoked',
};

const KEY_WORDS: Record<string, string> = {
  role: 'role',
  previousRole: 'was',
  from: 'from',
  to: 'to',
  name: 'name',
  oldName: 'was',
  topic: 'topic',
  reason: 'reason',
  until: 'until',
  seconds: 'for',
  slowModeSeconds: 'every',
  seq: 'message',
};

function valueWords(key: string, value: string | number | boolean | null): string {
  if (value === null) return 'none';
  if (typeof value === 'number') {
    if (/seconds$/i.test(key)) return value === 0 ? 'off' : formatDurationLong(value);
    // Epoch milliseconds: a moment, in the reader's time.
    if (value > 1e12) return formatFull(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Slow mode reads as a pace: "1 message every 30 seconds (was off)". */
function slowModeDetail(detail: AuditEntry['detail']): string[] {
  const pace = (seconds: unknown) => (typeof seconds === 'number' && seconds > 0 ? `1 message every ${formatDurationLong(seconds)}` : 'off');
  return [`${pace(detail.seconds)} (was ${pace(detail.from)})`];
}

/** An entry's facts as short "key value" phrases ("to moderator", "for 1 hour", "reason: spam"). */
export function auditDetail(entry: AuditEntry): string[] {
  if (entry.action === 'channel.slow_mode') return slowModeDetail(entry.detail);
  return Object.entries(entry.detail)
    // The channel has its own column.
    // Nothing to say of an unset value or a false flag ("max uses none", "private no").
    .filter(([key, value]) => value !== '' && value !== undefined && value !== null && value !== false && !(key === 'channel' && entry.channelId))
    .map(([key, value]) => {
      const words = KEY_WORDS[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase();
      if (value === true) return words;
      const sep = key === 'reason' || key === 'topic' ? ': ' : ' ';
      return `${words}${sep}${valueWords(key, value)}`;
    });
}
