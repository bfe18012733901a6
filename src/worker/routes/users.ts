import { Hono } from 'hono';
import { entityId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { AppEnv } from '../context';
import { readParam } from '../http/validate';
import { requireAccount } from '../middleware/session';
import { directory } from '../stubs';

/** Avatars are served only inside the sandbox and never sniffed, though the upload was checked to be an image. */
const AVATAR_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': 'sandbox',
};

export const userRoutes = new Hono<AppEnv>().get('/:userId/avatar', requireAccount(), async (c) => {
  const userId = readParam(c, 'userId', entityId);
  const avatar = await directory(c.env).avatarFor(c.get('account').id, userId);
  // Someone you share no workspace with is not found, whether or not they exist.
  if (!avatar) throw new AppError('not_found', 'No such avatar');
  // The URL names a version, so the image at it never changes; an old version's URL gets the current image, uncached.
  const versioned = c.req.query('v') === avatar.version;
  return c.body(avatar.bytes, 200, {
    ...AVATAR_HEADERS,
    'Content-Type': avatar.contentType,
    'Cache-Control': versioned ? 'private, max-age=31536000, immutable' : 'private, no-cache',
  });
});
