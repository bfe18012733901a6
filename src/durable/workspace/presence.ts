import { eq, ne } from 'drizzle-orm';
import type { Presence, StatusOverride } from '../../shared/model';
import type { WorkspaceDb } from './db';
import * as schema from './schema';

/** What a gateway socket remembers across hibernation: whose it is and whether its tab is idle. */
export interface GatewayAttachment {
  userId: string;
  idle: boolean;
}

/**
 * A person's presence from their open gateway sockets and their override.
 * Nobody connected is offline whatever they chose; connected, an override
 * wins; otherwise any active tab makes them online and only idle tabs away.
 */
export function presenceOf(override: StatusOverride, sockets: readonly GatewayAttachment[]): Presence {
  if (sockets.length === 0) return 'offline';
  if (override !== 'auto') return override;
  return sockets.some((s) => !s.idle) ? 'online' : 'away';
}

/** Whether @here reaches this person: an active tab and not set to away (do-not-disturb still counts). */
export function isHere(override: StatusOverride, sockets: readonly GatewayAttachment[]): boolean {
  return override !== 'away' && sockets.some((s) => !s.idle);
}

/** A member's override and the presence last announced for them; undefined for someone not a member. */
export function presenceRecord(db: WorkspaceDb, userId: string): { override: StatusOverride; announced: Presence } | undefined {
  return db
    .select({ override: schema.members.statusOverride, announced: schema.members.announcedPresence })
    .from(schema.members)
    .where(eq(schema.members.userId, userId))
    .get();
}

export function setOverride(db: WorkspaceDb, userId: string, override: StatusOverride) {
  db.update(schema.members).set({ statusOverride: override }).where(eq(schema.members.userId, userId)).run();
}

/** Everyone is offline: for when no socket is open (after a restart, announcements of before are void). */
export function resetAnnounced(db: WorkspaceDb) {
  db.update(schema.members).set({ announcedPresence: 'offline' }).where(ne(schema.members.announcedPresence, 'offline')).run();
}

export function setAnnounced(db: WorkspaceDb, userId: string, presence: Presence) {
  db.update(schema.members).set({ announcedPresence: presence }).where(eq(schema.members.userId, userId)).run();
}

/**
 * Everyone's presence as last announced to all (the offline left out): what a new
 * gateway's hello shows, read from the members table rather than from every open socket.
 */
export function announcedPresence(db: WorkspaceDb): Record<string, Presence> {
  const rows = db
    .select({ userId: schema.members.userId, announced: schema.members.announcedPresence })
    .from(schema.members)
    .where(ne(schema.members.announcedPresence, 'offline'))
    .all();
  return Object.fromEntries(rows.map((r) => [r.userId, r.announced]));
}
