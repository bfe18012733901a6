import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors';
import type { AppEnv } from '../context';

/** Lets only the server's administrators through; runs after requireAccount(). */
export function requireInstanceAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireInstanceAdmin(c, next) {
    if (!c.get('account').isAdmin) {
      throw new AppError('forbidden', 'Only an administrator of this server may do that');
    }
    return next();
  };
}
