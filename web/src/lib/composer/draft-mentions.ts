import { LIMITS } from '../../../../src/shared/limits';
import { parseMentions } from '../../../../src/shared/mentions';
import type { ChannelMember } from '../../api/endpoints';
import type { MentionContext } from '../markdown/render';

/**
 * The mentions a draft will carry once sent, resolved as the channel's object will resolve them
 * (src/durable/channel/mentions.ts): names of channel members, up to the limit; broadcasts as typed.
 */
export function draftMentions(text: string, members: readonly ChannelMember[], myId: string): MentionContext {
  const { names, broadcasts } = parseMentions(text);
  const byName = new Map(members.map((m) => [m.username, m]));
  const mentions = names
    .map((name) => byName.get(name))
    .filter((m) => m !== undefined)
    .slice(0, LIMITS.mentionsPerMessageMax)
    .map((m) => ({ userId: m.userId, username: m.username }));
  return { mentions, broadcasts, myId };
}
