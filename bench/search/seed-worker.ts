/**
 * The search benchmark's seeding build (bench/search.mjs), never part of production: the production
 * worker and objects, with a Channel that can take 1,000 messages per transaction through the same
 * `insertMessage` + `indexMessage` the write path uses, and a /bench/seed route to reach it.
 */
import { drizzle } from 'drizzle-orm/durable-sqlite';
import { Channel as ProductionChannel } from '../../src/durable/channel/channel';
import { insertMessage, lastSeq } from '../../src/durable/channel/db';
import * as schema from '../../src/durable/channel/schema';
import { indexMessage } from '../../src/durable/channel/search-index';
import type { Env } from '../../src/worker/context';
import app from '../../src/worker/index';

export { DiagramCache, Directory, Workspace } from '../../src/worker/index';

interface SeedRow {
  clientId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: number;
}

export class Channel extends ProductionChannel {
  benchSeed(rows: SeedRow[]): number {
    const db = drizzle(this.ctx.storage, { schema });
    return this.ctx.storage.transactionSync(() => {
      for (const r of rows) {
        const row = insertMessage(db, { userId: r.authorId, displayName: r.authorName }, { clientId: r.clientId, body: r.body, createdAt: r.createdAt });
        indexMessage(db, row.seq);
      }
      return lastSeq(db);
    });
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const url = new URL(request.url);
    if (url.pathname === '/bench/seed' && request.method === 'POST') {
      const { channelId, rows } = (await request.json()) as { channelId: string; rows: SeedRow[] };
      const stub = env.CHANNELS.get(env.CHANNELS.idFromName(channelId)) as unknown as DurableObjectStub<Channel>;
      return Response.json({ lastSeq: await stub.benchSeed(rows) });
    }
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
