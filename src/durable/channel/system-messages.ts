import type { Message, SystemEvent } from '../../shared/model';
import { type Author, type ChannelDb, insertMessage } from './db';
import { toMessage } from './message-view';

/** What a system message says in words, for anything that shows a body rather than the event. */
export function describe(event: SystemEvent): string {
  switch (event.type) {
    case 'renamed':
      return `renamed the channel from #${event.from} to #${event.to}`;
    case 'topic':
      return event.topic ? `set the topic: ${event.topic}` : 'cleared the topic';
    case 'archived':
      return 'archived the channel';
    case 'unarchived':
      return 'unarchived the channel';
    case 'slow-mode':
      return event.seconds === 0 ? 'turned slow mode off' : `set slow mode to ${event.seconds} seconds`;
    case 'added':
      return `added ${event.name}`;
    case 'removed':
      return `removed ${event.name}`;
    case 'left':
      return 'left';
  }
}

/**
 * Records what happened as a message in the channel's sequence, so live and
 * reconnecting clients get it like any other. `author` is who did it.
 */
export function storeSystemMessage(db: ChannelDb, event: SystemEvent, author: Author, now: number): Message {
  const row = insertMessage(db, author, { clientId: `system-${crypto.randomUUID()}`, body: describe(event), createdAt: now, system: event });
  return toMessage(row, []);
}
