import { Match, Show, Switch, type JSX } from 'solid-js';
import { createAction } from '../lib/action';
import { formatCountdown, formatLocalMoment, formatSeconds } from '../lib/durations';
import type { Posting } from '../stores/posting';
import { FormError } from './form-error';
import { ArchiveIcon, ClockIcon } from './icons';

/** The composer, or what stands in its place while the caller cannot post: the channel is archived, or they are timed out. */
export function ComposerGate(props: { posting: Posting; onUnarchive?: () => Promise<unknown>; children: JSX.Element }): JSX.Element {
  const unarchive = createAction(async () => props.onUnarchive?.());
  return (
    <Switch fallback={props.children}>
      <Match when={props.posting.archived()}>
        <div class="composer-blocked" role="status" data-testid="archived-notice">
          <ArchiveIcon size={18} />
          <span class="composer-blocked-text">
            <strong>This channel is archived — read-only.</strong> Its messages stay readable and searchable.
          </span>
          <Show when={props.onUnarchive}>
            <button class="button" type="button" disabled={unarchive.busy()} onClick={() => void unarchive.run()} data-testid="unarchive">
              Unarchive
            </button>
          </Show>
          <FormError message={unarchive.error()} />
        </div>
      </Match>
      <Match when={props.posting.timedOutUntil()}>
        {(until) => (
          <div class="composer-blocked warning" role="status" data-testid="timed-out-notice">
            <ClockIcon size={18} />
            <span class="composer-blocked-text">
              <strong>You are timed out until {formatLocalMoment(until())}</strong> (by moderators). You can read, but not post, react or edit until then.
            </span>
          </div>
        )}
      </Match>
    </Switch>
  );
}

/** Under the composer in slow mode: the pace, and after sending, how long until the next message. */
export function SlowModeHint(props: { posting: Posting }): JSX.Element {
  return (
    <span class="slow-mode-hint" data-testid="slow-mode-hint">
      <ClockIcon size={12} /> Slow mode: 1 message every {formatSeconds(props.posting.slowModeSeconds())}
      <Show when={props.posting.cooldownLeft() > 0}>
        <span class="slow-mode-wait" data-testid="slow-mode-countdown">
          {' '}
          · you can send again in {props.posting.cooldownLeft() < 60 ? `${props.posting.cooldownLeft()} s` : formatCountdown(props.posting.cooldownLeft())}
        </span>
      </Show>
    </span>
  );
}
