import type { WebSocketRoute } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab, type Tab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { bodies, poll, expectBodies, openChannel, send, signInContext } from './harness/ui';

/** The app's reconnect backoff tops out at 10 s; one full wait plus a restart fits in this. */
const RECONNECT_TIMEOUT_MS = 25_000;
const CHANNEL_SOCKET = /\/api\/workspaces\/[^/]+\/channels\/[^/]+\/socket\?/;

describe('reconnecting', () => {
  const hearth = useHearth();
  let room: { workspaceId: string; channelId: string };
  let erin: Tab;
  let frank: Tab;
  /** Frank's channel socket goes through this proxy, which can drop it and turn reconnects away. */
  const proxy = { current: null as WebSocketRoute | null, refusing: false, connections: 0, refused: 0 };

  beforeAll(async () => {
    const server = hearth.server;
    const erinWho = person('Erin');
    const frankWho = person('Frank');
    const erinApi = await ApiClient.signUp(server.url, erinWho);
    room = await erinApi.createWorkspace('Harbour');
    await ApiClient.signUp(server.url, frankWho, await erinApi.createInvite(room.workspaceId));

    erin = await openTab(hearth.browser, server.url);
    frank = await openTab(hearth.browser, server.url);
    await frank.page.routeWebSocket(CHANNEL_SOCKET, (ws) => {
      proxy.connections += 1;
      if (proxy.refusing) {
        proxy.refused += 1;
        void ws.close({ code: 3001, reason: 'e2e: refused' });
        return;
      }
      proxy.current = ws;
      ws.connectToServer();
    });
    await signInContext(erin.context, server.url, erinWho);
    await signInContext(frank.context, server.url, frankWho);
    await openChannel(erin.page, room.workspaceId, room.channelId);
    await openChannel(frank.page, room.workspaceId, room.channelId);
  });

  it('a socket dropped mid-conversation resumes with every message missed, exactly once and in order', async () => {
    const said: string[] = [];
    for (const [tab, text] of [
      [erin, 'Ferry leaves at six.'],
      [frank, 'Which pier?'],
      [erin, 'Pier 3.'],
    ] as const) {
      await send(tab.page, text);
      said.push(text);
    }
    await expectBodies(erin.page, said);
    await expectBodies(frank.page, said);
    expect(proxy.connections).toBe(1);

    // Frank's connection drops while Erin keeps talking; his reconnects are turned away for a while.
    proxy.refusing = true;
    await proxy.current!.close({ code: 3000, reason: 'e2e: dropped' });
    const missed = ['Bring the manifest.', 'And the keys.', 'Also: fuel receipts.', 'Last one before you are back.'];
    for (const text of missed) {
      await send(erin.page, text);
      said.push(text);
    }
    await expectBodies(erin.page, said);
    await frank.page.getByTestId('connection-banner').waitFor();
    expect(await bodies(frank.page)).toEqual(said.slice(0, 3)); // he really missed them
    await poll(() => proxy.refused, RECONNECT_TIMEOUT_MS).toBeGreaterThan(0);

    proxy.refusing = false;
    await frank.page.getByTestId('connection-banner').waitFor({ state: 'hidden', timeout: RECONNECT_TIMEOUT_MS });
    await expectBodies(frank.page, said);

    // The conversation carries on both ways over the new socket.
    await send(frank.page, 'Back. Got all of that.');
    said.push('Back. Got all of that.');
    await send(erin.page, 'Great.');
    said.push('Great.');
    await expectBodies(frank.page, said);
    await expectBodies(erin.page, said);
    expect([...erin.errors, ...frank.errors]).toEqual([]);
  });

  it('a message typed while the server is down shows as pending and is delivered exactly once when it is back', async () => {
    const server = hearth.server;
    proxy.refusing = false;
    await erin.page.getByTestId('connection-banner').waitFor({ state: 'hidden' });
    await frank.page.getByTestId('connection-banner').waitFor({ state: 'hidden' });
    const said = await bodies(erin.page);
    await expectBodies(frank.page, said);

    await server.crash();
    await erin.page.getByTestId('connection-banner').waitFor();
    await frank.page.getByTestId('connection-banner').waitFor();

    await send(erin.page, 'Typed while the server was down');
    const pending = erin.page.getByTestId('pending-message');
    await pending.waitFor();
    expect(await pending.count()).toBe(1);
    expect(await pending.innerText()).toContain('Typed while the server was down');
    expect(await bodies(erin.page)).toEqual(said);
    expect(await erin.page.getByTestId('connection-banner').innerText()).toContain('1 unsent message');

    await server.start();
    said.push('Typed while the server was down');
    await expectBodies(erin.page, said, RECONNECT_TIMEOUT_MS);
    await expectBodies(frank.page, said, RECONNECT_TIMEOUT_MS);
    await pending.waitFor({ state: 'detached' });
    await erin.page.getByTestId('connection-banner').waitFor({ state: 'hidden' });

    // Stored once, not once per attempt: a fresh load shows it once too.
    await erin.page.reload();
    await expectBodies(erin.page, said);
    expect(await erin.page.getByTestId('pending-message').count()).toBe(0);
    expect([...erin.errors, ...frank.errors]).toEqual([]);
  });
});
