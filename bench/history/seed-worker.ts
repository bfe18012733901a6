/**
 * The history and start-up benchmarks' seeding build (bench/lib/seeded-channels.mjs), never part of
 * production: the production worker and objects, with a Channel that writes a long history in bulk
 * SQL and a few /bench routes to reach it and to time the object's side of a history page.
 *
 * The rows are what production writes for the same events (see bulk-history.ts): every event
 * takes the channel's next sequence number, a message's updatedSeq is its latest change, createdAt
 * never goes back. They are not added to the search index (history never reads it); search_state is
 * left as the channel's creation set it, so no backfill runs over them.
 */
import { Channel as ProductionChannel } from '../../src/durable/channel/channel';
import { hasLink } from '../../src/durable/channel/search-text';
import type { Env } from '../../src/worker/context';
import app from '../../src/worker/index';
import { type SeedPlan, SEED_STATEMENTS } from './bulk-history';

export { DiagramCache, Directory, Workspace } from '../../src/worker/index';

interface SeedPool {
  bodies: string[];
  authors: { id: string; name: string }[];
}

export class Channel extends ProductionChannel {
  /** Loads the body and author pools the events draw from; returns where the seeded events start. */
  benchSeedBegin(pool: SeedPool): { base: number; startAt: number } {
    const sql = this.ctx.storage.sql;
    return this.ctx.storage.transactionSync(() => {
      sql.exec('CREATE TABLE bench_bodies (id INTEGER PRIMARY KEY, body TEXT NOT NULL, has_link INTEGER NOT NULL)');
      sql.exec('CREATE TABLE bench_authors (id INTEGER PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL)');
      pool.bodies.forEach((body, id) => sql.exec('INSERT INTO bench_bodies VALUES (?, ?, ?)', id, body, hasLink(body) ? 1 : 0));
      pool.authors.forEach((a, id) => sql.exec('INSERT INTO bench_authors VALUES (?, ?, ?)', id, a.id, a.name));
      // Kept aside and built again at the end: building an index over sorted rows is 2–3× faster than growing it row by row.
      sql.exec(`CREATE TABLE bench_indexes AS SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' AND sql IS NOT NULL`);
      for (const { name } of sql.exec<{ name: string }>('SELECT name FROM bench_indexes').toArray()) sql.exec(`DROP INDEX ${name}`);
      const last = sql.exec<{ base: number; startAt: number }>(
        'SELECT coalesce(max(updated_seq), 0) AS base, coalesce(max(created_at), 0) AS startAt FROM messages',
      ).one();
      return { base: last.base, startAt: Math.max(last.startAt, Date.now()) };
    });
  }

  /** Events `from`..`to` (1-based, relative to the plan's base) in one transaction; returns the messages written. */
  benchSeedEvents(plan: SeedPlan, from: number, to: number): number {
    const sql = this.ctx.storage.sql;
    const params = { ...plan, from, to };
    return this.ctx.storage.transactionSync(() => {
      const before = sql.exec<{ n: number }>('SELECT count(*) AS n FROM messages').one().n;
      for (const statement of SEED_STATEMENTS.events) sql.exec(statement.text, ...statement.params(params));
      return sql.exec<{ n: number }>('SELECT count(*) AS n FROM messages').one().n - before;
    });
  }

  /** The indexes again, thread summaries and the latest change of every touched message; drops the pools. Returns what the channel holds. */
  benchSeedFinish(plan: SeedPlan) {
    const sql = this.ctx.storage.sql;
    return this.ctx.storage.transactionSync(() => {
      for (const { sql: create } of sql.exec<{ sql: string }>('SELECT sql FROM bench_indexes').toArray()) sql.exec(create);
      for (const statement of SEED_STATEMENTS.finish) sql.exec(statement.text, ...statement.params({ ...plan, from: 0, to: 0 }));
      sql.exec('DROP TABLE bench_bodies');
      sql.exec('DROP TABLE bench_authors');
      sql.exec('DROP TABLE bench_indexes');
      return sql
        .exec<{ messages: number; replies: number; alsoInChannel: number; reactions: number; lastSeq: number }>(
          `SELECT count(*) AS messages, count(thread_root) AS replies, sum(also_in_channel) AS alsoInChannel,
             (SELECT count(*) FROM reactions) AS reactions, max(updated_seq) AS lastSeq FROM messages`,
        )
        .one();
    });
  }

  /** Does nothing: the round trip worker → object → worker, for the baseline of /bench/history/direct. */
  benchPing(): number {
    return 0;
  }
}

const ROUTES: Record<string, (channel: DurableObjectStub<Channel>, input: URLSearchParams, body: any) => Promise<unknown>> = {
  'POST /bench/history/seed-begin': (channel, _, body) => channel.benchSeedBegin(body.pool),
  'POST /bench/history/seed-events': (channel, _, body) => channel.benchSeedEvents(body.plan, body.from, body.to),
  'POST /bench/history/seed-finish': (channel, _, body) => channel.benchSeedFinish(body.plan),
  // The object's history page without the worker's session, membership check and validation.
  'GET /bench/history/direct': (channel, input) =>
    channel.history(input.has('before') ? Number(input.get('before')) : undefined, Number(input.get('limit') ?? 50)),
  'GET /bench/history/ping': (channel) => channel.benchPing(),
};

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const url = new URL(request.url);
    const route = ROUTES[`${request.method} ${url.pathname}`];
    if (!route) return app.fetch(request, env, ctx);
    const body = request.method === 'POST' ? await request.json() : null;
    const channelId = url.searchParams.get('channelId') ?? (body as { channelId?: string } | null)?.channelId;
    if (!channelId) return Response.json({ error: 'say which channel: channelId in the query or the body' }, { status: 400 });
    const stub = env.CHANNELS.get(env.CHANNELS.idFromName(channelId)) as unknown as DurableObjectStub<Channel>;
    try {
      return Response.json(await route(stub, url.searchParams, body));
    } catch (error) {
      // The seeder prints this: a failed bulk statement is a bug in the seeding code, not a server error to hide.
      return new Response(error instanceof Error ? (error.stack ?? error.message) : String(error), { status: 500 });
    }
  },
} satisfies ExportedHandler<Env>;
