import { fuzzyScore } from './mention-query';

interface Named {
  displayName: string;
  username: string;
}

/** People matching a typed query by name or username (fuzzy, letters in order), best first; everyone in order when it is empty. */
export function searchPeople<T extends Named>(query: string, people: T[]): T[] {
  const q = query.trim().toLowerCase().replace(/^@/, '');
  if (!q) return people;
  return people
    .map((person) => ({ person, score: Math.max(fuzzyScore(q, person.displayName), fuzzyScore(q, person.username)) }))
    .filter((x) => x.score >= 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.person);
}
