import { z } from 'zod';
import { ROLES } from '../../shared/model';

/**
 * Who opened a channel socket, as the worker vouches after checking the
 * session and channel membership. The header is set by the worker only: the
 * object is not reachable from outside.
 */
export const IDENTITY_HEADER = 'X-Hearth-Identity';

export const SocketIdentity = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** The workspace role, kept current by Channel.applyMember while the socket is open. */
  role: z.enum(ROLES),
  workspaceId: z.string(),
  channelId: z.string(),
  /** While in the future the person reads but cannot post, edit, react or pin; kept current like the role. */
  timedOutUntil: z.number().nullable().default(null),
  /** The client address the socket was opened from, for the audit log. */
  address: z.string().default(''),
  /** When the worker began checking the person's access: changes pushed since then still apply (see RecentChanges). */
  issuedAt: z.number().default(0),
});
export type SocketIdentity = z.infer<typeof SocketIdentity>;

/** What changes about a person while their sockets stay open (see Channel.applyMember). */
export type MemberChange = Pick<SocketIdentity, 'role' | 'timedOutUntil' | 'displayName'>;

/**
 * A socket's identity. Sockets opened before an upgrade lack the newer fields;
 * they read as their defaults.
 */
export function identityOf(ws: WebSocket): SocketIdentity {
  const stored = ws.deserializeAttachment() as Partial<SocketIdentity>;
  return { timedOutUntil: null, address: '', issuedAt: 0, ...stored } as SocketIdentity;
}
