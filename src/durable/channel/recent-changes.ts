import type { MemberChange, SocketIdentity } from './identity';

/** How long a pushed change is remembered: far longer than a worker takes from checking access to opening the socket. */
const REMEMBERED_MS = 30_000;

interface Noted {
  change?: { at: number; change: MemberChange };
  /** The person's sockets were closed for good, with this close reason. */
  revoked?: { at: number; reason: string };
}

/**
 * Changes pushed to people's sockets in the last moments. A socket the worker
 * authorized just before a change reached this object would otherwise miss it
 * (a removed person kept reading; a timeout not applied), so a new socket is
 * checked against what happened since its access was checked. Kept in memory:
 * an object is only evicted when idle, long after the window that matters.
 */
export class RecentChanges {
  private readonly noted = new Map<string, Noted>();

  changed(userId: string, change: MemberChange, now: number) {
    this.note(userId, now, { change: { at: now, change } });
  }

  revoked(userId: string, reason: string, now: number) {
    this.note(userId, now, { revoked: { at: now, reason } });
  }

  /** What happened to the socket's person after its access was checked. */
  since(identity: SocketIdentity): { change?: MemberChange; revoked?: string } {
    const noted = this.noted.get(identity.userId);
    const after = (at: number | undefined) => at !== undefined && at >= identity.issuedAt;
    return {
      change: after(noted?.change?.at) ? noted!.change!.change : undefined,
      revoked: after(noted?.revoked?.at) ? noted!.revoked!.reason : undefined,
    };
  }

  /** Whether the person lost access at or after `at` (a search's grant issued then no longer holds). */
  revokedSince(userId: string, at: number): boolean {
    const revoked = this.noted.get(userId)?.revoked?.at;
    return revoked !== undefined && revoked >= at;
  }

  private note(userId: string, now: number, what: Noted) {
    for (const [id, old] of this.noted) {
      const latest = Math.max(old.change?.at ?? 0, old.revoked?.at ?? 0);
      if (now - latest > REMEMBERED_MS) this.noted.delete(id);
    }
    this.noted.set(userId, { ...this.noted.get(userId), ...what });
  }
}
