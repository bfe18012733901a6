import { and, eq, gt, sql } from 'drizzle-orm';
import { LIMITS } from '../../shared/limits';
import type { DiagramCacheDb } from './db';
import * as schema from './schema';

/** The key a drawing is kept under: another server (or version of it behind another address) draws another picture. */
export async function diagramKey(serverUrl: string, source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${serverUrl}\n${source}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** How stale usedAt may get before a hit refreshes it: SQLite rewrites the whole row, SVG and all, on an update. */
const USED_AT_GRANULARITY_MS = 10 * 60 * 1000;

/** A kept drawing that is still fresh, marked as used; null when there is none. */
export function findDiagram(db: DiagramCacheDb, key: string, now: number): string | null {
  const row = db
    .select({ svg: schema.diagrams.svg, usedAt: schema.diagrams.usedAt })
    .from(schema.diagrams)
    .where(and(eq(schema.diagrams.key, key), gt(schema.diagrams.createdAt, now - LIMITS.plantUmlCacheMaxAgeMs)))
    .get();
  if (!row) return null;
  if (now - row.usedAt > USED_AT_GRANULARITY_MS) db.update(schema.diagrams).set({ usedAt: now }).where(eq(schema.diagrams.key, key)).run();
  return row.svg;
}

const BOUNDS = { rows: LIMITS.plantUmlCacheRows, bytes: LIMITS.plantUmlCacheBytesMax };

/** Keeps a drawing, then drops the least recently used past the row and byte bounds. */
export function keepDiagram(db: DiagramCacheDb, key: string, svg: string, now: number, bounds: { rows: number; bytes: number } = BOUNDS) {
  const bytes = new TextEncoder().encode(svg).byteLength;
  db.transaction(() => {
    db.insert(schema.diagrams)
      .values({ key, svg, bytes, createdAt: now, usedAt: now })
      .onConflictDoUpdate({ target: schema.diagrams.key, set: { svg, bytes, createdAt: now, usedAt: now } })
      .run();
    db.run(sql`
      delete from diagrams where key in (
        select key from (
          select key,
            row_number() over newest_first as rank,
            sum(bytes) over newest_first as total
          from diagrams
          window newest_first as (order by used_at desc, key)
        )
        where rank > ${bounds.rows} or total > ${bounds.bytes}
      )`);
  });
}
