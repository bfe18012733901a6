import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { channelView, poll, shownAccount, signInContext, submitSignIn } from './harness/ui';

describe('several accounts in one browser', () => {
  const hearth = useHearth();
  const heidi = person('Heidi');
  const ivan = person('Ivan');
  let ivansGarage: { workspaceId: string; channelId: string };

  beforeAll(async () => {
    await (await ApiClient.signUp(hearth.server.url, heidi)).createWorkspace('Heidi’s Bakery');
    ivansGarage = await (await ApiClient.signUp(hearth.server.url, ivan)).createWorkspace('Ivan’s Garage');
  });

  it('a second account signs in from the account menu, and one click switches back to the first', async () => {
    const server = hearth.server;

    const { page, context, errors } = await openTab(hearth.browser, server.url);
    await page.goto('/signin');
    await submitSignIn(page, heidi);
    await channelView(page, 'general').waitFor();
    expect(await shownAccount(page)).toBe('Heidi');
    expect(await page.locator('.workspace-name').innerText()).toBe('Heidi’s Bakery');

    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: 'Add another account' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await submitSignIn(page, ivan);
    await poll(() => page.locator('.workspace-name').innerText()).toBe('Ivan’s Garage');
    expect(await shownAccount(page)).toBe('Ivan');

    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: /Heidi/ }).click();
    await poll(() => shownAccount(page)).toBe('Heidi');
    await poll(() => page.locator('.workspace-name').innerText()).toBe('Heidi’s Bakery');
    await channelView(page, 'general').waitFor();

    // Both stay signed in: switching the other way is one click too, and survives a reload.
    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: /Ivan/ }).click();
    await poll(() => page.locator('.workspace-name').innerText()).toBe('Ivan’s Garage');
    await page.reload();
    await channelView(page, 'general').waitFor();
    expect(await shownAccount(page)).toBe('Ivan');
    expect(await page.locator('.workspace-name').innerText()).toBe('Ivan’s Garage');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link to a workspace the account is not in says it is not available', async () => {
    const { page, context, errors } = await openTab(hearth.browser, hearth.server.url);
    await signInContext(context, hearth.server.url, heidi);
    await page.goto(`/w/${ivansGarage.workspaceId}/${ivansGarage.channelId}`);
    await page.getByRole('heading', { name: 'This workspace is not available' }).waitFor();
    expect(await page.getByTestId('composer').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
