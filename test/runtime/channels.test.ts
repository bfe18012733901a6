import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, as, createWorkspace, expectError, requestSocket, signUp, type User } from './helpers';

let owner: User;
let member: User;
let workspaceId: string;

const channelsPath = () => `/api/workspaces/${workspaceId}/channels`;

beforeAll(async () => {
  owner = await signUp('owner');
  member = await signUp('member');
  ({ workspaceId } = await createWorkspace(owner));
  await addMember(owner, workspaceId, member);
});

describe('creating a channel', () => {
  it('creates it with its topic, with the creator as its only member', async () => {
    const result = await as(member, 'POST', channelsPath(), { name: 'design', topic: 'Pixels and such' });
    expect(result.status).toBe(201);
    expect(result.body.channel).toMatchObject({ name: 'design', topic: 'Pixels and such', joined: true, memberCount: 1 });
    const listed = (await as(member, 'GET', channelsPath())).body.channels;
    expect(listed).toContainEqual(result.body.channel);
  });

  it('normalises the name the way people type it', async () => {
    const result = await as(owner, 'POST', channelsPath(), { name: '  #Release Planning ' });
    expect(result.status).toBe(201);
    expect(result.body.channel.name).toBe('release-planning');
  });

  it('refuses a name that exists already, in any letter case, and creates nothing', async () => {
    const before = (await as(owner, 'GET', channelsPath())).body.channels;
    for (const name of ['design', 'DESIGN', '#design', 'general']) {
      expectError(await as(owner, 'POST', channelsPath(), { name }), 409, 'channel_name_taken');
    }
    expect((await as(owner, 'GET', channelsPath())).body.channels).toEqual(before);
  });

  it.each([
    ['empty', ''],
    ['only a hash', '#'],
    ['punctuation', 'hello!'],
    ['too long', 'x'.repeat(65)],
    ['a leading dash', '-dash'],
  ])('refuses a name that is %s', async (_why, name) => {
    const result = await as(owner, 'POST', channelsPath(), { name });
    expectError(result, 400, 'invalid_body');
    expect(result.body.error.message).toMatch(/^name: /);
  });

  it('refuses an over-long topic', async () => {
    expectError(await as(owner, 'POST', channelsPath(), { name: 'topical', topic: 't'.repeat(251) }), 400, 'invalid_body');
  });
});

describe('browsing and joining', () => {
  let channelId: string;

  beforeAll(async () => {
    channelId = (await as(owner, 'POST', channelsPath(), { name: 'random' })).body.channel.id;
  });

  it('other members see a channel they have not joined, listed by name', async () => {
    const channels = (await as(member, 'GET', channelsPath())).body.channels;
    expect(channels.find((c: { id: string }) => c.id === channelId)).toMatchObject({ name: 'random', joined: false, memberCount: 1 });
    const names = channels.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort());
  });

  it('a channel you have not joined cannot be read or opened until you join', async () => {
    expectError(await as(member, 'GET', `${channelsPath()}/${channelId}/messages`), 403, 'forbidden');
    const socket = await requestSocket(member, workspaceId, channelId);
    expect(socket.status).toBe(403);
    expect(socket.webSocket).toBeNull();
  });

  it('joining makes you a member; joining again changes nothing', async () => {
    const joined = await as(member, 'POST', `${channelsPath()}/${channelId}/members`);
    expect(joined.status).toBe(200);
    expect(joined.body.channel).toMatchObject({ id: channelId, joined: true, memberCount: 2 });

    const again = await as(member, 'POST', `${channelsPath()}/${channelId}/members`);
    expect(again.body.channel).toMatchObject({ joined: true, memberCount: 2 });

    expect((await as(member, 'GET', `${channelsPath()}/${channelId}/messages`)).status).toBe(200);
    const socket = await requestSocket(member, workspaceId, channelId);
    expect(socket.status).toBe(101);
    socket.webSocket!.accept();
    socket.webSocket!.close();
  });

  it('joining a channel that does not exist answers 404', async () => {
    expectError(await as(member, 'POST', `${channelsPath()}/aaaaaaaaaaaaaaaa/members`), 404, 'not_found');
    expectError(await as(member, 'POST', `${channelsPath()}/nope/members`), 404, 'not_found');
  });

  it('a channel of another workspace is not found through this one', async () => {
    const other = await createWorkspace(owner, 'Elsewhere');
    expectError(await as(owner, 'POST', `${channelsPath()}/${other.generalChannelId}/members`), 404, 'not_found');
    expectError(await as(owner, 'GET', `${channelsPath()}/${other.generalChannelId}/messages`), 404, 'not_found');
  });
});
