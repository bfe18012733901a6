import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { as, call, expectError, signUp, workspaceWith, type User } from './helpers';
import { memberAsSeenBy, updateProfile } from './account-helpers';
import { gatewaysClosedAfterEach } from './gateway-helpers';

let admin: User;
let dana: User;
let erin: User;
let workspaceId: string;

beforeAll(async () => {
  admin = await signUp('admin');
  dana = await signUp('dana', { displayName: 'Dana' });
  erin = await signUp('erin');
  ({ workspaceId } = await workspaceWith(dana, erin));
});

const gateways = gatewaysClosedAfterEach();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /api/account', () => {
  it('answers the acting account with its profile fields', async () => {
    const result = await as(dana, 'GET', '/api/account');
    expect(result.status).toBe(200);
    expect(result.body.account).toEqual({
      id: dana.account.id,
      username: 'dana',
      displayName: 'Dana',
      isAdmin: false,
      avatarVersion: null,
      status: null,
      nameColor: null,
    });
  });

  it('says who is an instance administrator', async () => {
    expect((await as(admin, 'GET', '/api/account')).body.account.isAdmin).toBe(true);
  });

  it('needs a session', async () => {
    expectError(await call('GET', '/api/account'), 401, 'unauthenticated');
  });
});

describe('PATCH /api/account/profile', () => {
  it('changes the display name, status and name colour together', async () => {
    const account = await updateProfile(erin, {
      displayName: 'Erin E.',
      status: { text: 'In the lab', emoji: '🧪' },
      nameColor: 'teal',
    });
    expect(account).toMatchObject({ displayName: 'Erin E.', status: { text: 'In the lab', emoji: '🧪', expiresAt: null }, nameColor: 'teal' });
    expect((await as(erin, 'GET', '/api/account')).body.account).toEqual(account);
  });

  it('leaves fields it is not given as they were', async () => {
    await updateProfile(erin, { nameColor: 'purple', status: { text: 'Reading' } });
    const account = await updateProfile(erin, { displayName: 'Erin' });
    expect(account).toMatchObject({ displayName: 'Erin', nameColor: 'purple', status: { text: 'Reading', emoji: null } });
  });

  it('null clears the status and the name colour', async () => {
    await updateProfile(erin, { nameColor: 'red', status: { text: 'Busy' } });
    const account = await updateProfile(erin, { status: null, nameColor: null });
    expect(account.status).toBeNull();
    expect(account.nameColor).toBeNull();
  });

  it('an empty status with no emoji clears it', async () => {
    await updateProfile(erin, { status: { text: 'Busy' } });
    expect((await updateProfile(erin, { status: { text: '  ' } })).status).toBeNull();
  });

  it('a status that has expired is no longer returned', async () => {
    const expiresAt = Date.now() + 300;
    expect((await updateProfile(erin, { status: { text: 'Back soon', expiresAt } })).status).toEqual({ text: 'Back soon', emoji: null, expiresAt });
    await sleep(400);
    expect((await as(erin, 'GET', '/api/account')).body.account.status).toBeNull();
    expect((await call('GET', '/api/session', { cookie: erin.cookie })).body.accounts[0].status).toBeNull();
  });

  it('a status that would already have expired is refused with a message saying so', async () => {
    const result = await as(erin, 'PATCH', '/api/account/profile', { status: { text: 'Yesterday', expiresAt: Date.now() - 1000 } });
    expectError(result, 400, 'invalid_body');
    expect(result.body.error.message).toMatch(/future/);
  });

  it.each([
    ['an empty body', {}],
    ['an unknown colour', { nameColor: 'chartreuse' }],
    ['an over-long status', { status: { text: 'x'.repeat(LIMITS.statusTextMax + 1) } }],
    ['two emoji as the status emoji', { status: { text: 'hi', emoji: '🧪🧪' } }],
    ['an empty display name', { displayName: '   ' }],
    ['an over-long display name', { displayName: 'x'.repeat(LIMITS.displayNameMax + 1) }],
  ])('%s is refused', async (_what, body) => {
    expectError(await as(erin, 'PATCH', '/api/account/profile', body), 400, 'invalid_body');
  });

  it('needs a session', async () => {
    expectError(await call('PATCH', '/api/account/profile', { json: { displayName: 'Nobody' } }), 401, 'unauthenticated');
  });

  it('reaches the open pages of the person’s workspaces at once', async () => {
    const { gateway } = await gateways.open(erin, workspaceId);
    await updateProfile(dana, { nameColor: 'amber' });
    let frame = await gateway.next();
    while (frame.type !== 'member') frame = await gateway.next();
    expect(frame.member).toMatchObject({ userId: dana.account.id, nameColor: 'amber' });
  });

  it('reaches the member lists of every workspace the person is in', async () => {
    const other = await workspaceWith(erin, dana);
    await updateProfile(dana, { displayName: 'Dana D.', status: { text: 'On call', emoji: '📟' }, nameColor: 'indigo' });
    for (const id of [workspaceId, other.workspaceId]) {
      expect(await memberAsSeenBy(erin, id, dana.account.id)).toMatchObject({
        displayName: 'Dana D.',
        status: { text: 'On call', emoji: '📟', expiresAt: null },
        nameColor: 'indigo',
        avatarVersion: null,
      });
    }
  });
});
