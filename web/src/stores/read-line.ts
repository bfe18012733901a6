import { createEffect, createSignal, on, onCleanup, onMount } from 'solid-js';
import type { ChannelSession } from './channel-session';
import type { Gateway } from './gateway';

const looking = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Where the "New" line goes in an open channel, and marking it read while the
 * reader looks at it. The line sits where they left off when they opened the
 * channel (or came back to the tab); nothing unread then, no line.
 */
export function createReadLine(channelId: string, session: ChannelSession, gateway: Gateway | undefined) {
  const readState = () => gateway?.state.channels[channelId];
  const [readUpTo, setReadUpTo] = createSignal<number | undefined>();
  let lineSet = false;
  createEffect(() => {
    const state = readState();
    if (!state || lineSet) return;
    lineSet = true;
    setReadUpTo(state.lastPostSeq > state.readSeq ? state.readSeq : Number.POSITIVE_INFINITY);
  });

  const markRead = () => {
    if (!session.state.loaded || !looking() || !gateway) return;
    gateway.markRead(channelId, session.state.lastSeq);
  };
  createEffect(on(() => [session.state.lastSeq, session.state.loaded, readState()?.lastPostSeq], markRead));

  onMount(() => {
    const onReturn = () => {
      if (!looking()) return;
      const state = readState();
      // Back after messages arrived unseen: move the line to where they start.
      if (state && state.lastPostSeq > state.readSeq) setReadUpTo(state.readSeq);
      markRead();
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    onCleanup(() => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    });
  });

  return readUpTo;
}
