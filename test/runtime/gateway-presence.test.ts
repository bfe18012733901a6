/** Presence from gateway sockets: tabs, idleness, overrides, @here, and surviving hibernation. */
import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, workspaceStub, type User, workspaceWith } from './helpers';
import { gatewaysClosedAfterEach, postActivity, recordPost } from './gateway-helpers';

let alice: User;
let bob: User;
let carol: User;
let dave: User;
let erin: User;
const gateways = gatewaysClosedAfterEach();

beforeAll(async () => {
  [alice, bob, carol, dave, erin] = await Promise.all(['alice', 'bob', 'carol', 'dave', 'erin'].map((name) => signUp(name)));
});

/** A workspace of alice and bob, alice watching it. */
async function watched() {
  const { workspaceId, generalChannelId } = await workspaceWith(alice, bob);
  const { gateway: watcher } = await gateways.open(alice, workspaceId);
  const bobIs = async (presence: string) =>
    expect(await watcher.expect('presence')).toEqual({ type: 'presence', userId: bob.account.id, presence });
  return { workspaceId, generalChannelId, watcher, bobIs };
}

describe('connecting and leaving', () => {
  it('opening a gateway makes you online to everyone; closing the last makes you offline', async () => {
    const { workspaceId, watcher, bobIs } = await watched();
    const { gateway, hello } = await gateways.open(bob, workspaceId);
    expect(hello.presence).toEqual({ [alice.account.id]: 'online', [bob.account.id]: 'online' });
    await bobIs('online');
    await gateway.expectQuiet(); // no presence frame about yourself after the hello
    gateway.close();
    await bobIs('offline');
    await watcher.expectQuiet();
  });

  it('a second tab changes nothing others see until the last tab closes', async () => {
    const { workspaceId, watcher, bobIs } = await watched();
    const first = await gateways.open(bob, workspaceId);
    await bobIs('online');
    const second = await gateways.open(bob, workspaceId);
    first.gateway.close();
    await first.gateway.closed();
    await watcher.expectQuiet();
    second.gateway.close();
    await bobIs('offline');
  });

  it('after a restart with nobody connected, whoever connects first is announced again', async () => {
    const { workspaceId } = await workspaceWith(alice, bob);
    // What a crash leaves behind: bob was announced online, and his socket is gone without a close.
    await runInDurableObject(workspaceStub(workspaceId), (_instance, state) => {
      state.storage.sql.exec(`update members set announced_presence = 'online' where user_id = ?`, bob.account.id);
    });
    await evictDurableObject(workspaceStub(workspaceId));
    const { gateway: watcher, hello } = await gateways.open(alice, workspaceId);
    expect(hello.presence).toEqual({ [alice.account.id]: 'online' });
    await gateways.open(bob, workspaceId);
    expect(await watcher.expect('presence')).toEqual({ type: 'presence', userId: bob.account.id, presence: 'online' });
  });
});

describe('idle tabs', () => {
  it('an idle tab makes you away, activity online again; repeating a state changes nothing', async () => {
    const { workspaceId, watcher, bobIs } = await watched();
    const { gateway } = await gateways.open(bob, workspaceId);
    await bobIs('online');
    gateway.send({ type: 'activity', state: 'idle' });
    await bobIs('away');
    gateway.send({ type: 'activity', state: 'idle' });
    await watcher.expectQuiet();
    gateway.send({ type: 'activity', state: 'active' });
    await bobIs('online');
  });

  it('with several tabs you are away only once every tab is idle', async () => {
    const { workspaceId, watcher, bobIs } = await watched();
    const { gateway: one } = await gateways.open(bob, workspaceId);
    const { gateway: two } = await gateways.open(bob, workspaceId);
    await bobIs('online');
    one.send({ type: 'activity', state: 'idle' });
    await watcher.expectQuiet();
    two.send({ type: 'activity', state: 'idle' });
    await bobIs('away');
    // Closing an idle tab while another is idle changes nothing; closing the last, offline.
    one.close();
    await one.closed();
    await watcher.expectQuiet();
    two.close();
    await bobIs('offline');
  });

  it('the idle flag survives the object being evicted: it lives in the socket attachment', async () => {
    const { workspaceId, bobIs } = await watched();
    const { gateway } = await gateways.open(bob, workspaceId);
    await bobIs('online');
    gateway.send({ type: 'activity', state: 'idle' });
    await bobIs('away');
    await evictDurableObject(workspaceStub(workspaceId));
    const { hello } = await gateways.open(alice, workspaceId);
    expect(hello.presence[bob.account.id]).toBe('away');
    gateway.send({ type: 'activity', state: 'active' });
    await bobIs('online');
  });
});

