import type { SystemEvent } from '../../../src/shared/model';
import { formatSeconds } from './durations';

/** A system message as a line of text: "Ana renamed the channel from #a to #b". `nameOf` gives a person's current name. */
export function systemText(event: SystemEvent, actor: string, nameOf: (userId: string, fallback: string) => string): string {
  switch (event.type) {
    case 'renamed':
      return `${actor} renamed the channel from #${event.from} to #${event.to}`;
    case 'topic':
      return event.topic ? `${actor} changed the topic: ${event.topic}` : `${actor} cleared the topic`;
    case 'archived':
      return `${actor} archived the channel`;
    case 'unarchived':
      return `${actor} unarchived the channel`;
    case 'slow-mode':
      return event.seconds ? `${actor} set slow mode to ${formatSeconds(event.seconds)}` : `${actor} turned slow mode off`;
    case 'added':
      return `${actor} added ${nameOf(event.userId, event.name)}`;
    case 'removed':
      return `${actor} removed ${nameOf(event.userId, event.name)}`;
    case 'left':
      return `${actor} left`;
  }
}
