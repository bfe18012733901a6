import { lte, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { DiagramCacheDb } from './db';
import * as schema from './schema';

/**
 * Counts one render against a person's window, refusing past the limit. Kept in
 * SQLite rather than memory: the object is evicted when idle, and a budget that
 * resets with it would reset whenever someone paused.
 */
export function spendRender(db: DiagramCacheDb, userId: string, now: number) {
  const windowStart = now - LIMITS.plantUmlRenderWindowMs;
  const row = db
    .insert(schema.renderBudgets)
    .values({ userId, windowStartedAt: now, renders: 1 })
    .onConflictDoUpdate({
      target: schema.renderBudgets.userId,
      set: {
        // A window that has ended starts again at this render.
        renders: sql`case when ${schema.renderBudgets.windowStartedAt} <= ${windowStart} then 1 else ${schema.renderBudgets.renders} + 1 end`,
        windowStartedAt: sql`case when ${schema.renderBudgets.windowStartedAt} <= ${windowStart} then ${now} else ${schema.renderBudgets.windowStartedAt} end`,
      },
    })
    .returning()
    .get();
  if (row.renders > LIMITS.plantUmlRendersPerWindow) {
    const wait = Math.ceil((row.windowStartedAt + LIMITS.plantUmlRenderWindowMs - now) / 1000);
    throw new AppError('too_many_requests', `Too many new PlantUML diagrams at once; wait ${wait} seconds and they will be drawn`);
  }
}

/** Forgets windows that have ended (they would restart anyway). */
export function forgetEndedWindows(db: DiagramCacheDb, now: number) {
  db.delete(schema.renderBudgets).where(lte(schema.renderBudgets.windowStartedAt, now - LIMITS.plantUmlRenderWindowMs)).run();
}
