import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';

/**
 * Counts failed sign-ins per username and per address in this process.
 * Each attempt costs ~100 ms of the only thread, so guessing must be slow.
 */
const failures = new Map<string, { count: number; since: number }>();
const MAX_TRACKED = 10_000;

function keys(username: string, address: string) {
  return [`u:${username}`, `a:${address}`];
}

export function assertMayTrySignIn(username: string, address: string, now: number) {
  for (const key of keys(username, address)) {
    const entry = failures.get(key);
    if (entry && now - entry.since < LIMITS.loginFailureWindowMs && entry.count >= LIMITS.loginFailuresPerWindow) {
      const wait = Math.ceil((entry.since + LIMITS.loginFailureWindowMs - now) / 60_000);
      throw new AppError('too_many_requests', `Too many failed sign-ins; wait ${wait} minute${wait === 1 ? '' : 's'} and try again`);
    }
  }
}

export function recordFailedSignIn(username: string, address: string, now: number) {
  if (failures.size > MAX_TRACKED) failures.clear();
  for (const key of keys(username, address)) {
    const entry = failures.get(key);
    if (!entry || now - entry.since >= LIMITS.loginFailureWindowMs) failures.set(key, { count: 1, since: now });
    else entry.count += 1;
  }
}

export function clearFailedSignIns(username: string) {
  failures.delete(`u:${username}`);
}
