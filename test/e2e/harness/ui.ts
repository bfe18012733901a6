import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ApiClient, type Person } from './api';
import { openTab, UI_TIMEOUT_MS, type Tab } from './browser';

/** Fills the sign-up form the page shows (on /signup, maybe with an invite code filled in) and submits it. */
export async function submitSignUp(page: Page, who: Person): Promise<void> {
  await page.locator('input[name=username]').fill(who.username);
  await page.locator('input[name=displayName]').fill(who.displayName);
  await page.locator('input[name=password]').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname !== '/signup');
}

export async function signUp(page: Page, who: Person): Promise<void> {
  await page.goto('/signup');
  await submitSignUp(page, who);
}

export async function submitSignIn(page: Page, who: Person): Promise<void> {
  await page.locator('input[name=username]').fill(who.username);
  await page.locator('input[name=password]').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

/** Signs the browser profile in through the API (its cookie jar is the context's), for tests about something else. */
export async function signInContext(context: BrowserContext, baseURL: string, who: Person): Promise<void> {
  const response = await context.request.post(`${baseURL}/api/auth/signin`, {
    data: { username: who.username, password: who.password },
    headers: { Origin: baseURL },
  });
  if (!response.ok()) throw new Error(`sign-in of ${who.username} answered ${response.status()}`);
}

/** The channel view for `name`, once its history has been shown. */
export function channelView(page: Page, name: string) {
  return page.getByRole('region', { name: `#${name}` });
}

export async function openChannel(page: Page, workspaceId: string, channelId: string, name = 'general'): Promise<void> {
  await page.goto(`/w/${workspaceId}/${channelId}`);
  await channelView(page, name).waitFor();
}

/** Types into the composer and presses Enter; `\n` in the text becomes Shift+Enter. */
export async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByTestId('composer');
  await composer.click();
  const lines = text.split('\n');
  if (lines.length === 1) await composer.fill(text);
  else {
    for (const [i, line] of lines.entries()) {
      if (i > 0) await composer.press('Shift+Enter');
      await composer.pressSequentially(line);
    }
  }
  await composer.press('Enter');
  await poll(() => composer.inputValue()).toBe('');
}

/**
 * The stored messages the page shows (pending ones are not in it), oldest first, as
 * a reader sees them: the rendered text with its white space folded to single spaces,
 * so "**bold**\nnext" reads "bold next".
 */
export function bodies(page: Page): Promise<string[]> {
  return page.getByTestId('message-body').evaluateAll((shown) => shown.map((body) => (body as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

/** `expect.poll` with the suite's UI timeout instead of Vitest's one second. */
export function poll<T>(read: () => T | Promise<T>, timeout = UI_TIMEOUT_MS) {
  return expect.poll(read, { timeout, interval: 100 });
}

export async function expectBodies(page: Page, expected: string[], timeout = UI_TIMEOUT_MS): Promise<void> {
  await poll(() => bodies(page), timeout).toEqual(expected);
}

/** The name of the account the page acts as, from the account button. */
export function shownAccount(page: Page): Promise<string> {
  return page.getByTestId('account-button').locator('.account-display').innerText();
}

/**
 * Two people in one new workspace, each signed in in their own browser profile with its
 * #general open: `first` created the workspace and invited `second`.
 */
export async function twoInOneChannel(browser: Browser, url: string, first: Person, second: Person, workspaceName: string): Promise<[Tab, Tab]> {
  const firstApi = await ApiClient.signUp(url, first);
  const { workspaceId, channelId } = await firstApi.createWorkspace(workspaceName);
  await ApiClient.signUp(url, second, await firstApi.createInvite(workspaceId));
  const open = async (as: Person) => {
    const tab = await openTab(browser, url);
    await signInContext(tab.context, url, as);
    await openChannel(tab.page, workspaceId, channelId);
    return tab;
  };
  return [await open(first), await open(second)];
}
