import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { HitKey } from '../../durable/channel/search';

/**
 * A stateless cursor: the last hit returned and the moment relevance ages from. It needs no signature:
 * it can only narrow results inside the caller's own scope, which is checked afresh for every page.
 */
const Cursor = z.object({
  v: z.literal(1),
  mode: z.enum(['newest', 'relevance']),
  /** Which search it belongs to: a cursor from another query or mode is refused. */
  q: z.string(),
  now: z.number().int(),
  last: z.object({ score: z.number(), at: z.number().int(), channelId: z.string().max(64), seq: z.number().int().min(1) }),
});
export type Cursor = z.infer<typeof Cursor>;

export function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify(cursor));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(text: string, expect: { mode: Cursor['mode']; q: string }): Cursor {
  let parsed: Cursor;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    parsed = Cursor.parse(JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))));
  } catch {
    throw new AppError('bad_request', 'cursor: not a cursor this search gave');
  }
  if (parsed.mode !== expect.mode || parsed.q !== expect.q) throw new AppError('bad_request', 'cursor: it belongs to another search');
  return parsed;
}

/** A short fingerprint of the normalized search, so a cursor is used with the search that made it. */
export function searchFingerprint(...parts: string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export type { HitKey };
