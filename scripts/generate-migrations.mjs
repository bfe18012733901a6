// Generates SQL migrations for each Durable Object class from its Drizzle schema
// into migrations/<class>/. Run after changing a schema: npm run db:generate
import { execFileSync } from 'node:child_process';

const objects = ['directory', 'workspace', 'channel'];
for (const name of objects) {
  execFileSync(
    'drizzle-kit',
    [
      'generate',
      '--dialect=sqlite',
      '--driver=durable-sqlite',
      `--schema=src/durable/${name}/schema.ts`,
      `--out=migrations/${name}`,
    ],
    { stdio: 'inherit' },
  );
}
