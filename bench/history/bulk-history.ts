/**
 * A channel's history written in bulk SQL, 100k events a statement, with the rows production would
 * have written for the same events (messages.ts, threads.ts, reactions.ts). Event i (1-based) takes
 * sequence number base + i, like every change in production; its kind follows from i alone, so
 * chunks can be written one after another:
 *
 *   i % 10 = 1           a post: the "anchor" that thread replies in the next 40 events answer
 *   i % 10 odd, 15%      a thread reply to one of the last four anchors (10% also shown in the channel)
 *   the event after one  the root's summary update, which takes its own sequence number
 *   i % 10 even, 12%     a reaction to the message just before it
 *   otherwise            a post
 *
 * h decides an event's kind, g (a second hash) the choices within it. Bodies and authors come from
 * pools the seeder loads first (bench_bodies, bench_authors). createdAt is startAt + i × stepMs, so it
 * never goes back.
 */

export interface SeedPlan {
  /** The channel's last sequence number before the seeded events. */
  base: number;
  startAt: number;
  stepMs: number;
  bodyCount: number;
  authorCount: number;
}

type Params = SeedPlan & { from: number; to: number };

interface Statement {
  text: string;
  params: (p: Params) => unknown[];
}

/** ?1 from, ?2 to, ?3 base, ?4 startAt, ?5 stepMs, ?6 bodyCount, ?7 authorCount. Numbers arrive as REAL: integer columns convert them, the event counter is cast. */
const params = (p: Params) => [p.from, p.to, p.base, p.startAt, p.stepMs, p.bodyCount, p.authorCount];

const EVENTS = `WITH RECURSIVE
  n(i) AS (SELECT CAST(?1 AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?2),
  hashed AS (SELECT i, i % 10 AS d, (i * 2654435761) % 1000 AS h, ((i - 1) * 2654435761) % 1000 AS previous, (i * 40503) % 997 AS g FROM n),
  events AS (
    SELECT i, d, g, CASE
      WHEN d IN (3, 5, 7, 9) AND h < 150 THEN 'reply'
      WHEN d IN (4, 6, 8, 0) AND previous < 150 THEN 'root-update'
      WHEN d IN (2, 4, 6, 8) AND h < 120 THEN 'reaction'
      ELSE 'post' END AS kind
    FROM hashed)`;

/** The anchor (i % 10 = 1) a reply at event i answers: one of the last four, never before event 1. */
const ROOT_EVENT = `CASE WHEN i - d + 1 - 10 * (g % 4) >= 1 THEN i - d + 1 - 10 * (g % 4) ELSE i - d + 1 END`;

export const SEED_STATEMENTS: { events: Statement[]; finish: Statement[] } = {
  events: [
    {
      text: `INSERT INTO messages (seq, client_id, author_id, author_name, body, created_at, updated_seq, thread_root, also_in_channel, has_link)
        ${EVENTS}
        SELECT ?3 + i, 'seed-' || i, a.user_id, a.name, b.body, ?4 + i * ?5, ?3 + i,
          CASE WHEN kind = 'reply' THEN ?3 + ${ROOT_EVENT} END,
          kind = 'reply' AND g % 10 = 0,
          b.has_link
        FROM events
        JOIN bench_authors a ON a.id = (i * 7919) % ?7
        JOIN bench_bodies b ON b.id = (i * 104729) % ?6
        WHERE kind IN ('post', 'reply')
        ORDER BY i`,
      params,
    },
    {
      text: `INSERT INTO reactions (message_seq, emoji, user_id, user_name, created_at)
        ${EVENTS}
        SELECT ?3 + i - 1, json_extract('["👍","🎉","❤️","😂","👀","🙏","✅","🚀"]', '$[' || (g % 8) || ']'), a.user_id, a.name, ?4 + i * ?5
        FROM events
        JOIN bench_authors a ON a.id = (i * 31) % ?7
        WHERE kind = 'reaction'
        ORDER BY i`,
      params,
    },
  ],
  finish: [
    {
      // A reaction is the event right after the message it is on.
      text: `UPDATE messages SET updated_seq = max(updated_seq, seq + 1) WHERE seq > ?1 AND seq IN (SELECT message_seq FROM reactions)`,
      params: (p) => [p.base],
    },
    {
      // Each reply's root update is the event right after it; the summary names up to five repliers, latest first.
      text: `UPDATE messages SET
          reply_count = t.replies,
          last_reply_at = t.last_at,
          updated_seq = max(messages.updated_seq, t.last_seq + 1),
          thread_participants = (
            SELECT json_group_array(json_object('id', p.author_id, 'name', p.author_name))
            FROM (SELECT author_id, author_name, max(seq) AS latest FROM messages r WHERE r.thread_root = messages.seq
                  GROUP BY author_id ORDER BY latest DESC LIMIT 5) p)
        FROM (SELECT thread_root AS root, count(*) AS replies, max(created_at) AS last_at, max(seq) AS last_seq
              FROM messages WHERE thread_root > ?1 GROUP BY thread_root) t
        WHERE messages.seq = t.root`,
      params: (p) => [p.base],
    },
  ],
};
