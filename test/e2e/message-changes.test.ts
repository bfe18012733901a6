import { describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth, type Hearth } from './harness/hearth';
import { expectBodies, openChannel, poll, send, signInContext } from './harness/ui';

/** Two people in a new workspace, each with a tab open on its #general. */
async function twoInGeneral(hearth: Hearth, names: [string, string], workspaceName: string, seed: string[] = []) {
  const server = hearth.server;
  const [first, second] = names.map(person);
  const api = await ApiClient.signUp(server.url, first);
  const { workspaceId, channelId } = await api.createWorkspace(workspaceName);
  await ApiClient.signUp(server.url, second, await api.createInvite(workspaceId));
  if (seed.length > 0) await api.send(workspaceId, channelId, seed);
  const tabs = [];
  for (const who of [first, second]) {
    const tab = await openTab(hearth.browser, server.url);
    await signInContext(tab.context, server.url, who);
    await openChannel(tab.page, workspaceId, channelId);
    tabs.push(tab);
  }
  return tabs;
}

describe('editing and deleting messages', () => {
  const hearth = useHearth();

  it('an edit and a delete made in one browser show up live in the other, and survive a reload', async () => {
    const [a, b] = await twoInGeneral(hearth, ['Ada', 'Ben'], 'Workshop');

    await send(a.page, 'The lathe is broke');
    await send(a.page, 'Wrong channel, sorry');
    await expectBodies(b.page, ['The lathe is broke', 'Wrong channel, sorry']);

    // Ada edits her first message from its hover toolbar.
    const first = a.page.getByTestId('message').filter({ hasText: 'The lathe is broke' });
    await first.hover();
    await first.getByRole('button', { name: 'Edit message' }).click();
    const editor = a.page.getByTestId('message-editor');
    await editor.fill('The lathe is broken');
    await editor.press('Enter');
    await expectBodies(b.page, ['The lathe is broken', 'Wrong channel, sorry']);
    const edited = b.page.getByTestId('message').filter({ hasText: 'The lathe is broken' }).getByTestId('edited');
    await edited.click();
    await b.page.getByTestId('versions').filter({ hasText: 'The lathe is broke' }).waitFor();

    // Ben cannot edit or delete Ada's messages: no toolbar buttons for him.
    const theirs = b.page.getByTestId('message').first();
    await theirs.hover();
    expect(await theirs.getByRole('button', { name: 'Edit message' }).count()).toBe(0);
    expect(await theirs.getByRole('button', { name: 'Delete message' }).count()).toBe(0);

    // Ada deletes her second message, after confirming.
    a.page.once('dialog', (dialog) => void dialog.accept());
    const second = a.page.getByTestId('message').filter({ hasText: 'Wrong channel, sorry' });
    await second.hover();
    await second.getByRole('button', { name: 'Delete message' }).click();
    await expectBodies(b.page, ['The lathe is broken']);
    await b.page.getByText('This message was deleted.').waitFor();

    await a.page.getByTestId('message').first().hover();
    await a.page.screenshot({ path: 'test-results/screenshots/message-changes.png' });

    await b.page.reload();
    await expectBodies(b.page, ['The lathe is broken']);
    await poll(() => b.page.getByText('This message was deleted.').count()).toBe(1);
    expect(b.errors).toEqual([]);
  });
  it('a reply quotes its message for everyone, and clicking the quote jumps to it', async () => {
    const seed = ['Who has the forklift key?', ...Array.from({ length: 60 }, (_, i) => `Pallet ${i + 1} moved`)];
    const [c, d] = await twoInGeneral(hearth, ['Cy', 'Di'], 'Yard', seed);

    // The question is older than the first page: Di scrolls up to it.
    const question = d.page.getByTestId('message').filter({ hasText: 'Who has the forklift key?' });
    await poll(async () => {
      await d.page.getByTestId('message-list').evaluate((el) => (el.scrollTop = 0));
      return question.count();
    }).toBe(1);
    await question.hover();
    await question.getByRole('button', { name: 'Reply with quote' }).click();
    await d.page.getByTestId('replying-to').filter({ hasText: 'Who has the forklift key?' }).waitFor();
    await send(d.page, 'I do, it is in the office');
    await d.page.getByTestId('replying-to').waitFor({ state: 'hidden' });

    const quote = c.page.getByTestId('message').filter({ hasText: 'I do, it is in the office' }).getByTestId('reply-quote');
    await quote.filter({ hasText: 'Who has the forklift key?' }).waitFor();
    // Cy's page has only the newest page loaded: the quote was fetched, and the jump pages back to it.
    const target = c.page.locator('.message[data-seq="1"]');
    expect(await target.count()).toBe(0);
    await quote.click();
    await poll(() => target.evaluate((el) => el.classList.contains('highlight'))).toBe(true);
    await poll(async () => {
      const box = await target.boundingBox();
      const list = await c.page.getByTestId('message-list').boundingBox();
      return !!box && !!list && box.y >= list.y && box.y + box.height <= list.y + list.height;
    }).toBe(true);
    await c.page.screenshot({ path: 'test-results/screenshots/reply-jump.png' });
    await d.page.screenshot({ path: 'test-results/screenshots/reply.png' });

    // A permalink opens the channel scrolled to its message, paging back to it.
    const tab = await openTab(hearth.browser, hearth.server.url);
    await tab.context.addCookies(await d.context.cookies());
    const link = new URL(d.page.url());
    link.search = '?m=2';
    await tab.page.goto(link.toString());
    const linked = tab.page.locator('.message[data-seq="2"]');
    await poll(() => linked.evaluate((el) => el.classList.contains('highlight')).catch(() => false)).toBe(true);
    expect(await linked.innerText()).toContain('Pallet 1 moved');
    expect(c.errors).toEqual([]);
  });
  it('a pin shows for everyone live, is listed in the pins panel, jumps there, and unpins', async () => {
    const seed = Array.from({ length: 55 }, (_, i) => `Crate ${i + 1} checked`);
    const [a, b] = await twoInGeneral(hearth, ['Eve', 'Fay'], 'Depot', seed);

    const newest = a.page.getByTestId('message').filter({ hasText: 'Crate 55 checked' });
    await newest.hover();
    await newest.getByRole('button', { name: 'Pin message' }).click();
    await b.page.getByTestId('message').filter({ hasText: 'Crate 55 checked' }).getByTestId('pinned-label').filter({ hasText: 'Pinned by Eve' }).waitFor();

    await b.page.getByRole('button', { name: 'Pinned messages' }).click();
    const panel = b.page.getByTestId('pins-panel');
    await panel.getByText('Crate 55 checked').waitFor();
    await b.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await b.page.getByRole('button', { name: 'Pinned messages' }).click();
    await b.page.screenshot({ path: 'test-results/screenshots/pins.png' });
    await panel.getByRole('button', { name: 'Unpin' }).click();
    await poll(() => a.page.getByTestId('pinned-label').count()).toBe(0);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
