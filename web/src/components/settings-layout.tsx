import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { profileEditor } from '../stores/profile-editor';
import { useSession } from '../stores/session';
import { Brand } from './brand';
import { ChevronLeftIcon } from './icons';

/** The frame of the settings pages: a side list of pages (administration for instance admins) and the page's title. */
export function SettingsLayout(props: { title: string; intro: string; children: JSX.Element; testId?: string }): JSX.Element {
  const session = useSession();
  return (
    <div class="settings-page">
      <nav class="settings-nav" aria-label="Settings">
        <Brand />
        <A href="/" class="settings-back" data-testid="settings-back">
          <ChevronLeftIcon /> Back to chat
        </A>
        <div class="settings-nav-label">Your account</div>
        <button class="settings-link" type="button" onClick={() => profileEditor.show()}>
          Profile
        </button>
        <A href="/settings/account" class="settings-link" activeClass="active" end>
          Account and security
        </A>
        <Show when={session.account()?.isAdmin}>
          <div class="settings-nav-label">This server</div>
          <A href="/admin" class="settings-link" activeClass="active" end>
            Administration
          </A>
        </Show>
      </nav>
      <main class="settings-main" data-testid={props.testId}>
        <header class="settings-header">
          <h1>{props.title}</h1>
          <p class="hint">{props.intro}</p>
        </header>
        {props.children}
      </main>
    </div>
  );
}
