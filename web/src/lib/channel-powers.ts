import type { Channel, Role } from '../../../src/shared/model';
import { allows } from '../../../src/shared/permissions';

/** The channel everyone is in; nobody leaves, archives or deletes it. */
export const GENERAL = 'general';

/** What the caller may do with a channel, from the shared permission table (the server decides anyway). */
export function channelPowers(channel: Channel, role: Role, myId: string) {
  const room = channel.kind !== 'dm';
  const general = channel.name === GENERAL && channel.kind === 'public';
  return {
    rename: room && (allows(role, 'renameChannel') || channel.createdBy === myId),
    topic: room && channel.joined,
    archive: room && !general && allows(role, 'archiveChannel'),
    slowMode: allows(role, 'setSlowMode'),
    delete: room && !general && allows(role, 'deleteChannel'),
    add: room && channel.joined && (channel.kind === 'public' || allows(role, 'addToPrivateChannel')),
    remove: room && allows(role, 'removeFromChannel'),
    leave: room && channel.joined && !general,
  };
}

export type ChannelPowers = ReturnType<typeof channelPowers>;
