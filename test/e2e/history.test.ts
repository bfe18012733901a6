import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { bodies, poll, openChannel, signInContext } from './harness/ui';

const SEEDED = 130;

describe('history', () => {
  const hearth = useHearth();

  it('scrolling up loads older history page by page until the first message, each message once and in order', async () => {
    const server = hearth.server;
    const grace = person('Grace');
    const api = await ApiClient.signUp(server.url, grace);
    const { workspaceId, channelId } = await api.createWorkspace('Archive');
    const seeded = Array.from({ length: SEEDED }, (_, i) => `Logbook entry ${String(i + 1).padStart(3, '0')}`);
    await api.send(workspaceId, channelId, seeded);

    const { page, context, errors } = await openTab(hearth.browser, server.url);
    await signInContext(context, server.url, grace);
    await openChannel(page, workspaceId, channelId);
    const list = page.getByTestId('message-list');
    const newest = page.getByTestId('message-body').filter({ hasText: seeded.at(-1)! });
    await newest.waitFor();

    // Opens on the newest page, scrolled to the bottom, with the newest message in view.
    const shown = await bodies(page);
    expect(shown).toEqual(seeded.slice(-LIMITS.historyPageSize));
    await poll(() => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
    const listBox = (await list.boundingBox())!;
    const newestBox = (await newest.boundingBox())!;
    expect(newestBox.y + newestBox.height).toBeLessThanOrEqual(listBox.y + listBox.height);
    expect(newestBox.y).toBeGreaterThanOrEqual(listBox.y);

    const counts = [shown.length];
    while (!(await bodies(page)).includes(seeded[0])) {
      expect(counts.length).toBeLessThan(10); // it must reach the beginning in a few pages
      const before = counts.at(-1)!;
      await list.evaluate((el) => el.scrollTo({ top: 0 }));
      await poll(async () => (await bodies(page)).length).toBeGreaterThan(before);
      counts.push((await bodies(page)).length);
      // The reader stays where they were: the older page is added above, out of view.
      expect(await list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    }

    const size = LIMITS.historyPageSize;
    expect(counts).toEqual(Array.from({ length: Math.ceil(SEEDED / size) }, (_, i) => Math.min(SEEDED, (i + 1) * size))); // 50, 100, 130
    expect(await bodies(page)).toEqual(seeded);
    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.getByText('This is the very beginning of the #general channel.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
