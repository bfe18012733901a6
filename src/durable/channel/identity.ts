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
  /** The workspace role when the socket opened. */
  role: z.enum(ROLES),
  workspaceId: z.string(),
  channelId: z.string(),
});
export type SocketIdentity = z.infer<typeof SocketIdentity>;
