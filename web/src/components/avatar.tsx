import { createSignal, Show, useContext, type JSX } from 'solid-js';
import type { Presence } from '../../../src/shared/model';
import { avatarSrc } from '../lib/profile';
import { MembersContext } from '../stores/members';

/** Eight colours defined in the stylesheet as .hue-0 … .hue-7 (no inline style: the CSP forbids it). */
const HUE_COUNT = 8;

function hueOf(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return Math.abs(hash) % HUE_COUNT;
}

export function initials(name: string): string {
  const words = name.trim().split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export const PRESENCE_LABEL: Record<Presence, string> = {
  online: 'Active',
  away: 'Away',
  dnd: 'Do not disturb',
  offline: 'Offline',
};

export type AvatarSize = 'sm' | 'md' | 'lg' | 'xl';

/**
 * A person's picture (`src`), or their (or a workspace's) initials on a colour
 * derived from their id when there is none or it fails to load; with
 * `presence`, a dot in the corner says whether they are around.
 */
export function Avatar(props: {
  name: string;
  seed: string;
  size?: AvatarSize;
  class?: string;
  presence?: Presence;
  src?: string | null;
}): JSX.Element {
  // The address that failed, so a new picture (a new version in the address) is tried again.
  const [failed, setFailed] = createSignal<string | null>(null);
  const classes = () => `avatar avatar-${props.size ?? 'md'} ${props.class ?? ''}`;
  const square = () => (
    <Show
      when={props.src && props.src !== failed() ? props.src : null}
      fallback={
        <span class={`${classes()} hue-${hueOf(props.seed)}`} aria-hidden="true">
          {initials(props.name)}
        </span>
      }
    >
      {(src) => <img class={`${classes()} avatar-image`} src={src()} alt="" aria-hidden="true" draggable={false} onError={() => setFailed(src())} />}
    </Show>
  );
  return (
    <Show when={props.presence} fallback={square()}>
      {(presence) => (
        <span class="presence-wrap" title={PRESENCE_LABEL[presence()]}>
          {square()}
          <span class={`presence-dot ${presence()}`} data-presence={presence()} />
        </span>
      )}
    </Show>
  );
}

/** A person's avatar with their picture, looked up in the open workspace's members (initials outside a workspace). */
export function PersonAvatar(props: { userId: string; name: string; size?: AvatarSize; class?: string; presence?: Presence }): JSX.Element {
  const members = useContext(MembersContext);
  return (
    <Avatar
      name={props.name}
      seed={props.userId}
      size={props.size}
      class={props.class}
      presence={props.presence}
      src={avatarSrc(props.userId, members?.get(props.userId))}
    />
  );
}
