import { describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { expectBodies, openChannel, poll, send, signInContext } from './harness/ui';

describe('editing and deleting messages', () => {
  const hearth = useHearth();

  it('an edit and a delete made in one browser show up live in the other, and survive a reload', async () => {
    const server = hearth.server;
    const ada = person('Ada');
    const ben = person('Ben');
    const adaApi = await ApiClient.signUp(server.url, ada);
    const { workspaceId, channelId } = await adaApi.createWorkspace('Workshop');
    const code = await adaApi.createInvite(workspaceId);
    const benApi = await ApiClient.signUp(server.url, ben);
    await benApi.redeemInvite(code);

    const a = await openTab(hearth.browser, server.url);
    const b = await openTab(hearth.browser, server.url);
    await signInContext(a.context, server.url, ada);
    await signInContext(b.context, server.url, ben);
    await openChannel(a.page, workspaceId, channelId);
    await openChannel(b.page, workspaceId, channelId);

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
    await b.page.getByTestId('message').filter({ hasText: 'The lathe is broken' }).getByTestId('edited').waitFor();

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
});
