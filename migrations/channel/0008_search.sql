-- Search (issue 7): a contentless FTS5 index of messages, written from JS in the same transaction as the message
-- (the indexed text is a transform of the body: see src/durable/channel/search-text.ts). drizzle-kit does not model
-- virtual tables, so this step is hand-written and the snapshots leave it alone.
CREATE VIRTUAL TABLE `message_search` USING fts5(body, words, files, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');--> statement-breakpoint
CREATE TABLE `search_state` (`id` integer PRIMARY KEY CHECK (`id` = 1), `version` integer NOT NULL, `backfill_before` integer NOT NULL);--> statement-breakpoint
-- Messages already here are indexed by the backfill (search-index.ts), newest first.
INSERT INTO `search_state` VALUES (1, 1, (SELECT coalesce(max(`seq`), 0) + 1 FROM `messages`));
