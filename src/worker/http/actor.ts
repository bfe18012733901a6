import type { Context } from 'hono';
import type { Actor } from '../../durable/workspace/db';
import type { AppEnv } from '../context';
import { clientAddress } from './client-address';

/** The signed-in caller and their address, for workspace changes the audit log records. */
export function actor(c: Context<AppEnv>): Actor {
  return { userId: c.get('account').id, address: clientAddress(c) };
}
