// @ts-check
/**
 * Which Durable Objects a workerd process has live right now, seen from outside: a live object
 * keeps its SQLite database open, an evicted one has closed it. Read from /proc/<pid>/fd.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * The object databases `pid` has open, as "<namespace folder>/<object id>" (namespace metadata files left out).
 * @param {number} pid @returns {string[]}
 */
export function openObjects(pid) {
  const dir = `/proc/${pid}/fd`;
  const open = new Set();
  for (const fd of readdirSync(dir)) {
    let target;
    try {
      target = readlinkSync(path.join(dir, fd));
    } catch {
      continue; // closed while we looked
    }
    const match = /\/([^/]+)\/([0-9a-f]{64})\.sqlite$/.exec(target);
    if (match) open.add(`${match[1]}/${match[2]}`);
  }
  return [...open];
}
