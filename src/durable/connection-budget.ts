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

/** Closes often come in bursts (a network blip, a server restart): one recount serves the burst. */
const RECOUNT_AFTER_CLOSE_MS = 100;

/**
 * One object's open sockets, as reported to the budget. Counting means walking
 * `getWebSockets()`, which makes a JS object for every socket: doing it on every
 * accept made opening N sockets cost O(N²). So the object counts once as it starts,
 * adds one per accept, and recounts shortly after closes (until then the count is
 * high, which errs towards refusing).
 */
export class SocketTally {
  private open = 0;
  private recountTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly objectId: string,
    private readonly countOpen: () => number,
  ) {
    this.recount();
  }

  accepted() {
    this.open += 1;
    reportOpenSockets(this.objectId, this.open);
  }

  closed() {
    this.recountTimer ??= setTimeout(() => {
      this.recountTimer = null;
      this.recount();
    }, RECOUNT_AFTER_CLOSE_MS);
  }

  recount() {
    this.open = this.countOpen();
    reportOpenSockets(this.objectId, this.open);
  }
}
