import { LIMITS } from '../../shared/limits';
import { parseMentions } from '../../shared/mentions';
import type { BroadcastMention, Mention } from '../../shared/model';
import type { RosterEntry } from '../activity';

/** What a body says beyond its text, resolved before it is stored. */
export interface ResolvedMentions {
  mentions: Mention[];
  broadcasts: BroadcastMention[];
}

/** The channel's members by username. */
export type Roster = ReadonlyMap<string, RosterEntry>;

/**
 * The people and broadcasts a body mentions. Names that are not members of the
 * channel stay plain text, as do names past LIMITS.mentionsPerMessageMax. The
 * roster is asked for only when the body names someone.
 */
export async function resolveMentions(body: string, roster: () => Promise<Roster>): Promise<ResolvedMentions> {
  const { names, broadcasts } = parseMentions(body);
  if (names.length === 0) return { mentions: [], broadcasts };
  const members = await roster();
  const mentions: Mention[] = [];
  for (const name of names) {
    const member = members.get(name);
    if (member) mentions.push({ userId: member.userId, username: member.username });
    if (mentions.length === LIMITS.mentionsPerMessageMax) break;
  }
  return { mentions, broadcasts };
}

/** How long a fetched roster is trusted: someone who just joined is mentionable within this. */
export const ROSTER_FRESH_MS = 5000;

/** The channel's roster as last fetched from the workspace, refetched once older than ROSTER_FRESH_MS. */
export class RosterCache {
  private cached: { at: number; roster: Roster } | null = null;

  constructor(private readonly fetchRoster: () => Promise<RosterEntry[]>) {}

  async get(now: number): Promise<Roster> {
    if (this.cached && now - this.cached.at < ROSTER_FRESH_MS) return this.cached.roster;
    const roster = new Map((await this.fetchRoster()).map((entry) => [entry.username, entry]));
    this.cached = { at: now, roster };
    return roster;
  }
}
