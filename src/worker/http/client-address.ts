import type { Context } from 'hono';

/**
 * The TCP peer's address as workerd reports it, without the port: workerd gives
 * "ip:port", and a client opening a new connection must not become a new client
 * (the sign-in throttle counts per address). Client-sent forwarding headers are not trusted.
 */
export function clientAddress(c: Context): string {
  const cf = (c.req.raw as { cf?: { clientIp?: unknown } }).cf;
  return typeof cf?.clientIp === 'string' ? withoutPort(cf.clientIp) : 'unknown';
}

function withoutPort(address: string): string {
  if (address.startsWith('[')) return address.slice(1, address.indexOf(']')); // "[::1]:8080"
  const parts = address.split(':');
  return parts.length === 2 ? parts[0] : address; // "10.0.0.1:8080"; a bare IPv6 address has no port
}
