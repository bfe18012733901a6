import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Diagrams the PlantUML server has drawn, by a hash of the server's address and the source. */
export const diagrams = sqliteTable(
  'diagrams',
  {
    /** SHA-256 of `serverUrl + "\n" + source`, hex: another server draws another picture. */
    key: text('key').primaryKey(),
    /** The SVG's size in UTF-8 bytes, for the cache's byte bound. */
    bytes: integer('bytes').notNull(),
    createdAt: integer('created_at').notNull(),
    usedAt: integer('used_at').notNull(),
    /** Last, so that eviction's scan of the columns above never reads through an SVG's overflow pages. */
    svg: text('svg').notNull(),
  },
  (t) => [index('diagrams_used_at').on(t.usedAt)],
);

/** How many renders each person has asked of the PlantUML server in their current window. */
export const renderBudgets = sqliteTable('render_budgets', {
  userId: text('user_id').primaryKey(),
  windowStartedAt: integer('window_started_at').notNull(),
  renders: integer('renders').notNull(),
});
