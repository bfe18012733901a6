import type { Context } from 'hono';

/** The TCP peer's address as workerd reports it; client-sent forwarding headers are not trusted. */
export function clientAddress(c: Context): string {
  const cf = (c.req.raw as { cf?: { clientIp?: unknown } }).cf;
  return typeof cf?.clientIp === 'string' ? cf.clientIp : 'unknown';
}
