import { describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { openChannel, poll, signInContext } from './harness/ui';

describe('search', () => {
  const hearth = useHearth();

  it('opens with /, offers people for from:, marks the words found, and a click opens the message deep in history, highlighted', async () => {
    const server = hearth.server;
    const ada = person('Ada');
    const api = await ApiClient.signUp(server.url, ada);
    const { workspaceId, channelId } = await api.createWorkspace('Search');
    const filler = Array.from({ length: 120 }, (_, i) => `filler line ${i}`);
    await api.send(workspaceId, channelId, ['The connection was reset (ERR_CONN_RESET) at dawn', '東京都に住んでいます', ...filler]);

    const { page, context, errors } = await openTab(hearth.browser, server.url);
    await signInContext(context, server.url, ada);
    await openChannel(page, workspaceId, channelId);
    await page.getByTestId('message-body').filter({ hasText: 'filler line 119' }).waitFor();

    await page.keyboard.press('/');
    const input = page.getByTestId('search-input');
    await input.waitFor();
    await input.pressSequentially('from:@');
    await page.getByTestId('search-filter-option').first().waitFor();
    expect(await page.getByTestId('search-filter-option').first().textContent()).toContain(ada.username);
    // Enter takes the suggestion; the filter then narrows the search.
    await input.press('Enter');
    await poll(() => input.inputValue()).toBe(`from:@${ada.username} `);
    await input.press('End');
    await input.pressSequentially('connecting');
    await input.press('Enter');
    const hit = page.getByTestId('search-hit');
    await hit.first().waitFor();
    expect(await hit.count()).toBe(1);
    expect(await hit.locator('mark').first().textContent()).toBe('connection');

    await input.fill('東京');
    await input.press('Enter');
    await poll(async () => (await hit.first().textContent()) ?? '').toContain('東京都');
    expect(await hit.locator('mark').first().textContent()).toBe('東京');
    await page.getByTestId('search-sort-relevance').click();
    await poll(() => hit.count()).toBe(1);

    await hit.first().click();
    const row = page.locator('.channel-column [data-seq="2"]');
    await row.waitFor();
    await poll(() => row.evaluate((el) => el.classList.contains('highlight'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens with Ctrl+K and pages with More results', async () => {
    const server = hearth.server;
    const bo = person('Bo');
    const api = await ApiClient.signUp(server.url, bo);
    const { workspaceId, channelId } = await api.createWorkspace('Paging');
    await api.send(workspaceId, channelId, Array.from({ length: 25 }, (_, i) => `papaya ${i}`));
    const { page, context, errors } = await openTab(hearth.browser, server.url);
    await signInContext(context, server.url, bo);
    await openChannel(page, workspaceId, channelId);
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('search-input');
    await input.fill('papaya');
    await input.press('Enter');
    await poll(() => page.getByTestId('search-hit').count()).toBe(20);
    await page.getByTestId('search-more').click();
    await poll(() => page.getByTestId('search-hit').count()).toBe(25);
    expect(errors).toEqual([]);
    await context.close();
  });
});
