import { useContext, type JSX } from 'solid-js';
import type { Message, SystemEvent } from '../../../src/shared/model';
import { formatFull, formatTime } from '../lib/format';
import { systemText } from '../lib/system-text';
import { MembersContext } from '../stores/members';
import { ArchiveIcon, ClockIcon, EditIcon, LeaveIcon, UserMinusIcon, UserPlusIcon } from './icons';

const ICON: Record<SystemEvent['type'], () => JSX.Element> = {
  renamed: () => <EditIcon size={14} />,
  topic: () => <EditIcon size={14} />,
  archived: () => <ArchiveIcon size={14} />,
  unarchived: () => <ArchiveIcon size={14} />,
  'slow-mode': () => <ClockIcon size={14} />,
  added: () => <UserPlusIcon size={14} />,
  removed: () => <UserMinusIcon size={14} />,
  left: () => <LeaveIcon size={14} />,
};

/** A channel event (rename, topic, archive, slow mode, people added or leaving) as one quiet line without actions. */
export function SystemMessage(props: { message: Message & { system: SystemEvent } }): JSX.Element {
  const members = useContext(MembersContext);
  const nameOf = (userId: string, fallback: string) => members?.nameOf(userId, fallback) ?? fallback;
  return (
    <li class="system-message" data-seq={props.message.seq} data-testid="system-message" data-event={props.message.system.type}>
      <span class="system-icon">{ICON[props.message.system.type]()}</span>
      <span class="system-text">{systemText(props.message.system, nameOf(props.message.authorId, props.message.authorName), nameOf)}</span>
      <time datetime={new Date(props.message.createdAt).toISOString()} title={formatFull(props.message.createdAt)}>
        {formatTime(props.message.createdAt)}
      </time>
    </li>
  );
}
