import type { ActivityEvent } from '../../../src/shared/gateway';
import type { ChannelReadState, StatusOverride } from '../../../src/shared/model';

/**
 * Whether a new message deserves a desktop notification and a sound: never
 * for your own messages, under do-not-disturb, or in a muted channel; then by
 * the channel's level (all messages, or mentions only); never for the channel
 * you are looking at in a focused tab.
 */
export function shouldNotify(
  event: ActivityEvent,
  state: ChannelReadState,
  context: { myId: string; override: StatusOverride; viewingChannelId: string | undefined; focused: boolean },
): boolean {
  if (event.authorId === context.myId) return false;
  if (context.override === 'dnd' || state.muted || state.level === 'nothing') return false;
  if (context.focused && context.viewingChannelId === event.channelId) return false;
  return state.level === 'all' || event.mentionsYou;
}
