import type { Context } from 'hono';
import { AppError } from '../../shared/errors';
import type { AppEnv } from '../context';
import { clientAddress } from '../http/client-address';
import { directory } from '../stubs';
import { assertMayTrySignIn, clearFailedSignIns, recordFailedSignIn } from './login-throttle';
import { verifyPassword } from './passwords';

/**
 * Checks the signed-in person's own password before a change that needs it. Failures
 * count toward the sign-in throttle, so a stolen session cannot guess the password fast.
 */
export async function confirmPassword(c: Context<AppEnv>, password: string) {
  const me = c.get('account');
  const address = clientAddress(c);
  assertMayTrySignIn(me.username, address, Date.now());
  const hash = await directory(c.env).passwordHashOf(me.id);
  if (!hash || !(await verifyPassword(password, hash))) {
    recordFailedSignIn(me.username, address, Date.now());
    throw new AppError('invalid_credentials', 'That is not your current password; check it and try again');
  }
  clearFailedSignIns(me.username);
}
