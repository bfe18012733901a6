import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, person, type Person } from './harness/api';
import { openTab, type Tab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { SCREENSHOT_DIR } from './harness/paths';
import { channelView, openChannel, poll, send, signInContext } from './harness/ui';

/**
 * Records every desktop notification the page raises, while still raising it
 * through the browser's real Notification API.
 */
const RECORD_NOTIFICATIONS = `
  const Real = window.Notification;
  window.__notifications = [];
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      window.__notifications.push({ title, body: options && options.body });
    }
  };
`;

/** Makes the page believe its tab is in the background (another tab in front, window not focused). */
async function sendToBackground(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.hasFocus = () => false;
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const notifications = (page: Page) => page.evaluate(() => (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications);

const message = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text });
const sidebarLink = (page: Page, name: string) => page.locator('.sidebar a.channel-link').filter({ hasText: name });
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

describe('conversations between three people', () => {
  const hearth = useHearth();
  const who = { ada: person('Ada Lovelace'), ben: person('Ben Okafor'), cy: person('Cy Tanaka') };
  let room: { workspaceId: string; channelId: string; randomId: string };
  let tabs: Record<'ada' | 'ben' | 'cy', Tab>;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const url = hearth.server.url;
    const adaApi = await ApiClient.signUp(url, who.ada);
    const { workspaceId, channelId } = await adaApi.createWorkspace('Machine Shop');
    const others = [await ApiClient.signUp(url, who.ben, await adaApi.createInvite(workspaceId)), await ApiClient.signUp(url, who.cy, await adaApi.createInvite(workspaceId))];
    const randomId = await adaApi.createChannel(workspaceId, 'random');
    for (const api of others) await api.joinChannel(workspaceId, randomId);
    room = { workspaceId, channelId, randomId };

    const open = async (who: Person) => {
      const tab = await openTab(hearth.browser, url);
      await tab.context.grantPermissions(['notifications']);
      await tab.context.addInitScript(RECORD_NOTIFICATIONS);
      await signInContext(tab.context, url, who);
      await openChannel(tab.page, workspaceId, channelId);
      return tab;
    };
    tabs = { ada: await open(who.ada), ben: await open(who.ben), cy: await open(who.cy) };
  });

  it('reactions from the picker, and toggling them, reach everyone live', async () => {
    const { ada, ben, cy } = tabs;
    await send(ada.page, 'Morning all, the new lathe arrived');
    await message(ben.page, 'the new lathe arrived').waitFor();

    // Ben reacts from the toolbar's picker, searching for the emoji.
    const onBens = message(ben.page, 'the new lathe arrived');
    await onBens.hover();
    await onBens.getByRole('button', { name: 'Add reaction' }).first().click();
    const picker = ben.page.getByTestId('emoji-popover');
    await picker.getByRole('searchbox').fill('tada');
    await shoot(ben.page, 'emoji-picker');
    await picker.getByRole('gridcell', { name: /party popper/i }).first().click();

    const chip = (page: Page) => message(page, 'the new lathe arrived').locator('[data-testid="reaction"][data-emoji="🎉"]');
    await poll(() => chip(cy.page).locator('.reaction-count').textContent()).toBe('1');
    expect(await chip(cy.page).getAttribute('title')).toContain('Ben Okafor');

    // Cy adds to it by clicking the chip; Ada sees two, Ben's chip is marked as his.
    await chip(cy.page).click();
    await poll(() => chip(ada.page).locator('.reaction-count').textContent()).toBe('2');
    expect(await chip(ben.page).getAttribute('aria-pressed')).toBe('true');

    // Ben takes his back.
    await chip(ben.page).click();
    await poll(() => chip(ada.page).locator('.reaction-count').textContent()).toBe('1');
    expect(await chip(ada.page).getAttribute('title')).toContain('Cy Tanaka');
    expect(await chip(ada.page).getAttribute('title')).not.toContain('Ben Okafor');
  });

  it('a thread: replies in the side panel, the count in the channel, and "also send to channel"', async () => {
    const { ada, ben, cy } = tabs;
    await send(ada.page, 'Who can calibrate the lathe today?');
    const root = message(ada.page, 'Who can calibrate the lathe today?');
    await root.hover();
    await root.getByRole('button', { name: 'Reply in thread' }).click();
    const adaThread = ada.page.getByTestId('thread-panel');
    await adaThread.getByTestId('composer').fill('It needs the dial indicator from the store room');
    await adaThread.getByTestId('composer').press('Enter');

    // Ben sees the reply count under the root, not the reply itself in the channel.
    const summary = message(ben.page, 'Who can calibrate the lathe today?').getByTestId('thread-summary');
    await poll(() => summary.locator('.thread-count').textContent()).toBe('1 reply');
    expect(await message(ben.page, 'dial indicator').count()).toBe(0);

    // Ben opens the thread and answers, also to the channel; Cy sees that answer in the channel.
    await summary.click();
    const benThread = ben.page.getByTestId('thread-panel');
    await benThread.getByText('It needs the dial indicator from the store room').waitFor();
    await benThread.getByTestId('also-to-channel').check();
    await benThread.getByTestId('composer').fill('I can, after lunch');
    await benThread.getByTestId('composer').press('Enter');
    await channelView(cy.page, 'general').getByTestId('message').filter({ hasText: 'I can, after lunch' }).waitFor();
    await poll(() => message(cy.page, 'Who can calibrate the lathe today?').getByTestId('thread-summary').locator('.thread-count').textContent()).toBe('2 replies');
    // Ada's open thread got Ben's reply live.
    await adaThread.getByText('I can, after lunch').waitFor();
    await shoot(ben.page, 'thread');
  });

  it('@mentions: autocomplete by keyboard, resolved by the server, highlighted for the person named', async () => {
    const { ben, cy } = tabs;
    const composer = cy.page.getByTestId('composer');
    await composer.click();
    await composer.pressSequentially('@okaf');
    const option = cy.page.getByTestId('mention-option').first();
    await poll(() => option.textContent()).toContain('Ben Okafor');
    await composer.press('Enter');
    await composer.pressSequentially('can you check the coolant?');
    expect(await composer.inputValue()).toBe(`@${who.ben.username} can you check the coolant?`);
    await composer.press('Enter');

    const forBen = message(ben.page, 'can you check the coolant?');
    await poll(() => forBen.getAttribute('class')).toContain('mentioned');
    await poll(() => forBen.getByTestId('mention').textContent()).toBe(`@${who.ben.username}`);
    // Cy wrote it: not highlighted as a mention of Cy.
    expect(await message(cy.page, 'can you check the coolant?').getAttribute('class')).not.toContain('mentioned');
  });

  it('typing shows up for the others', async () => {
    const { ada, cy } = tabs;
    await cy.page.getByTestId('composer').pressSequentially('thinking about it');
    await poll(() => channelView(ada.page, 'general').locator('.channel-column > [data-testid=typing-line]').textContent()).toContain('Cy Tanaka is typing');
    await cy.page.getByTestId('composer').fill('');
  });

  it('edits and deletes reach the other two', async () => {
    const { ada, ben, cy } = tabs;
    await send(cy.page, 'Coolent is low');
    const mine = message(cy.page, 'Coolent is low');
    await mine.hover();
    await mine.getByRole('button', { name: 'Edit message' }).click();
    await cy.page.getByTestId('message-editor').fill('Coolant is low');
    await cy.page.getByTestId('message-editor').press('Enter');
    await message(ada.page, 'Coolant is low').waitFor();
    await message(ben.page, 'Coolant is low').getByTestId('edited').waitFor();

    cy.page.once('dialog', (dialog) => void dialog.accept());
    const edited = message(cy.page, 'Coolant is low');
    await edited.hover();
    await edited.getByRole('button', { name: 'Delete message' }).click();
    await poll(() => message(ada.page, 'Coolant is low').count()).toBe(0);
    await poll(() => message(ben.page, 'Coolant is low').count()).toBe(0);
  });

  it('unread channels and mention counts in the sidebar, the "New" line, and a desktop notification in the background', async () => {
    const { ada, ben, cy } = tabs;
    // Ben is in #general with his tab in the background; Cy and Ada write in #random.
    await sendToBackground(ben.page);
    await openChannel(cy.page, room.workspaceId, room.randomId, 'random');
    await send(cy.page, 'Lunch order going in at 11:30');
    await send(cy.page, `@${who.ben.username} do you want the usual?`);

    await poll(() => sidebarLink(ben.page, 'random').getByTestId('mention-badge').textContent()).toBe('1');
    expect(await sidebarLink(ben.page, 'random').getAttribute('class')).toContain('unread');
    // Ada was not mentioned: #random is unread for her but without a count.
    await poll(() => sidebarLink(ada.page, 'random').getAttribute('data-unread')).toBe('true');
    expect(await sidebarLink(ada.page, 'random').getByTestId('mention-badge').count()).toBe(0);
    await shoot(ben.page, 'sidebar-unread');

    // The mention raised a desktop notification; the tab title carries the count.
    await poll(() => notifications(ben.page)).toContainEqual({ title: 'Cy Tanaka in #random', body: `@${who.ben.username} do you want the usual?` });
    expect(await ben.page.title()).toMatch(/^\(1\) /);

    // Ben comes back and opens #random: the "New" line sits above the first unread message, and the badge goes.
    await ben.page.reload();
    await sidebarLink(ben.page, 'random').click();
    await channelView(ben.page, 'random').waitFor();
    const line = ben.page.getByTestId('new-messages-line');
    await line.waitFor();
    const nextText = await line.evaluate((el) => el.nextElementSibling?.textContent ?? '');
    expect(nextText).toContain('Lunch order going in at 11:30');
    await poll(() => sidebarLink(ben.page, 'random').getByTestId('mention-badge').count()).toBe(0);
    expect(await ben.page.title()).not.toMatch(/^\(/);

    // Read on one device is read on all: a second browser of Ben's shows #random read.
    const other = await openTab(hearth.browser, hearth.server.url);
    await signInContext(other.context, hearth.server.url, who.ben);
    await openChannel(other.page, room.workspaceId, room.channelId);
    await poll(() => sidebarLink(other.page, 'random').getAttribute('data-unread')).toBe(null);
    await other.context.close();
  });

  it('saved for later: save from the toolbar, find it in the list, jump back to it', async () => {
    const { ben } = tabs;
    await openChannel(ben.page, room.workspaceId, room.channelId);
    const target = message(ben.page, 'Who can calibrate the lathe today?');
    await target.hover();
    await target.getByRole('button', { name: 'Save for later' }).click();
    await poll(() => target.getByRole('button', { name: 'Remove from saved' }).count()).toBe(1);

    await openChannel(ben.page, room.workspaceId, room.randomId, 'random');
    await ben.page.getByTestId('open-saved').click();
    const item = ben.page.getByTestId('saved-item').filter({ hasText: 'Who can calibrate the lathe today?' });
    await item.waitFor();
    expect(await item.textContent()).toContain('#general');
    await item.click();
    await channelView(ben.page, 'general').waitFor();
    await poll(() => ben.page.url()).toContain(`/w/${room.workspaceId}/${room.channelId}`);
  });

  it('presence: do not disturb shows on the avatar for the others', async () => {
    const { ada, ben } = tabs;
    await openChannel(ada.page, room.workspaceId, room.randomId, 'random');
    await openChannel(ben.page, room.workspaceId, room.randomId, 'random');
    await ben.page.getByTestId('account-button').click();
    await ben.page.getByTestId('status-dnd').click();
    // Cy's first message carries her avatar and its presence dot; Ben's shows on his.
    const dot = message(ada.page, 'Lunch order going in').locator('.presence-dot');
    await send(ben.page, 'Yes please');
    await poll(() => message(ada.page, 'Yes please').locator('.presence-dot').getAttribute('data-presence')).toBe('dnd');
    expect(await dot.getAttribute('data-presence')).toBe('online');
    for (const tab of Object.values(tabs)) expect(tab.errors).toEqual([]);
  });
});
