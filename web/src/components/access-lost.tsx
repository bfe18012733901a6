import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import type { AccessLossReason } from '../../../src/shared/gateway';

export interface AccessLoss {
  reason: AccessLossReason;
  /** The server's own words, when it gave any. */
  message: string;
  workspaceName: string;
}

const HEADLINE: Record<AccessLossReason, (workspace: string) => string> = {
  removed: (w) => `You were removed from ${w}`,
  banned: (w) => `You were banned from ${w}`,
  left: (w) => `You left ${w}`,
  account_deleted: () => 'Your account was deleted',
  account_deactivated: () => 'Your account was deactivated',
};

/** What replaces a workspace the person just lost: why, and the way home. */
export function AccessLost(props: { loss: AccessLoss }): JSX.Element {
  const headline = () => HEADLINE[props.loss.reason](props.loss.workspaceName);
  // The server's words, unless they only repeat the headline.
  const detail = () => {
    const message = props.loss.message.trim().replace(/\.$/, '');
    return message && message !== headline() ? props.loss.message : 'You can no longer see its channels or messages.';
  };
  return (
    <main class="access-lost" data-testid="access-lost" data-reason={props.loss.reason}>
      <div class="access-lost-card">
        <h1>{headline()}</h1>
        <p class="hint">{detail()}</p>
        <A class="button primary" href="/home">
          Go to your workspaces
        </A>
      </div>
    </main>
  );
}
