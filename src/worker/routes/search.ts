import { Hono } from 'hono';
import { type ChannelHits, type ChannelSearch, compareHits, type HitKey } from '../../durable/channel/search';
import type { ScopeChannel } from '../../durable/workspace/search-scope';
import { entityId, SearchQuery } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { SearchHit, SearchPage } from '../../shared/model';
import { dayStart, isTimeZone, parseSearch } from '../../shared/search-query';
import type { AppEnv, Env } from '../context';
import { readParam, readQuery } from '../http/validate';
import { decodeCursor, encodeCursor, searchFingerprint } from '../search/cursor';
import { channel, workspace } from '../stubs';

const DAY_MS = 24 * 3600 * 1000;

/**
 * GET /, mounted at /api/workspaces/:workspaceId/search: the caller's search across every channel and DM
 * they are in. The workspace names those channels; only they are asked, 32 at a time, and each checks
 * the grant again; hits are merged, never filtered after the merge.
 */
export const searchRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const workspaceId = readParam(c, 'workspaceId', entityId);
  const params = readQuery(c, SearchQuery);
  const userId = c.get('account').id;
  if (!isTimeZone(params.tz)) throw new AppError('bad_request', 'tz: not a time zone like Europe/Paris');
  const parsed = parseSearch(params.q);
  if (parsed.errors.length > 0) throw new AppError('bad_request', parsed.errors[0]);
  const fingerprint = searchFingerprint(params.q.trim(), params.tz, params.sort);
  const cursor = params.cursor === undefined ? null : decodeCursor(params.cursor, { mode: params.sort, q: fingerprint });

  const scope = await workspace(c.env, workspaceId).searchScope(userId, { in: parsed.in, from: parsed.from });
  const day = (d: string | null) => (d === null ? null : dayStart(d, params.tz));
  // after:D starts the day after D; on:D is [D, D+1); before:D ends where D starts.
  const sinceAt = maxOf(day(parsed.on), day(parsed.after && nextDay(parsed.after)));
  const untilAt = minOf(day(parsed.on && nextDay(parsed.on)), day(parsed.before));
  const now = cursor?.now ?? Date.now();
  const query: ChannelSearch = {
    terms: parsed.terms,
    authorIds: scope.authorIds,
    has: parsed.has,
    pinned: parsed.pinned,
    sinceAt,
    untilAt,
    mode: params.sort,
    now,
    after: cursor?.last ?? null,
    limit: LIMITS.searchPageSize + 1,
  };

  const { hits, indexing } = await fanOut(c.env, userId, scope.channels, scope.issuedAt, query);
  const page = hits.slice(0, LIMITS.searchPageSize);
  const last = page.at(-1);
  const next = hits.length > page.length && last ? encodeCursor({ v: 1, mode: params.sort, q: fingerprint, now, last }) : null;
  const byId = new Map(scope.channels.map((ch) => [ch.channelId, ch]));
  return c.json({
    hits: await withMessages(c.env, page, byId),
    next,
    indexing: indexing.map((id) => shownName(byId.get(id)!)),
    terms: parsed.terms.filter((t) => !t.excluded).map((t) => t.text),
  } satisfies SearchPage);
});

/** Asks every channel in scope, a bounded number at once; a channel that fails leaves the others' hits. */
async function fanOut(env: Env, userId: string, channels: ScopeChannel[], issuedAt: number, query: ChannelSearch) {
  const hits: HitKey[] = [];
  const indexing: string[] = [];
  for (let i = 0; i < channels.length; i += LIMITS.searchChannelsAtOnce) {
    const wave = channels.slice(i, i + LIMITS.searchChannelsAtOnce);
    const answers = await Promise.all(
      wave.map(({ channelId, fromSeq }) =>
        channel(env, channelId)
          .search({ channelId, userId, fromSeq, issuedAt }, query)
          .catch((error: unknown): ChannelHits => {
            console.error('search: a channel did not answer', channelId, error);
            return { hits: [], indexing: false };
          }),
      ),
    );
    answers.forEach((answer, j) => {
      hits.push(...answer.hits);
      if (answer.indexing) indexing.push(wave[j].channelId);
    });
  }
  hits.sort((a, b) => compareHits(a, b, query.mode));
  return { hits: hits.slice(0, query.limit), indexing };
}

async function withMessages(env: Env, page: HitKey[], byId: Map<string, ScopeChannel>): Promise<SearchHit[]> {
  const byChannel = Map.groupBy(page, (hit) => hit.channelId);
  const found = new Map<string, SearchHit['message']>();
  await Promise.all(
    [...byChannel].map(async ([channelId, hits]) => {
      const messages = await channel(env, channelId).searchResults(hits.map((h) => h.seq));
      for (const message of messages) found.set(`${channelId}/${message.seq}`, message);
    }),
  );
  return page.flatMap(({ channelId, seq }) => {
    const message = found.get(`${channelId}/${seq}`);
    const ch = byId.get(channelId)!;
    return message && message.deletedAt === null ? [{ channelId, channelName: shownName(ch), channelKind: ch.kind, message }] : [];
  });
}

/** The API shows DMs with an empty name (their stored one is `@dm:<key>`). */
function shownName(ch: ScopeChannel): string {
  return ch.kind === 'dm' ? '' : ch.name;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function maxOf(a: number | null, b: number | null) {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function minOf(a: number | null, b: number | null) {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
