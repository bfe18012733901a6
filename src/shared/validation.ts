import type { z } from 'zod';

/** A short, human-readable summary of what failed validation ("body: A message cannot be empty"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
