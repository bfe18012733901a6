/**
 * The authorization matrix: every HTTP endpoint and every WebSocket frame type,
 * asked by each kind of caller (owner, admin, moderator, member, timed-out
 * member, workspace member outside the channel, outsider, banned, signed out),
 * against the expected answer from one table (./authorization/*-table.ts).
 * A route or frame type without a row fails the first tests, so nothing new
 * ships unexamined.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GatewayClientFrame } from '../../src/shared/gateway';
import { ClientFrame } from '../../src/shared/protocol';
import { app } from '../../src/worker/app';
import {
  CHANNEL_FRAME_ROWS,
  type ChannelFrameRow,
  type FrameCaller,
  type FrameOutcome,
  GATEWAY_FRAME_ROWS,
  type GatewayCaller,
  type GatewayFrameRow,
} from './authorization/frame-table';
import { HTTP_ROWS, type HttpRow, type Outcome } from './authorization/http-table';
import { buildWorld, CALLERS, callAs, CHANNEL_MEMBERS, liveSocket, type World } from './authorization/world';
import { requestGateway, GatewaySocket } from './gateway-helpers';
import type { ChannelSocket } from './helpers';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that are not endpoints: the catch-all 404 of /api and the web app's files. */
const NOT_ENDPOINTS = new Set(['/api/*', '/*']);

const frameTypes = (union: { options: readonly { shape: { type: { value: string } } }[] }) => union.options.map((o) => o.shape.type.value);

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe('the matrix covers', () => {
  it('every HTTP endpoint the worker registers, and nothing it does not', () => {
    const registered = app.routes
      .filter((r) => METHODS.has(r.method) && r.path.startsWith('/api/') && !NOT_ENDPOINTS.has(r.path))
      .map((r) => `${r.method} ${r.path}`);
    const rows = HTTP_ROWS.map((r) => `${r.method} ${r.route}`);
    expect(new Set(rows).size, 'a route has two rows').toBe(rows.length);
    expect([...new Set(registered)].sort()).toEqual([...rows].sort());
  });

  it('every channel frame type, in a live and an archived channel', () => {
    for (const channel of ['private', 'archived'] as const) {
      const rows = CHANNEL_FRAME_ROWS.filter((r) => r.channel === channel).map((r) => r.type);
      expect(rows.sort()).toEqual(frameTypes(ClientFrame as never).sort());
    }
  });

  it('every gateway frame type', () => {
    expect([...new Set(GATEWAY_FRAME_ROWS.map((r) => r.type))].sort()).toEqual(frameTypes(GatewayClientFrame as never).sort());
  });
});

/** Asks one HTTP row of one caller. */
async function askHttp(row: HttpRow, caller: (typeof CALLERS)[number]): Promise<Outcome | number> {
  const request = await row.call(world, caller);
  const { status, response } = await callAs(world, caller, row.method, request.path, request);
  if (response.webSocket) {
    response.webSocket.accept();
    response.webSocket.close(1000, 'matrix');
  }
  return status < 300 ? 'ok' : status;
}

describe('HTTP endpoints', () => {
  for (const row of HTTP_ROWS) {
    it(`${row.method} ${row.route}${row.note ? ` (${row.note})` : ''}`, async () => {
      const expected: Record<string, Outcome | number> = {};
      const actual: Record<string, Outcome | number> = {};
      for (const caller of CALLERS) {
        expected[caller] = row.expect(caller);
        actual[caller] = await askHttp(row, caller);
      }
      expect(actual).toEqual(expected);
    });
  }
});

/** The frame that ends each channel probe: an edit of a message that cannot exist, always answered with an error naming its seq. */
const PROBE_END_SEQ = 2 ** 31 - 1;

/**
 * Sends `frame` and then the probe's end; the outcome is the first error the
 * sender got for the frame, else `ok` when the server answered (ack, message),
 * else `silent`.
 */
