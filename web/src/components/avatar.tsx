import { Show, type JSX } from 'solid-js';
import type { Presence } from '../../../src/shared/model';

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

/**
 * A square with a person's (or workspace's) initials on a colour derived from
 * their id; with `presence`, a dot in the corner says whether they are around.
 */
export function Avatar(props: { name: string; seed: string; size?: 'sm' | 'md' | 'lg'; class?: string; presence?: Presence }): JSX.Element {
  const square = () => (
    <span class={`avatar avatar-${props.size ?? 'md'} hue-${hueOf(props.seed)} ${props.class ?? ''}`} aria-hidden="true">
      {initials(props.name)}
    </span>
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
