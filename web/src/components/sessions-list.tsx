import { createSignal, For, Show, type JSX, type Resource } from 'solid-js';
import type { SessionInfo } from '../../../src/shared/model';
import { endpoints } from '../api/endpoints';
import { createAction } from '../lib/action';
import { formatAgo, formatFull } from '../lib/format';
import { describeUserAgent, isMobile } from '../lib/user-agent';
import { ConfirmDialog } from './dialogs/confirm-dialog';
import { FormError } from './form-error';
import { MonitorIcon, PhoneIcon } from './icons';

/** Seen this recently counts as "Active now". */
const ACTIVE_NOW_MS = 5 * 60_000;

/** Where the account is signed in: this device first, then the most recently active; sign any or all others out. */
export function SessionsList(props: { sessions: Resource<SessionInfo[]>; onChanged: () => void }): JSX.Element {
  const sorted = () => [...(props.sessions() ?? [])].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
  const others = () => sorted().filter((s) => !s.current).length;

  const end = createAction(async (session: SessionInfo) => {
    await endpoints.endSession(session.id);
    props.onChanged();
  });
  const [confirming, setConfirming] = createSignal(false);

  const lastActive = (s: SessionInfo) => (s.current || Date.now() - s.lastSeenAt < ACTIVE_NOW_MS ? 'Active now' : `Last active ${formatAgo(s.lastSeenAt)}`);

  return (
    <div class="sessions">
      <Show when={!props.sessions.error} fallback={<FormError message="The sessions could not be loaded." />}>
        <ul class="session-list" aria-label="Active sessions" data-testid="session-list">
          <For each={sorted()} fallback={<li class="hint">{props.sessions.loading ? 'Loading…' : 'No sessions.'}</li>}>
            {(session) => (
              <li class="session-row" data-testid="session-row" data-current={session.current ? 'true' : undefined}>
                <span class="session-icon" aria-hidden="true">
                  {isMobile(session.userAgent) ? <PhoneIcon size={20} /> : <MonitorIcon size={20} />}
                </span>
                <div class="session-info">
                  <div class="session-device" title={session.userAgent}>
                    {describeUserAgent(session.userAgent)}
                    <Show when={session.current}>
                      <span class="tag tag-accent" data-testid="this-device">
                        This device
                      </span>
                    </Show>
                  </div>
                  <div class="session-meta">
                    <span class="mono">{session.address || 'Unknown address'}</span>
                    <span aria-hidden="true"> · </span>
                    <span title={formatFull(session.lastSeenAt)}>{lastActive(session)}</span>
                    <span aria-hidden="true"> · </span>
                    <span>Signed in {formatAgo(session.createdAt)}</span>
                  </div>
                </div>
                <Show when={!session.current}>
                  <button
                    class="button small"
                    type="button"
                    disabled={end.busy()}
                    aria-label={`Sign out ${describeUserAgent(session.userAgent)} at ${session.address}`}
                    onClick={() => void end.run(session)}
                  >
                    Sign out
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <FormError message={end.error()} />
      <Show when={others() > 0}>
        <div class="section-actions">
          <button class="button" type="button" onClick={() => setConfirming(true)} data-testid="end-other-sessions">
            Sign out all other sessions
          </button>
        </div>
      </Show>
      <Show when={confirming()}>
        <ConfirmDialog
          title="Sign out all other sessions?"
          confirmLabel="Sign them out"
          danger
          testId="end-other-sessions-dialog"
          onConfirm={async () => {
            await endpoints.endOtherSessions();
            props.onChanged();
          }}
          onClose={() => setConfirming(false)}
        >
          <p class="hint">
            {others()} other {others() === 1 ? 'session' : 'sessions'} will be signed out at once. Those devices need your password to sign in again. This
            device stays signed in.
          </p>
        </ConfirmDialog>
      </Show>
    </div>
  );
}