async function probeChannel(socket: ChannelSocket, frame: ClientFrame): Promise<FrameOutcome> {
  socket.send(frame);
  socket.send({ type: 'edit', seq: PROBE_END_SEQ, body: 'end of probe' });
  let outcome: FrameOutcome = 'silent';
  for (;;) {
    const next = await socket.next();
    if (next.type === 'error' && next.seq === PROBE_END_SEQ) return outcome;
    if (next.type === 'error') outcome = outcome === 'silent' || outcome === 'ok' ? next.code : outcome;
    else if (outcome === 'silent') outcome = 'ok';
  }
}

async function askChannelFrame(row: ChannelFrameRow, caller: FrameCaller): Promise<FrameOutcome> {
  const channelId = row.channel === 'archived' ? world.archivedId : world.privateId;
  const own = await liveSocket(world.users[caller], world.workspaceId, channelId);
  const other = await liveSocket(world.bystander, world.workspaceId, channelId);
  other.ignore('message', 'ack');
  try {
    const ownSeq =
      row.channel === 'archived' ? world.archivedSeqs[caller] : caller === 'timedOut' ? world.timedOutSeq : (await own.post(`${caller}'s own`)).seq;
    const postAsBystander = async (body: string) => {
      const poster = await liveSocket(world.bystander, world.workspaceId, channelId);
      const { seq } = await poster.post(body);
      poster.close();
      await poster.closed();
      return seq;
    };
    const frame = await row.frame({ world, caller, own, ownSeq, postAsBystander });
    const outcome = await probeChannel(own, frame);
    if (row.type !== 'typing' || outcome !== 'silent') return outcome;
    // Typing is never echoed to the typist: whether it went out shows on someone else's socket.
    const seen = await other.next(500).catch(() => null);
    return seen?.type === 'typing' ? 'ok' : 'silent';
  } finally {
    for (const socket of [own, other]) socket.close();
    await Promise.all([own.closed(), other.closed()]);
  }
}

describe('channel socket frames', () => {
  for (const row of CHANNEL_FRAME_ROWS) {
    it(`${row.type} in the ${row.channel} channel`, async () => {
      const expected: Record<string, FrameOutcome> = {};
      const actual: Record<string, FrameOutcome> = {};
      for (const caller of CHANNEL_MEMBERS) {
        expected[caller] = row.expect(caller);
        actual[caller] = await askChannelFrame(row, caller);
      }
      expect(actual).toEqual(expected);
    });
  }
});

const GATEWAY_CALLERS: GatewayCaller[] = ['owner', 'admin', 'moderator', 'member', 'timedOut', 'nonMember'];
/** Frames about others that may arrive any time and say nothing about the probe. */
const BACKGROUND = ['presence', 'member', 'channels-changed'] as const;

async function askGatewayFrame(row: GatewayFrameRow, caller: GatewayCaller): Promise<string[] | string> {
  const response = await requestGateway(world.users[caller], world.workspaceId);
  expect(response.status).toBe(101);
  const gateway = new GatewaySocket(response.webSocket!).ignore(...BACKGROUND);
  try {
    await gateway.expect('hello');
    if (row.type === 'read') {
      const poster = await liveSocket(world.bystander, world.workspaceId, world.privateId);
      await poster.post('something to read');
      poster.close();
      await poster.closed();
      // Members hear of it; that is how we know the workspace has recorded it.
      if ((CHANNEL_MEMBERS as readonly string[]).includes(caller)) await gateway.expect('activity');
    }
    gateway.send(row.frame(world));
    gateway.send({ type: 'status', override: 'auto' });
    const got: string[] = [];
    for (;;) {
      const next = await gateway.next();
      if (next.type === 'status' && next.override === 'auto') return got;
      if (next.type === 'error') return next.code;
      got.push(next.type);
    }
  } finally {
    gateway.close();
    await gateway.closed().catch(() => undefined);
  }
}

describe('gateway frames', () => {
  for (const row of GATEWAY_FRAME_ROWS) {
    it(`${row.type}: ${row.about}`, async () => {
      const expected: Record<string, string[] | string> = {};
      const actual: Record<string, string[] | string> = {};
      for (const caller of GATEWAY_CALLERS) {
        expected[caller] = row.expect(caller);
        actual[caller] = await askGatewayFrame(row, caller);
      }
      expect(actual).toEqual(expected);
    });
  }
});
