import type { Channel, PersonRef } from '../../../src/shared/model';

/** Everyone in a DM but the caller (the caller alone when they are the only one left). */
export function dmOthers(channel: Channel, myId: string): PersonRef[] {
  const people = channel.dmMembers ?? [];
  const others = people.filter((p) => p.userId !== myId);
  return others.length > 0 ? others : people;
}

/**
 * How a conversation is named: `#name` for channels, the other people's names
 * for DMs (current names from `nameOf` when known), "Name (you)" for a DM with
 * only the caller in it.
 */
export function conversationTitle(channel: Channel, myId: string, nameOf: (person: PersonRef) => string = (p) => p.displayName): string {
  if (channel.kind !== 'dm') return `#${channel.name}`;
  const others = dmOthers(channel, myId);
  const names = others.map(nameOf).join(', ');
  return others.length === 1 && others[0].userId === myId ? `${names} (you)` : names;
}