describe('overrides', () => {
  it('an override is echoed to all your devices, shown to everyone, and kept across reconnects', async () => {
    const { workspaceId, watcher, bobIs } = await watched();
    const { gateway: laptop } = await gateways.open(bob, workspaceId);
    const { gateway: phone } = await gateways.open(bob, workspaceId);
    await bobIs('online');

    laptop.send({ type: 'status', override: 'dnd' });
    for (const device of [laptop, phone]) expect(await device.expect('status')).toEqual({ type: 'status', override: 'dnd' });
    await bobIs('dnd');
    // Do not disturb stays while idle.
    laptop.send({ type: 'activity', state: 'idle' });
    phone.send({ type: 'activity', state: 'idle' });
    await watcher.expectQuiet();

    laptop.close();
    phone.close();
    await bobIs('offline');
    const { hello } = await gateways.open(bob, workspaceId);
    expect(hello.statusOverride).toBe('dnd');
    expect(hello.presence[bob.account.id]).toBe('dnd');
    await bobIs('dnd');
  });

  it('away by choice holds while active; auto follows activity again', async () => {
    const { workspaceId, watcher, bobIs } = await watched();
    // Bob's own sockets hear about him too.
    const { gateway } = await gateways.open(bob, workspaceId, { ignore: ['presence'] });
    await bobIs('online');
    gateway.send({ type: 'status', override: 'away' });
    await gateway.expect('status');
    await bobIs('away');
    gateway.send({ type: 'activity', state: 'idle' });
    gateway.send({ type: 'activity', state: 'active' });
    await watcher.expectQuiet();
    gateway.send({ type: 'status', override: 'away' });
    await gateway.expect('status');
    await watcher.expectQuiet();
    gateway.send({ type: 'status', override: 'auto' });
    await gateway.expect('status');
    await bobIs('online');
  });
});

describe('@here', () => {
  it('reaches people with an active tab, do-not-disturb included; not idle, away or offline people', async () => {
    const { workspaceId, generalChannelId } = await workspaceWith(alice, bob, carol, dave, erin);
    const { gateway: watcher } = await gateways.open(alice, workspaceId);
    const open = async (user: User) => {
      const { gateway } = await gateways.open(user, workspaceId, { ignore: ['presence', 'status'] });
      expect(await watcher.expect('presence')).toMatchObject({ userId: user.account.id, presence: 'online' });
      return gateway;
    };
    const active = await open(bob);
    const idle = await open(carol);
    const away = await open(dave);
    const dnd = await open(erin);
    idle.send({ type: 'activity', state: 'idle' });
    away.send({ type: 'status', override: 'away' });
    dnd.send({ type: 'status', override: 'dnd' });
    const changes = await Promise.all([1, 2, 3].map(() => watcher.expect('presence')));
    expect(Object.fromEntries(changes.map((c) => [c.userId, c.presence]))).toEqual({
      [carol.account.id]: 'away',
      [dave.account.id]: 'away',
      [erin.account.id]: 'dnd',
    });

    await recordPost(workspaceId, postActivity(generalChannelId, 1, alice, { broadcasts: ['here'] }));
    const mentioned = await Promise.all([active, idle, away, dnd].map(async (g) => (await g.expect('activity')).event.mentionsYou));
    expect(mentioned).toEqual([true, false, false, true]);
  });
});
