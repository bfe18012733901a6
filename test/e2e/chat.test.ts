import { describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { bodies, channelView, expectBodies, openChannel, poll, send, signInContext, signUp, submitSignUp } from './harness/ui';

/** The app's reconnect backoff tops out at 10 s; a restart plus one full wait fits in this. */
const RECONNECT_TIMEOUT_MS = 25_000;

describe('chatting through the real server', () => {
  const hearth = useHearth();

  it('two people meet through an invite code, land in #general and see each other’s messages live', async () => {
    const alice = person('Alice');
    const bob = person('Bob');
    const a = await openTab(hearth.browser, hearth.server.url);
    const b = await openTab(hearth.browser, hearth.server.url);

    await signUp(a.page, alice);
    await a.page.waitForURL('**/home');
    await a.page.locator('input[name=name]').fill('Lighthouse Crew');
    await a.page.getByRole('button', { name: 'Create workspace' }).click();
    await channelView(a.page, 'general').waitFor();

    await a.page.locator('.workspace-name').click();
    await a.page.getByRole('menuitem', { name: 'Invite people' }).click();
    await a.page.getByRole('button', { name: 'Create invite code' }).click();
    const code = (await a.page.getByTestId('invite-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    await a.page.keyboard.press('Escape');
    await a.page.getByTestId('invite-dialog').waitFor({ state: 'hidden' });

    await b.page.goto(`/join/${code}`);
    await b.page.getByRole('heading', { name: 'Lighthouse Crew' }).waitFor();
    await b.page.getByRole('link', { name: 'Create an account to join' }).click();
    await b.page.waitForURL((url) => url.pathname === '/signup');
    expect(await b.page.locator('input[name=inviteCode]').inputValue()).toBe(code);
    await submitSignUp(b.page, bob);
    await channelView(b.page, 'general').waitFor();
    expect(await b.page.locator('.workspace-name').innerText()).toBe('Lighthouse Crew');

    const said: string[] = [];
    for (const [tab, text] of [
      [a, 'Welcome aboard, Bob!'],
      [b, 'Thanks Alice, glad to be here.'],
      [a, 'The lamp needs new wicks by Friday.'],
      [b, 'On it.'],
    ] as const) {
      await send(tab.page, text);
      said.push(text);
      await expectBodies(a.page, said);
      await expectBodies(b.page, said);
    }

    // Shift+Enter is a new line inside the message; only Enter sends it. A new line stays a line break...
    await send(b.page, 'First line\nsecond line');
    const lastBody = () => a.page.getByTestId('message-body').last();
    await poll(() => lastBody().innerText()).toBe('First line\nsecond line');
    expect((await lastBody().boundingBox())!.height).toBeGreaterThan(30); // two lines

    // ...and Markdown lines become Markdown: a paragraph and a list, for both people.
    await send(b.page, 'Checklist:\n- wicks\n- oil');
    for (const page of [a.page, b.page]) {
      const body = page.getByTestId('message-body').last();
      await poll(() => body.locator('li').allTextContents()).toEqual(['wicks', 'oil']);
      expect(await body.locator('p').first().innerText()).toBe('Checklist:');
    }

    expect([...a.errors, ...b.errors]).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('a reload and a kill -9 of workerd keep the history exactly once, and open pages reconnect by themselves', async () => {
    const server = hearth.server;
    const carol = person('Carol');
    const dave = person('Dave');
    const carolApi = await ApiClient.signUp(server.url, carol);
    const { workspaceId, channelId } = await carolApi.createWorkspace('Night Shift');
    await ApiClient.signUp(server.url, dave, await carolApi.createInvite(workspaceId));

    const c = await openTab(hearth.browser, server.url);
    const d = await openTab(hearth.browser, server.url);
    await signInContext(c.context, server.url, carol);
    await signInContext(d.context, server.url, dave);
    await openChannel(c.page, workspaceId, channelId);
    await openChannel(d.page, workspaceId, channelId);

    const said = ['one', 'two', 'three', 'four'];
    for (const [i, text] of said.entries()) await send((i % 2 === 0 ? c : d).page, text);
    await expectBodies(c.page, said);
    await expectBodies(d.page, said);

    await c.page.reload();
    await expectBodies(c.page, said);

    await server.crash();
    await c.page.getByTestId('connection-banner').waitFor();
    await d.page.getByTestId('connection-banner').waitFor();

    await server.start();
    // Nobody reloads: each page's socket finds the server again on its own.
    await c.page.getByTestId('connection-banner').waitFor({ state: 'hidden', timeout: RECONNECT_TIMEOUT_MS });
    await d.page.getByTestId('connection-banner').waitFor({ state: 'hidden', timeout: RECONNECT_TIMEOUT_MS });
    expect(await bodies(c.page)).toEqual(said);
    expect(await bodies(d.page)).toEqual(said);
    const stored = await carolApi.history(workspaceId, channelId);
    expect(stored.map((m) => m.body)).toEqual(said);
    expect(stored.map((m) => m.seq)).toEqual([1, 2, 3, 4]);

    await send(d.page, 'five, after the crash');
    await send(c.page, 'six');
    said.push('five, after the crash', 'six');
    await expectBodies(c.page, said);
    await expectBodies(d.page, said);

    await d.page.reload();
    await expectBodies(d.page, said);

    expect([...c.errors, ...d.errors]).toEqual([]);
    await Promise.all([c.context.close(), d.context.close()]);
  });
});
