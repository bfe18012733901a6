/**
 * Process-wide count of open WebSockets, so Hearth refuses new ones cleanly
 * before workerd runs out of file descriptors (which kills the whole process).
 *
 * In workerd every object of this worker runs in one isolate, so module state
 * is shared by all of them. Each object reports its own count, recomputed from
 * the runtime's list of sockets, so hibernation and eviction cannot skew it.
 */
const openByObject = new Map<string, number>();

export const DEFAULT_MAX_CONNECTIONS = 5000;

export function reportOpenSockets(objectId: string, open: number) {
  if (open > 0) openByObject.set(objectId, open);
  else openByObject.delete(objectId);
}

export function openSocketCount(): number {
  let total = 0;
  for (const n of openByObject.values()) total += n;
  return total;
}

export function parseMaxConnections(value: string | null | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_CONNECTIONS;
}
