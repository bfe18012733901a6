import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, person, type Person } from './harness/api';
import { openTab, type Tab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { SCREENSHOT_DIR } from './harness/paths';
import { openChannel, poll, send, signInContext } from './harness/ui';

const message = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

/**
 * Private channels, group DMs, moderation and profiles with four people in four
 * browsers: Ana owns the workspace, Ben moderates, Cy is a member, Dee is a
 * member who is in none of the private conversations.
 */
describe('private conversations and moderation between four people', () => {
  const hearth = useHearth();
  const who = { ana: person('Ana Lima'), ben: person('Ben Okafor'), cy: person('Cy Tanaka'), dee: person('Dee Park') };
  let workspaceId: string;
  let generalId: string;
  let api: Record<keyof typeof who, ApiClient>;
  let tabs: Record<keyof typeof who, Tab>;
  /** Every WebSocket frame Dee's browser received, as text. */
  const deeHeard: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const url = hearth.server.url;
    const ana = await ApiClient.signUp(url, who.ana);
    ({ workspaceId, channelId: generalId } = await ana.createWorkspace('Lighthouse Crew'));
    const join = async (p: Person) => ApiClient.signUp(url, p, await ana.createInvite(workspaceId));
    api = { ana, ben: await join(who.ben), cy: await join(who.cy), dee: await join(who.dee) };
    await ana.setRole(workspaceId, api.ben.accountId, 'moderator');

    const open = async (p: Person, listen?: (page: Page) => void) => {
      const tab = await openTab(hearth.browser, url);
      listen?.(tab.page);
      await signInContext(tab.context, url, p);
      await openChannel(tab.page, workspaceId, generalId);
      return tab;
    };
    tabs = {
      ana: await open(who.ana),
      ben: await open(who.ben),
      cy: await open(who.cy),
      dee: await open(who.dee, (page) => page.on('websocket', (ws) => ws.on('framereceived', (frame) => deeHeard.push(String(frame.payload))))),
    };
  });

  it('a private channel and a group DM are seen only by their members, live', async () => {
    const { ana, ben, cy, dee } = tabs;

    // Ana makes a private channel and adds Ben from its member list.
    await ana.page.getByRole('button', { name: 'Create a channel' }).click();
    const create = ana.page.getByTestId('create-channel-dialog');
    await create.locator('input[name=name]').fill('surprise-party');
    await create.getByTestId('private-toggle').check();
    await create.getByRole('button', { name: 'Create private channel' }).click();
    await ana.page.getByRole('region', { name: '#surprise-party' }).waitFor();
    await ana.page.getByTestId('member-count').click();
    await ana.page.getByTestId('add-people').click();
    const adding = ana.page.getByTestId('add-people-dialog');
    await adding.getByTestId('person-search').fill('okafor');
    await adding.getByTestId('person-option').filter({ hasText: 'Ben Okafor' }).click();
    await adding.getByTestId('confirm-add-people').click();
    await ana.page.getByTestId('channel-details').getByTestId('member-row').filter({ hasText: 'Ben Okafor' }).waitFor();
    await ana.page.keyboard.press('Escape');
    await send(ana.page, 'Cake for Dee on Friday — keep it quiet');

    // Ben has it in his sidebar (with a lock) and the message, live.
    const benLink = sidebar(ben.page).getByTestId('sidebar-channel').filter({ hasText: 'surprise-party' });
    await benLink.click();
    await message(ben.page, 'Cake for Dee on Friday').waitFor();

    // Ana starts a group DM with Ben and Cy from the picker.
    await ana.page.getByTestId('new-dm').click();
    const picker = ana.page.getByTestId('new-dm-dialog');
    for (const name of ['Ben', 'Cy']) {
      await picker.getByTestId('person-search').fill(name);
      await picker.getByTestId('person-option').filter({ hasText: name }).first().click();
    }
    await poll(() => picker.getByTestId('picked-person').count()).toBe(2);
    await shoot(ana.page, 'dm-picker');
    await picker.getByTestId('open-dm').click();
    await send(ana.page, 'Who brings candles?');
    const cyDm = sidebar(cy.page).getByTestId('sidebar-dm').filter({ hasText: 'Ben Okafor' });
    await cyDm.click();
    await message(cy.page, 'Who brings candles?').waitFor();

    // Dee sees neither conversation, no live event about them, and cannot open them by address.
    const surprise = (await api.ana.channelIds(workspaceId)).find((c) => c.name === 'surprise-party')!.id;
    const dm = (await api.ana.channelIds(workspaceId)).find((c) => c.kind === 'dm')!.id;
    await send(cy.page, 'I will, and matches');
    await message(ana.page, 'I will, and matches').waitFor();
    expect(await sidebar(dee.page).getByText('surprise-party').count()).toBe(0);
    expect(await sidebar(dee.page).getByTestId('sidebar-dm').count()).toBe(0);
    const heard = deeHeard.join('\n');
    for (const secret of [surprise, dm, 'Cake for Dee', 'candles', 'matches', 'surprise-party']) expect(heard).not.toContain(secret);
    for (const id of [surprise, dm]) expect(await api.dee.status(`/api/workspaces/${workspaceId}/channels/${id}/messages`)).toBe(404);
    await dee.page.goto(`/w/${workspaceId}/${surprise}`);
    await dee.page.getByRole('region', { name: '#general' }).waitFor();
    expect(await dee.page.getByText('Cake for Dee').count()).toBe(0);
  });

  it('a moderator times Cy out: Cy’s composer says until when, and comes back when it is cleared', async () => {
    const { ben, cy } = tabs;
    await openChannel(cy.page, workspaceId, generalId);
    await openChannel(ben.page, workspaceId, generalId);
    await ben.page.locator('.workspace-name').click();
    await ben.page.getByRole('menuitem', { name: 'Members' }).click();
    const row = ben.page.getByTestId('member-row').filter({ hasText: 'Cy Tanaka' });
    await row.getByTestId('member-actions').click();
    await shoot(ben.page, 'member-list');
    await ben.page.getByRole('menuitem', { name: 'Time out…' }).click();
    const dialog = ben.page.getByTestId('timeout-dialog');
    await dialog.getByLabel('10 minutes').check();
    await dialog.locator('input[name=reason]').fill('Cooling off');
    await dialog.getByRole('button', { name: 'Time out' }).click();

    const notice = cy.page.getByTestId('timed-out-notice');
    await notice.waitFor();
    // The end of the timeout in Cy's own clock: ten minutes from when it was given (the minute may turn meanwhile).
    const ends = await cy.page.evaluate(() => {
      const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
      return [-1, 0].map((minute) => time.format(Date.now() + (10 + minute) * 60_000));
    });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/timed out until/i);
    expect(ends.some((end) => text.includes(end)), `${text} names one of ${ends.join(', ')}`).toBe(true);
    expect(await cy.page.getByTestId('composer').count()).toBe(0);

    await row.getByTestId('member-actions').click();
    await ben.page.getByRole('menuitem', { name: 'Clear timeout' }).click();
    await cy.page.getByTestId('composer').waitFor();
    await send(cy.page, 'Sorry about that');
    await message(ben.page, 'Sorry about that').waitFor();
    await ben.page.keyboard.press('Escape');
  });

  it('a ban drops Dee’s open page out of the workspace at once, and the audit log records it', async () => {
    const { ana, dee } = tabs;
    await ana.page.locator('.workspace-name').click();
    await ana.page.getByRole('menuitem', { name: 'Members' }).click();
    await ana.page.getByTestId('member-row').filter({ hasText: 'Dee Park' }).getByTestId('member-actions').click();
    await ana.page.getByRole('menuitem', { name: 'Ban…' }).click();
    const dialog = ana.page.getByTestId('ban-dialog');
    await dialog.locator('input[name=reason]').fill('Testing bans');
    await dialog.getByRole('button', { name: 'Ban Dee Park' }).click();

    const lost = dee.page.getByTestId('access-lost');
    await lost.waitFor();
    expect(await lost.getAttribute('data-reason')).toBe('banned');
    expect(await api.dee.status(`/api/workspaces/${workspaceId}`)).toBe(404);
    await poll(async () => (await api.dee.workspaceIds()).includes(workspaceId)).toBe(false);

    await ana.page.keyboard.press('Escape');
    await ana.page.locator('.workspace-name').click();
    await ana.page.getByRole('menuitem', { name: 'Audit log' }).click();
    const log = ana.page.getByTestId('audit-log-dialog');
    await log.getByTestId('audit-row').first().waitFor();
    const actions = await log.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['member.ban', 'member.timeout', 'member.timeout_clear', 'member.role', 'channel.member_add']));
    expect(await log.getByTestId('audit-row').filter({ hasText: 'Dee Park' }).first().textContent()).toContain('Testing bans');
    await shoot(ana.page, 'audit-log');
    await ana.page.keyboard.press('Escape');
  });

  it('a name opens the person’s card; account settings list this browser’s session', async () => {
    const { ana } = tabs;
    await openChannel(ana.page, workspaceId, generalId);
    await send(ana.page, 'Ben, can you check the lamp?');
    await openChannel(tabs.ben.page, workspaceId, generalId);
    await send(tabs.ben.page, 'On my way up');
    const author = message(ana.page, 'On my way up').getByTestId('message-author').first();
    await author.click();
    const card = ana.page.getByTestId('user-card');
    await card.waitFor();
    expect(await card.getByTestId('user-card-name').textContent()).toContain('Ben Okafor');
    expect(await card.getByTestId('user-card-role').textContent()).toMatch(/moderator/i);
    await shoot(ana.page, 'profile-card');
    await ana.page.keyboard.press('Escape');

    await ana.page.goto('/settings/account');
    const sessions = ana.page.getByTestId('session-row');
    await sessions.first().waitFor();
    expect(await ana.page.getByTestId('this-device').count()).toBe(1);
    await shoot(ana.page, 'account-settings');
  });
});
